/*
 * Explore: the view. Builds the filters once and updates them and the results on every change.
 *
 * Catalog text only ever reaches the page as text: elements are made with createElement and
 * filled with text nodes; nothing is parsed as HTML. Links must stay on this site.
 */

import { FACETS, KIND_LABELS, isEmpty } from "./model.js"

const COLLAPSED = 8 // values shown before "Show all" in long facets
const PAGE = 50 // results shown at a time
const COLLAPSIBLE = new Set(["country", "keyword"])
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })

/** An element with attributes (null and false ones left out) and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes))
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value === true ? "" : String(value))
  element.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false))
  return element
}

const plural = (n, one, many) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`
const hidden = text => h("span", { class: "kb-visually-hidden" }, text)

/** The address of a catalog URL on this site, or null if it would lead anywhere else. */
export function siteLink(url, siteRoot) {
  try {
    const link = new URL(url, siteRoot)
    return link.origin === siteRoot.origin && /^https?:$/.test(link.protocol) ? link.href : null
  } catch {
    return null
  }
}

/** One result, as the static listings show an entry. */
export function resultItem(entry, siteRoot) {
  const r = entry.record
  const href = siteLink(r.url, siteRoot)
  const date = new Date(`${r.date}T00:00:00Z`)
  return h("li", { class: "kb-item" },
    href ? h("a", { class: "kb-item__title", href }, r.title) : h("span", { class: "kb-item__title" }, r.title),
    h("span", { class: "kb-item__meta" },
      KIND_LABELS[r.kind] || r.kind, " · ", h("time", { datetime: r.date }, DATE.format(date)), " · ", entry.countryNames),
    h("span", { class: "kb-item__summary" }, r.summary))
}

export class ExploreView {
  constructor(container, model, { siteRoot, onChange }) {
    this.container = container
    this.model = model
    this.siteRoot = siteRoot
    this.onChange = onChange
    this.state = null
    this.shown = PAGE
    this.controls = {} // facet -> value key -> { item, input, count }
    this.build()
  }

  /** The state after `change` is applied to a copy of the current one. */
  next(change) {
    const state = { ...this.state, ...Object.fromEntries(FACETS.map(f => [f.name, new Set(this.state[f.name])])) }
    change(state)
    return state
  }

