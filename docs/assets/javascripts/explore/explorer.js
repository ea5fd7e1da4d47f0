/*
 * Explore: the controller, imported by index.js on the page that has [data-kb-explore]. Mounts the
 * explorer there (on the first visit and after each instant navigation back to it), keeps the filters
 * in the URL query and follows the back and forward buttons.
 */

import { apply, formatState, parseState, prepare } from "./model.js"
import { ExploreView, h } from "./view.js"

let siteRoot = null // the site's root (index.js works it out on the first page loaded)
let loading = null // Promise of the model, shared by every visit to the page
let current = null // { container, path, model, view }

/** Settles in a task of its own. Reading the catalog, preparing it, drawing the filters and the first results are
 * each a task: on a slow phone the page answers taps and scrolls between them instead of freezing for all four. */
const nextTask = () => new Promise(resolve => setTimeout(resolve, 0))

function load() {
  if (!loading) {
    loading = fetch(new URL("catalog.json", siteRoot))
      .then(response => {
        if (!response.ok) throw new Error(`catalog.json: HTTP ${response.status}`)
        return response.json()
      })
      .then(async catalog => {
        await nextTask()
        return prepare(catalog, document.documentElement.lang || "en")
      })
    loading.catch(() => { loading = null }) // try again on the next visit
  }
  return loading
}

/** Show `state`; with `push` or `replace`, also record it in the address (a history entry for `push`). */
function show(state, { push = false, replace = false } = {}) {
  current.view.render(state, apply(current.model, state))
  if (push || replace) {
    // Chromium's history API takes ~10 ms: the results are drawn first, the address is set after.
    const url = `${location.pathname}${formatState(state, current.model)}${location.hash}`
    requestAnimationFrame(() => setTimeout(() => {
      if (url !== `${location.pathname}${location.search}${location.hash}`)
        history[push ? "pushState" : "replaceState"](null, "", url)
    }, 0))
  }
}

/** The root of the pages in the page's language (English at the site's root, the others in es/, pt/, fr/). */
function pagesRoot() {
  const lang = document.documentElement.lang || "en"
  return lang === "en" ? siteRoot : new URL(`${lang}/`, siteRoot)
}

export function mount(root) {
  siteRoot = root
  current = null
  const container = document.querySelector("[data-kb-explore]")
  if (!container) return
  // The two messages shown before the catalog (and its labels) arrive are the page's own (docs/explore.md).
  const { loading, failed } = container.dataset
  container.replaceChildren(h("p", { class: "kb-explore__status", role: "status" }, loading))
  load().then(
    async model => {
      await nextTask()
      if (!container.isConnected) return
      const view = new ExploreView(container, model, {
        siteRoot: pagesRoot(),
        onChange: (state, { replace }) => show(state, { push: !replace, replace }),
      })
      await nextTask()
      if (!container.isConnected) return
      current = { container, path: location.pathname, model, view }
      show(parseState(location.search, model), { replace: true }) // drops values the catalog does not know
    },
    error => {
      console.warn(error)
      container.replaceChildren(h("p", { class: "kb-explore__status", role: "status" }, failed))
    })
}

window.addEventListener("popstate", () => {
  // A move to another page is Material's to handle (it then emits document$).
  if (current && current.container.isConnected && location.pathname === current.path)
    show(parseState(location.search, current.model))
})
