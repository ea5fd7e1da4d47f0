/*
 * Explore: the view. Builds the filters once and updates them and the results on every change.
 *
 * Catalog text only ever reaches the page as text: elements are made with createElement and
 * filled with text nodes; nothing is parsed as HTML. Links must stay on this site.
 */

import { FACETS, apply, formatState, isEmpty } from "./model.js"

const COLLAPSED = 8 // values shown before "Show all" in long facets
const PAGE = 50 // results shown at a time
const COLLAPSIBLE = new Set(["country", "keyword"])
const CHIPS = new Set(["role", "phase", "keyword", "year"]) // a chosen value that needs its facet's name (labels explore.chip.*)

const dateFormats = new Map() // language -> its format: making one costs far more than writing fifty dates with it

/** "2025-03-14" -> "Mar 14, 2025": CLDR's medium date in the page's language, as the static pages write it (Babel). */
export function day(iso) {
  const [year, month, date] = iso.split("-").map(Number)
  const lang = document.documentElement.lang || "en"
  if (!dateFormats.has(lang)) dateFormats.set(lang, new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }))
  return dateFormats.get(lang).format(new Date(Date.UTC(year, month - 1, date)))
}

/** An element with attributes (null and false ones left out) and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes))
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value === true ? "" : String(value))
  element.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false))
  return element
}

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

/** One result, as the static listings show an entry; `t` gives the labels (model.js `labeller`). */
export function resultItem(entry, siteRoot, t) {
  const r = entry.record
  const href = siteLink(r.url, siteRoot)
  // Only the `mkdocs serve` preview lists unpublished entries; mark them as its static listings do.
  const unpublished = r.unpublished === true ? [" · ", h("strong", {}, t("listing.not_published"))] : []
  // The title and summary in the page's language when the entry has them (its translations), else in the entry's
  // language: screen readers read them so.
  const here = document.documentElement.lang
  const shown = (r.translations && r.translations[here]) || r
  const lang = shown === r && r.language && r.language !== here ? r.language : null
  return h("li", { class: r.unpublished === true ? "kb-item kb-item--unpublished" : "kb-item" },
    href ? h("a", { class: "kb-item__title", href, lang }, shown.title) : h("span", { class: "kb-item__title", lang }, shown.title),
    h("span", { class: "kb-item__meta" },
      entry.kindLabel, " · ", t("fields.published"), " ", h("time", { datetime: r.date }, day(r.date)), " · ",
      entry.countryNames,
      ...unpublished),
    h("span", { class: "kb-item__summary", lang }, shown.summary))
}

