// For child processes that run this package's TypeScript sources (node --import ./strip-types.mjs):
// Node 24 strips the types itself, and this hook resolves the sources' "./x.js" imports to "./x.ts".
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (!(specifier.startsWith(".") && specifier.endsWith(".js"))) throw e;
      return next(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
});
