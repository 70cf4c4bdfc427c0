// Starlight's route middleware (astro.config.mjs: routeMiddleware): the API reference's pages are left
// out of the search index (src/lib/api-pages.ts says why).
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { isApiRoute } from "./lib/api-pages.js";

export const onRequest = defineRouteMiddleware(({ locals }) => {
  const route = locals.starlightRoute;
  if (isApiRoute(route.id)) route.entry.data.pagefind = false;
});
