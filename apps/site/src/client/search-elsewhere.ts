// When the site's search finds nothing in this page's language but the other language's pages match
// (a Chinese query on the English pages, or back), the search dialog says so and links to those pages.
// A Pagefind instance of its own searches this language's index with the other merged into it; its
// results only decide and fill the note, Starlight's search UI stays as it is.

interface Config {
  /** Pagefind's language key of the other index, "zh-cn" or "en". */
  readonly otherLanguage: string;
  /** Where the Chinese pages' URLs start ("/zh-cn/"): how a result's language is told. */
  readonly zhPrefix: string;
  /** The site's base path, ending in "/". */
  readonly base: string;
  /** The note's sentence, in the page's language. */
  readonly text: string;
  /** The other language's tag ("zh-CN"), for the list of its page titles. */
  readonly otherLang: string;
}
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string } }>;
}
interface PagefindInstance {
  mergeIndex(path: string, options: { language: string }): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** At most this many links in the note. */
const SHOWN = 5;

const config = JSON.parse(
  document.getElementById("pymem-search-elsewhere")?.textContent ?? "null",
) as Config | null;
let instance: Promise<PagefindInstance> | undefined;

function bothIndexes(c: Config): Promise<PagefindInstance> {
  const bundle = `${c.base}pagefind/`;
  instance ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pagefind) => {
    const i = pagefind.createInstance({ basePath: bundle, baseUrl: c.base }) as PagefindInstance;
    // The same bundle's other language; Pagefind skips a merge whose path the primary's starts with, so
    // the merge names it by its full URL.
    await i.mergeIndex(new URL(bundle, location.href).href, { language: c.otherLanguage });
    return i;
  });
  return instance;
}

/** The other language's pages for `term`, or none when this language has a match too. */
async function elsewhere(c: Config, term: string): Promise<{ url: string; title: string }[]> {
  const found = await (await bothIndexes(c)).search(term);
  const data = await Promise.all((found?.results ?? []).slice(0, 50).map((r) => r.data()));
  // The merged index gives full URLs, the primary paths: compare paths.
  const pages = data.map((d) => {
    const url = new URL(d.url, location.href);
    return { url: url.pathname + url.hash, title: d.meta.title ?? url.pathname };
  });
  const isOther = (url: string) => url.startsWith(c.zhPrefix) === (c.otherLanguage === "zh-cn");
  if (pages.length === 0 || !pages.every((p) => isOther(p.url))) return [];
  return pages.slice(0, SHOWN);
}

function note(c: Config, pages: { url: string; title: string }[]): HTMLElement {
  const box = document.createElement("div");
  box.className = "pymem-search-elsewhere";
  const p = document.createElement("p");
  p.textContent = c.text;
  const list = document.createElement("ul");
  list.lang = c.otherLang;
  for (const page of pages) {
    const item = document.createElement("li");
    const a = document.createElement("a");
    a.href = page.url;
    a.textContent = page.title;
    item.append(a);
    list.append(item);
  }
  box.append(p, list);
  return box;
}

const root = document.getElementById("starlight__search");
if (config && root) {
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  root.addEventListener("input", (event) => {
    const term = (event.target as HTMLInputElement).value.trim();
    const ask = ++asked;
    clearTimeout(timer);
    root.querySelector(".pymem-search-elsewhere")?.remove();
    if (term === "") return;
    timer = setTimeout(async () => {
      const pages = await elsewhere(config, term).catch(() => []);
      if (ask !== asked || pages.length === 0) return;
      root.append(note(config, pages));
    }, 300);
  });
}