  build() {
    const words = h("input", {
      type: "search", id: "kb-explore-text", name: "text", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "kb-explore-text-hint",
    })
    let typing = null
    words.addEventListener("input", () => {
      clearTimeout(typing)
      typing = setTimeout(() => this.onChange(this.next(s => { s.text = words.value.trim() }), { replace: true }), 200)
    })
    this.words = words

    const toggle = h("button", { type: "button", class: "kb-explore__toggle md-button", "aria-expanded": "false", "aria-controls": "kb-explore-facets" }, "Show filters")
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true"
      toggle.setAttribute("aria-expanded", String(open))
      toggle.textContent = open ? "Hide filters" : "Show filters"
      this.container.classList.toggle("kb-explore--open", open)
    })
    this.toggle = toggle

    const clear = h("button", { type: "button", class: "kb-explore__clear" }, "Clear all filters")
    clear.addEventListener("click", () => {
      this.onChange(this.next(s => { s.text = ""; for (const f of FACETS) s[f.name].clear() }), { replace: false })
      this.words.focus()
    })
    this.clear = clear

    const form = h("form", { class: "kb-explore__form", "aria-labelledby": "kb-explore-filters-title" },
      h("div", { class: "kb-explore__words" },
        h("label", { for: "kb-explore-text" }, "Words to find"),
        words,
        h("span", { id: "kb-explore-text-hint", class: "kb-explore__hint" }, "In titles, summaries, keywords, countries and institutions")),
      toggle,
      h("div", { id: "kb-explore-facets", class: "kb-explore__facets" }, this.model.facets.map(f => this.facet(f)), clear))
    form.addEventListener("submit", event => {
      event.preventDefault()
      clearTimeout(typing)
      this.onChange(this.next(s => { s.text = words.value.trim() }), { replace: true })
    })

    this.status = h("p", { class: "kb-explore__status", role: "status", tabindex: "-1" })
    this.chosen = h("div", { class: "kb-explore__chosen" })
    this.list = h("ul", { class: "kb-list kb-explore__list" })
    this.more = h("button", { type: "button", class: "md-button kb-explore__more", hidden: true })
    this.more.addEventListener("click", () => {
      this.shown += PAGE
      this.renderResults(false)
    })
    this.container.replaceChildren(h("div", { class: "kb-explore__layout" },
      h("section", { class: "kb-explore__filters", "aria-labelledby": "kb-explore-filters-title" },
        h("h2", { id: "kb-explore-filters-title" }, "Filters"), form),
      h("section", { class: "kb-explore__results", "aria-labelledby": "kb-explore-results-title" },
        h("h2", { id: "kb-explore-results-title" }, "Results"), this.status, this.chosen, this.list, this.more)))
  }

  /** A facet: a group of checkboxes, the long ones collapsed. */
  facet(facet) {
    const controls = (this.controls[facet.name] = new Map())
    const listId = `kb-explore-${facet.name}-values`
    const items = facet.values.map((value, i) => {
      const id = `kb-explore-${facet.name}-${i}`
      const input = h("input", { type: "checkbox", id, name: facet.name, value: value.key })
      input.addEventListener("change", () => {
        this.onChange(this.next(s => { s[facet.name][input.checked ? "add" : "delete"](value.key) }), { replace: false })
      })
      const count = h("span", { class: "kb-count" })
      const label = h("label", { for: id },
        h("span", { class: "kb-facet__label" }, value.label), " ", count)
      if (value.colour && /^#[0-9a-f]{3,8}$/i.test(value.colour)) {
        label.classList.add("kb-facet__sdg")
        label.style.setProperty("--kb-sdg", value.colour)
      }
      const item = h("li", { class: "kb-facet__value" }, input, label)
      controls.set(value.key, { item, input, count, rank: i, shown: null })
      return item
    })
    const fieldset = h("fieldset", { class: "kb-facet", "data-facet": facet.name },
      h("legend", {}, facet.title), h("ul", { id: listId, class: "kb-facet__values" }, items))
    if (COLLAPSIBLE.has(facet.name) && facet.values.length > COLLAPSED + 2) {
      const button = h("button", { type: "button", class: "kb-facet__more", "aria-expanded": "false", "aria-controls": listId })
      button.addEventListener("click", () => {
        fieldset.toggleAttribute("data-expanded")
        this.renderFacet(facet)
      })
      fieldset.append(button)
    }
    return fieldset
  }

  render(state, outcome) {
    this.state = state
    this.outcome = outcome
    if (this.words.value.trim() !== state.text) this.words.value = state.text
    for (const facet of this.model.facets) this.renderFacet(facet)
    this.clear.disabled = isEmpty(state)
    this.renderChosen()
    this.shown = PAGE
    this.renderResults(true)
    this.container.dataset.state = new URLSearchParams(
      FACETS.flatMap(f => [...state[f.name]].map(v => [f.name, v])).concat(state.text ? [["text", state.text]] : [])).toString()
  }

  renderFacet(facet) {
    const fieldset = this.container.querySelector(`fieldset[data-facet="${facet.name}"]`)
    const expanded = fieldset.hasAttribute("data-expanded")
    const counts = this.outcome.counts[facet.name]
    const chosen = this.state[facet.name]
    for (const [key, c] of this.controls[facet.name]) {
      const n = counts.get(key) || 0
      const text = String(n)
      if (c.count.firstChild?.nodeValue !== text) c.count.replaceChildren(text, hidden(n === 1 ? " entry" : " entries"))
      c.input.checked = chosen.has(key)
      c.input.disabled = n === 0 && !c.input.checked
      c.item.classList.toggle("kb-facet__value--none", n === 0)
      c.item.hidden = !(expanded || c.rank < COLLAPSED || c.input.checked) && fieldset.querySelector(".kb-facet__more") !== null
    }
    const button = fieldset.querySelector(".kb-facet__more")
    if (button) {
      button.setAttribute("aria-expanded", String(expanded))
      button.textContent = expanded ? "Show fewer" : `Show all ${facet.values.length}`
    }
  }

  /** The chosen filters, each a button that removes it. */
  renderChosen() {
    const buttons = []
    const remove = (label, change) => {
      const button = h("button", { type: "button", class: "kb-explore__remove" }, label, hidden(" (remove this filter)"))
      button.addEventListener("click", () => {
        const index = buttons.indexOf(button)
        this.onChange(this.next(change), { replace: false })
        const rest = this.chosen.querySelectorAll("button")
        ;(rest[Math.min(index, rest.length - 1)] || this.status).focus()
      })
      buttons.push(button)
    }
    if (this.state.text) remove(`“${this.state.text}”`, s => { s.text = "" })
    for (const facet of this.model.facets)
      for (const value of facet.values)
        if (this.state[facet.name].has(value.key)) remove(`${facet.title}: ${value.label}`, s => s[facet.name].delete(value.key))
    this.chosen.replaceChildren(...(buttons.length ? [h("span", { class: "kb-explore__chosen-title" }, "Chosen:"), ...buttons] : []))
  }

  renderResults(fresh) {
    const { results } = this.outcome
    const total = this.model.entries.length
    this.status.textContent = results.length === 0
      ? "No entry matches. Remove a filter, or clear them all."
      : isEmpty(this.state)
        ? `All ${plural(total, "entry", "entries")}, newest first.`
        : `${results.length.toLocaleString("en")} of ${plural(total, "entry", "entries")} match, newest first.`
    const from = fresh ? 0 : this.list.children.length
    const items = results.slice(from, this.shown).map(entry => resultItem(entry, this.siteRoot))
    if (fresh) this.list.replaceChildren(...items)
    else this.list.append(...items)
    const left = results.length - this.shown
    this.more.hidden = left <= 0
    this.more.textContent = left > 0 ? `Show ${Math.min(PAGE, left)} more (${left.toLocaleString("en")} left)` : ""
  }
}
