/*
 * Explore, on every page: a few lines that import the explorer (explorer.js, with its model and view)
 * only on the page that has [data-kb-explore], on the first load or after one of Material's instant
 * navigations (document$). Other pages load nothing more.
 */

// Material's config holds the way from the first page loaded to the site root; it is read once,
// before any instant navigation, so it resolves against the address of that first page.
const config = JSON.parse(document.getElementById("__config")?.textContent || "{}")
const siteRoot = new URL(config.base || ".", location.href)

let explorer = null // the import of explorer.js, once

function mount() {
  if (!document.querySelector("[data-kb-explore]")) return
  explorer ??= import("./explorer.js")
  explorer.then(module => module.mount(siteRoot))
}

if (window.document$) window.document$.subscribe(mount)
else mount()