export class ExploreView {
  constructor(container, model, { siteRoot, onChange }) {
    this.container = container
    this.model = model
    this.siteRoot = siteRoot
    this.onChange = onChange
    this.t = model.t
    this.state = null
    this.shown = PAGE
    this.groups = {} // facet name -> { fieldset, button, controls: value key -> { item, input, number, noun, rank, n } }
    this.items = new Map() // entry -> its result item, made once
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

    const toggle = h("button", { type: "button", class: "kb-explore__toggle md-button", "aria-expanded": "false", "aria-controls": "kb-explore-facets" }, this.t("explore.show_filters"))
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true"
      toggle.setAttribute("aria-expanded", String(open))
      this.container.classList.toggle("kb-explore--open", open)
      this.renderToggle()
    })
    this.toggle = toggle

    const clear = h("button", { type: "button", class: "kb-explore__clear" }, this.t("explore.clear"))
    clear.addEventListener("click", () => {
      this.onChange(this.next(s => { s.text = ""; for (const f of FACETS) s[f.name].clear() }), { replace: false })
      this.words.focus()
    })
    this.clear = clear

    // On a phone the results start far below the filters: a sticky button jumps to them.
    const jump = h("button", { type: "button", class: "kb-explore__jump md-button md-button--primary" })
    jump.addEventListener("click", () => {
      this.results.scrollIntoView()
      this.status.focus({ preventScroll: true })
    })
    this.jump = jump

    const form = h("form", { class: "kb-explore__form", "aria-labelledby": "kb-explore-filters-title" },
      h("div", { class: "kb-explore__words" },
        h("label", { for: "kb-explore-text" }, this.t("explore.words")),
        words,
        h("span", { id: "kb-explore-text-hint", class: "kb-explore__hint" }, this.t("explore.words_hint"))),
      toggle,
      h("div", { id: "kb-explore-facets", class: "kb-explore__facets" }, this.model.facets.map(f => this.facet(f)), clear, jump))
    form.addEventListener("submit", event => {
      event.preventDefault()
      clearTimeout(typing)
      this.onChange(this.next(s => { s.text = words.value.trim() }), { replace: true })
    })

    this.status = h("p", { class: "kb-explore__status", role: "status", tabindex: "-1" })
    this.chosen = h("div", { class: "kb-explore__chosen" })
    this.without = h("ul", { class: "kb-explore__without", hidden: true })
    this.list = h("ul", { class: "kb-list kb-explore__list" })
    this.more = h("button", { type: "button", class: "md-button kb-explore__more", hidden: true })
    this.more.addEventListener("click", () => {
      this.shown += PAGE
      this.renderResults(false)
    })
    this.results = h("section", { class: "kb-explore__results", "aria-labelledby": "kb-explore-results-title" },
      h("h2", { id: "kb-explore-results-title" }, this.t("explore.results")), this.status, this.without, this.chosen, this.list, this.more)
    this.container.replaceChildren(h("div", { class: "kb-explore__layout" },
      h("section", { class: "kb-explore__filters", "aria-labelledby": "kb-explore-filters-title" },
        h("h2", { id: "kb-explore-filters-title" }, this.t("explore.filters")), form),
      this.results))
  }

  /** A facet: a group of checkboxes, the long ones collapsed. */
  facet(facet) {
    const controls = new Map()
    const listId = `kb-explore-${facet.name}-values`
    const items = facet.values.map((value, i) => {
      const id = `kb-explore-${facet.name}-${i}`
      const input = h("input", { type: "checkbox", id, name: facet.name, value: value.key })
      input.addEventListener("change", () => {
        this.onChange(this.next(s => { s[facet.name][input.checked ? "add" : "delete"](value.key) }), { replace: false })
      })
      const number = document.createTextNode("")
      const noun = document.createTextNode("")
      const label = h("label", { for: id },
        h("span", { class: "kb-facet__label" }, value.label), " ",
        h("span", { class: "kb-count" }, number, h("span", { class: "kb-visually-hidden" }, noun)))
      if (value.colour && /^#[0-9a-f]{3,8}$/i.test(value.colour)) {
        label.classList.add("kb-facet__sdg")
        label.style.setProperty("--kb-sdg", value.colour)
      }
      const item = h("li", { class: "kb-facet__value" }, input, label)
      controls.set(value.key, { item, input, number, noun, rank: i, n: null, group: value.group })
      // Countries come in two groups (catalog.json `regions`): the Americas, then partners outside the region.
      const previous = facet.values[i - 1]
      if (value.group && (!previous || previous.group !== value.group)) {
        const heading = h("li", { class: "kb-facet__group", "data-group": value.group }, this.t(`explore.groups.${value.group}`))
        return [heading, item]
      }
      return item
    }).flat()
    const fieldset = h("fieldset", { class: "kb-facet", "data-facet": facet.name },
      h("legend", {}, facet.title), h("ul", { id: listId, class: "kb-facet__values" }, items))
    let button = null
    if (COLLAPSIBLE.has(facet.name) && facet.values.length > COLLAPSED + 2) {
      button = h("button", { type: "button", class: "kb-facet__more", "aria-expanded": "false", "aria-controls": listId })
      button.addEventListener("click", () => {
        fieldset.toggleAttribute("data-expanded")
        this.renderFacet(facet)
      })
      fieldset.append(button)
    }
    this.groups[facet.name] = { fieldset, button, controls }
    return fieldset
  }

  render(state, outcome) {
    this.state = state
    this.outcome = outcome
    if (this.words.value.trim() !== state.text) this.words.value = state.text
    for (const facet of this.model.facets) this.renderFacet(facet)
    this.clear.disabled = isEmpty(state)
    this.renderToggle()
    this.renderChosen()
    this.shown = PAGE
    this.renderResults(true)
    this.container.dataset.state = new URLSearchParams(
      FACETS.flatMap(f => [...state[f.name]].map(v => [f.name, v])).concat(state.text ? [["text", state.text]] : [])).toString()
  }

  /** Counts, ticks and folding of one facet; only what changed is written (a facet may have hundreds of values). */
  renderFacet(facet) {
    const group = this.groups[facet.name]
    const expanded = group.fieldset.hasAttribute("data-expanded")
    const counts = this.outcome.counts[facet.name]
    const chosen = this.state[facet.name]
    for (const [key, c] of group.controls) {
      const n = counts.get(key) || 0
      const checked = chosen.has(key)
      const folded = Boolean(group.button) && !(expanded || c.rank < COLLAPSED || checked)
      if (c.n !== n) {
        c.number.nodeValue = String(n) // as the static index pages write counts
        c.noun.nodeValue = ` ${this.t(n === 1 ? "explore.noun.one" : "explore.noun.other")}`
        if ((c.n === 0) !== (n === 0)) c.item.classList.toggle("kb-facet__value--none", n === 0)
        c.n = n
      }
      if (c.input.checked !== checked) c.input.checked = checked
      if (c.input.disabled !== (n === 0 && !checked)) c.input.disabled = n === 0 && !checked
      if (c.item.hidden !== folded) c.item.hidden = folded
    }
    // A group's heading shows while one of its values does.
    for (const heading of group.fieldset.querySelectorAll(".kb-facet__group")) {
      const visible = [...group.controls.values()].some(c => c.group === heading.dataset.group && !c.item.hidden)
      if (heading.hidden === visible) heading.hidden = !visible
    }
    if (group.button) {
      group.button.setAttribute("aria-expanded", String(expanded))
      group.button.textContent = expanded ? this.t("explore.show_fewer") : this.t("explore.show_all", { n: this.t.number(facet.values.length) })
    }
  }

  /** The phones' button that shows the facets, with how many values are chosen in them. */
  renderToggle() {
    const chosen = FACETS.reduce((n, f) => n + this.state[f.name].size, 0)
    const open = this.toggle.getAttribute("aria-expanded") === "true"
    const what = this.t(open ? "explore.hide_filters" : "explore.show_filters")
    this.toggle.textContent = chosen ? `${what} ${this.t("explore.chosen_count", { n: this.t.number(chosen) })}` : what
  }

  /** The chosen filters, each a button that removes it. */
  renderChosen() {
    const buttons = []
    const remove = (label, change) => {
      const button = h("button", { type: "button", class: "kb-explore__remove" }, label, hidden(` ${this.t("explore.remove")}`))
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
        if (this.state[facet.name].has(value.key)) remove(CHIPS.has(facet.name) ? this.t(`explore.chip.${facet.name}`, { label: value.label }) : value.label, s => s[facet.name].delete(value.key))
    this.chosen.replaceChildren(...(buttons.length ? [h("span", { class: "kb-explore__chosen-title" }, this.t("explore.chosen")), ...buttons] : []))
  }

  /** With no result: for each choice, how many entries its removal would give, as a link that removes it. */
  renderWithout(empty) {
    const items = []
    if (empty) {
      const choices = this.state.text ? [[`“${this.state.text}”`, s => { s.text = "" }]] : []
      for (const facet of this.model.facets)
        for (const value of facet.values)
          if (this.state[facet.name].has(value.key))
            choices.push([CHIPS.has(facet.name) ? this.t(`explore.chip.${facet.name}`, { label: value.label }) : value.label, s => s[facet.name].delete(value.key)])
      for (const [label, change] of choices) {
        const state = this.next(change)
        const n = apply(this.model, state).results.length
        const link = h("a", { href: formatState(state, this.model) || "./" }, this.t("explore.without", { label, entries: this.t.count("entries", n) }))
        link.addEventListener("click", event => {
          event.preventDefault()
          this.onChange(state, { replace: false })
          this.status.focus()
        })
        items.push(h("li", {}, link))
      }
    }
    this.without.replaceChildren(...items)
    this.without.hidden = items.length === 0
  }

  renderResults(fresh) {
    const { results } = this.outcome
    const total = this.model.entries.length
    this.status.textContent = results.length === 0
      ? this.t("explore.none")
      : isEmpty(this.state)
        ? this.t("explore.all", { entries: this.t.count("entries", total) })
        : this.t("explore.some", { n: this.t.number(results.length), entries: this.t.count("entries", total) })
    this.jump.textContent = this.t.count("explore.jump", results.length)
    if (fresh) this.renderWithout(results.length === 0)
    const from = fresh ? 0 : this.list.children.length
    const items = results.slice(from, this.shown).map(entry => {
      if (!this.items.has(entry)) this.items.set(entry, resultItem(entry, this.siteRoot, this.t))
      return this.items.get(entry)
    })
    if (fresh) this.list.replaceChildren(...items)
    else this.list.append(...items)
    const left = results.length - this.shown
    this.more.hidden = left <= 0
    this.more.textContent = left > 0 ? this.t("explore.more", { n: this.t.number(Math.min(PAGE, left)), left: this.t.number(left) }) : ""
  }
}
