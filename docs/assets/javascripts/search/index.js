/* The site search behind the header's search box (docs/overrides/partials/search.html), with Pagefind's
   JavaScript API (/pagefind/pagefind.js, written after the build by hooks/knowledge_bank/search_index.py).

   Loaded by the box's first use, never before. Pagefind then loads its WebAssembly and the index chunks of
   the words typed, and the data of the results painted (a few at a time). Entries come before hand-written
   pages (two searches on the `type` filter); kind, country and SDG filters narrow the entries.

   One index serves the four interfaces: it holds each entry once (its English page) and each hand-written page
   in its language (the `interface` filter). A result links to the entry's page in the reader's language, with
   its countries (countries_es) and, when the entry has one, its title (title_es) in that language; the filters
   hold codes (round, BR, 5), named by the language's search-labels.json. Every other text is a label of
   vocabularies/labels.yml, read from the box's data-labels; text from the index only ever becomes text nodes
   (and <mark> elements for the matched words). */

const AT_ONCE = 6; // results painted at a time: what fits a phone's screen or two
const FILTERS = ["kind", "country", "sdg"];
const VOWEL = "aeiouáéíóúâêôãõàèìòùäëïöü";
const ENDING = new RegExp(`([^\\s${VOWEL}])[aeo]s?$`, "iu");

/* Spanish, Portuguese and French words change their ending with gender and number (cuidadores, cuidadoras;
   participativo, participativas), and Pagefind stems the whole index in one language. A word of six letters
   or more therefore loses a final vowel and s after a consonant, and Pagefind's prefix matching finds every
   form of it. A "quoted phrase" is searched as written. */
export function reduce(query) {
  if (query.includes('"')) return query;
  return query
    .split(/\s+/)
    .map((word) => (word.length >= 6 ? word.replace(ENDING, "$1") : word))
    .join(" ");
}

