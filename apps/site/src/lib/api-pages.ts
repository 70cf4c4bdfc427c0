// The generated API reference of @pymem/core (starlight-typedoc): where it lives, and how its pages
// differ from the story's. It is left out of search, so a reader's query finds the story's pages (the
// reference stays one click away in the sidebar), and it exists in English only: its Chinese URLs say so
// and link to the English page (docs/decisions.md).

/** The reference's folder under src/content/docs/, and its URL path. */
export const API_OUTPUT = "api/core";

/** Is this route id ("api/core/functions/x", "zh-cn/api/core/readme") a page of the API reference? */
export const isApiRoute = (id: string): boolean =>
  id === API_OUTPUT || id.startsWith(`${API_OUTPUT}/`) || id.startsWith(`zh-cn/${API_OUTPUT}/`);