export async function mount(box, root) {
  const lang = document.documentElement.lang || "en";
  const tree = box.dataset.tree || ""; // the language's folder: "" (English), "es/"…
  const labels = JSON.parse(box.dataset.labels);
  const t = (name) => labels[name];
  const numbers = new Intl.NumberFormat(lang); // made once, not for each number or date
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  t.count = (name, n) => labels[`${name}.${n === 1 ? "one" : "other"}`].replace("{n}", numbers.format(n));

  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = form.querySelector("input");
  const status = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const more = box.querySelector(".kb-search__more");
  const fieldset = box.querySelector(".kb-search__filters");
  const selects = {};

  let pagefind = null;
  let results = [];
  let shown = 0;
  let latest = 0; // the number of the newest search: an older one that ends later paints nothing
  let timer = null;

  status.textContent = t("search.loading");
  let names = {}; // the filters' values in the reader's language: {kind: {round: "Ronda"}, country: {BR: "Brasil"}…}
  try {
    // Without its names (an error, a host's fallback page), the search still works: the filters show codes.
    const named = fetch(root + tree + "search-labels.json")
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
    pagefind = await import(root + "pagefind/pagefind.js");
    // No web worker: it would cost one more round trip (its script) before the WebAssembly loads.
    await pagefind.options({ baseUrl: new URL(root).pathname, excerptLength: 18, noWorker: true });
    pagefind.init(); // the WebAssembly and the index's metadata, while the visitor types
    names = await named;
  } catch (error) {
    status.textContent = t("search.failed");
    console.warn("search:", error);
    return;
  }

  const chosen = () => {
    const filters = {};
    for (const name of FILTERS) if (selects[name]?.value) filters[name] = selects[name].value;
    return filters;
  };

  async function search() {
    const id = ++latest;
    const query = reduce(input.value.trim());
    if (!query) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t("search.initial");
      return;
    }
    const filters = chosen();
    const narrowed = Object.keys(filters).length > 0; // only entries have kinds, countries and SDGs
    const [entries, pages] = await Promise.all([
      pagefind.search(query, { filters: { ...filters, type: "entry" } }),
      narrowed ? null : pagefind.search(query, { filters: { type: "page", interface: lang } }),
    ]);
    if (id !== latest) return;
    results = [...(entries?.results ?? []), ...(pages?.results ?? [])];
    shown = 0;
    list.replaceChildren();
    await paintMore(id);
    if (id !== latest) return;
    status.textContent = results.length ? t.count("search.results", results.length) : t("search.none");
    if (fieldset.hidden) showFilters();
  }

  async function paintMore(id) {
    const next = results.slice(shown, shown + AT_ONCE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (id !== latest) return;
    list.append(...data.map(item));
    shown += next.length;
    more.hidden = shown >= results.length;
  }

  const named = (filter, code) => names[filter]?.[code] ?? code;
  const base = new URL(root).pathname;

  function item(data) {
    const meta = data.meta || {};
    const filters = data.filters || {};
    const entry = (filters.type || [])[0] === "entry";
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    // An entry is indexed by its English page: the reader's is the same path in the language's folder.
    link.href = entry && data.url.startsWith(base) ? base + tree + data.url.slice(base.length) : data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset kb-search-result";
    const title = document.createElement("div");
    title.className = "kb-search-result__title";
    const translated = meta[`title_${lang}`];
    title.textContent = translated || meta.title || data.url;
    const about = document.createElement("div");
    about.className = "kb-search-result__meta";
    const kind = entry ? named("kind", (filters.kind || [])[0]) : t("search.page");
    about.textContent = [kind, day(meta.date), meta[`countries_${lang}`]].filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "kb-search-result__excerpt";
    excerpt.append(...marked(data.excerpt || ""));
    // An entry's title and text are in its own language (a filter: Pagefind searches metadata, not filters);
    // a title in the reader's language is a translation of it.
    const own = (filters.language || [])[0];
    if (own && own !== lang) {
      excerpt.lang = own;
      if (!translated) title.lang = own;
    }
    article.append(title, about, excerpt);
    link.append(article);
    link.addEventListener("click", () => (toggle.checked = false));
    li.append(link);
    return li;
  }

  /* An entry's date, indexed as one word (20240601) so that its numbers find nothing, in the page's language. */
  function day(value) {
    const parts = /^(\d{4})(\d{2})(\d{2})$/.exec(value || "");
    if (!parts) return "";
    const date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    return dates.format(date); // as Babel writes it
  }

  /* Pagefind's excerpt is HTML with <mark> around the matched words: keep those marks, and only text. */
  function marked(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  /* Kind, country and SDG filters, from the index's own values: loaded after the first results. */
  async function showFilters() {
    const values = await pagefind.filters();
    for (const name of FILTERS) {
      const counts = values[name] || {};
      if (!Object.keys(counts).length) continue;
      const label = document.createElement("label");
      label.className = "kb-search__filter";
      const caption = document.createElement("span");
      caption.textContent = t(`search.filters.${name}`);
      const select = document.createElement("select");
      select.name = name;
      select.append(new Option(t(`search.filters.any_${name}`), ""));
      const sorted = Object.keys(counts).sort((a, b) =>
        name === "sdg" ? Number(a) - Number(b) : named(name, a).localeCompare(named(name, b), lang),
      );
      for (const value of sorted) select.append(new Option(named(name, value), value));
      select.addEventListener("change", () => search());
      label.append(caption, select);
      fieldset.append(label);
      selects[name] = select;
    }
    fieldset.hidden = !Object.keys(selects).length;
  }

  const links = () => [...list.querySelectorAll("a.md-search-result__link")];

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    clearTimeout(timer);
    setTimeout(() => {
      search();
      input.focus();
    });
  });
  more.addEventListener("click", async () => {
    const first = shown;
    await paintMore(latest);
    links()[first]?.focus();
  });
  box.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Enter" && event.target === input && all.length) {
      event.preventDefault();
      all[0].click();
    } else if (event.key === "ArrowDown" && (event.target === input || at >= 0)) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    } else if (event.key === "Escape") {
      toggle.checked = false;
      document.activeElement?.blur();
    }
  });

  status.textContent = t("search.initial");
  if (input.value.trim()) search();
}
