/*
 * Explore: the model. Pure functions from catalog.json and a filter state to results and counts;
 * no DOM, so the view and the benchmark share one definition of what a filter means.
 *
 * A state is { text: "free text", kind: Set, country: Set, role: Set, phase: Set, sdg: Set, keyword: Set, year: Set }.
 * Facets combine with AND; the values of one facet with OR. The count of a value is the number of
 * entries that match every other facet and the text and have that value: with nothing else chosen in
 * its facet, exactly the entries that choosing it leaves. Country and role go together: an entry
 * matches "Uruguay as beneficiary" when Uruguay is its beneficiary, not when Uruguay is one of its
 * countries and some other country its beneficiary.
 */

/** The facets, in the order the page shows them; `name` is also the URL parameter (titles: labels `explore.facets.*`). */
export const FACETS = ["kind", "country", "role", "phase", "sdg", "keyword", "year"].map(name => ({ name }))

/** The roles a country plays in an entry (labels `roles.*`); the role filter combines with the country filter. */
export const ROLES = ["beneficiary", "cooperating", "action", "actor"]

/**
 * The labels of catalog.json (vocabularies/labels.yml) in `lang`: `t("pager.next")`, `t("sdg.short", { n: 5 })`,
 * `t.count("entries", 3)` -> "3 entries". A label missing from the catalog shows its name.
 */
export function labeller(catalog, lang = "en") {
  const labels = catalog.labels || {}
  const text = name => (labels[name] ? labels[name][lang] || labels[name].en : name)
  const t = (name, values = {}) => text(name).replace(/\{(\w+)\}/g, (field, key) => (key in values ? String(values[key]) : field))
  const numbers = new Intl.NumberFormat(lang) // once: n.toLocaleString(lang) would make a format for each number
  t.number = n => numbers.format(n)
  t.count = (name, n, values = {}) => t(`${name}.${n === 1 ? "one" : "other"}`, { ...values, n: t.number(n) })
  t.kinds = Object.keys(labels).filter(name => /^kinds\.[^.]+\.one$/.test(name)).map(name => name.split(".")[1])
  return t
}

/** Text folded for comparison: lower case, without accents ("Perú" -> "peru"). */
export function fold(text) {
  return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
}

/** Words of a free-text query, folded. */
export function words(query) {
  return fold(query).split(/\s+/).filter(Boolean)
}

/** The model of a catalog for a page in `lang`: entries (newest first) with their facet values and text, and each
 * facet's values, named in `lang`. */
export function prepare(catalog, lang = "en") {
  const t = labeller(catalog, lang)
  const named = (labels, key) => (labels[key] || {})[lang] || (labels[key] || {}).en
  const countries = catalog.countries || {}
  const keywordOf = new Map()
  for (const [slug, group] of Object.entries(catalog.keywords || {}))
    for (const spelling of group.spellings) keywordOf.set(spelling, slug)
  const slugOf = keyword => keywordOf.get(keyword) || fold(keyword).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")

  const entries = catalog.entries.map((record, index) => {
    const codes = record.countries.map(c => c.code)
    const pairs = record.countries.flatMap(c => c.roles.map(role => [c.code, role]))
    const names = record.countries.flatMap(c => Object.values(countries[c.code] || { en: c.name }))
    // A keyword of the thesaurus is found by its name in any of the four languages.
    const keywordNames = record.keywords.flatMap(k => Object.values(((catalog.keywords || {})[slugOf(k)] || {}).labels || {}))
    return {
      record,
      index,
      kindLabel: t(`kinds.${record.kind}.one`),
      values: {
        kind: [record.kind],
        country: codes,
        role: [...new Set(pairs.map(([, role]) => role))],
        phase: [record.phase],
        sdg: [...new Set(record.sdgs.map(String))],
        keyword: [...new Set(record.keywords.map(slugOf))],
        year: [record.date.slice(0, 4)],
      },
      pairs,
      countryNames: record.countries.map(c => named(countries, c.code) || c.name).join(", "),
      text: fold([record.title, record.summary, ...Object.values(record.translations || {}).flatMap(o => [o.title, o.summary]), ...record.keywords, ...keywordNames, ...names, ...codes, ...record.institutions].join(" \n ")),
    }
  })
  entries.sort((a, b) => (a.record.date < b.record.date ? 1 : a.record.date > b.record.date ? -1 : a.index - b.index))

  const totals = Object.fromEntries(FACETS.map(f => [f.name, new Map()]))
  for (const entry of entries)
    for (const facet of FACETS)
      for (const value of entry.values[facet.name]) totals[facet.name].set(value, (totals[facet.name].get(value) || 0) + 1)

  const label = {
    kind: key => t(`kinds.${key}.other`),
    country: key => named(countries, key) || key,
    role: key => { const text = t(`roles.${key}`); return text.charAt(0).toUpperCase() + text.slice(1) },
    phase: key => named(catalog.phases || {}, key) || key,
    sdg: key => `${t("sdg.short", { n: key })} · ${named(catalog.sdgs || {}, key) || ""}`,
    keyword: key => named((catalog.keywords || {})[key] || {}, "labels") || ((catalog.keywords || {})[key] || {}).label || key,
    year: key => key,
  }
  const americas = new Set((catalog.regions || {}).americas || [])
  const regionOf = code => (americas.has(code) ? "americas" : "partners")
  const byCount = name => (a, b) => totals[name].get(b) - totals[name].get(a) || label[name](a).localeCompare(label[name](b), lang)
  const order = {
    kind: keys => t.kinds.filter(k => keys.includes(k)),
    country: keys => keys.sort((a, b) => (regionOf(a) === regionOf(b) ? byCount("country")(a, b) : regionOf(a) === "americas" ? -1 : 1)),
    role: keys => ROLES.filter(k => keys.includes(k)),
    phase: keys => Object.keys(catalog.phases || {}).filter(k => keys.includes(k)),
    sdg: keys => keys.sort((a, b) => a - b),
    keyword: keys => keys.sort(byCount("keyword")),
    year: keys => keys.sort().reverse(),
  }
  const facets = FACETS.map(facet => ({
    ...facet,
    title: t(`explore.facets.${facet.name}`),
    values: order[facet.name]([...totals[facet.name].keys()]).map(key => ({
      key,
      label: label[facet.name](key),
      total: totals[facet.name].get(key),
      colour: facet.name === "sdg" ? ((catalog.sdgs || {})[key] || {}).colour : undefined,
      group: facet.name === "country" && catalog.regions ? regionOf(key) : undefined,
    })),
  }))
  // Each entry's values as positions in its facet's list, so counting is array arithmetic.
  const positions = facets.map(f => new Map(f.values.map((v, i) => [v.key, i])))
  const [country, role] = ["country", "role"].map(name => facets.findIndex(f => f.name === name))
  for (const entry of entries) {
    entry.ids = facets.map((f, i) => entry.values[f.name].map(key => positions[i].get(key)))
    entry.pairIds = entry.pairs.map(([code, r]) => [positions[country].get(code), positions[role].get(r)])
  }
  return { entries, facets, t }
}

/** An empty state: nothing chosen. */
export function emptyState() {
  return { text: "", ...Object.fromEntries(FACETS.map(f => [f.name, new Set()])) }
}

/** The state a URL query describes; values the model does not know are dropped. */
export function parseState(search, model) {
  const params = new URLSearchParams(search)
  const state = emptyState()
  state.text = (params.get("text") || "").trim()
  for (const facet of model.facets) {
    const known = new Set(facet.values.map(v => v.key))
    for (const value of params.getAll(facet.name)) if (known.has(value)) state[facet.name].add(value)
  }
  return state
}

/** The URL query of a state ("" when nothing is chosen), values in the facets' order. */
export function formatState(state, model) {
  const params = new URLSearchParams()
  if (state.text.trim()) params.set("text", state.text.trim())
  for (const facet of model.facets)
    for (const value of facet.values) if (state[facet.name].has(value.key)) params.append(facet.name, value.key)
  const query = params.toString()
  return query ? `?${query}` : ""
}

/** Whether anything is chosen. */
export function isEmpty(state) {
  return !state.text.trim() && FACETS.every(f => state[f.name].size === 0)
}

/** The entries that match `state`, newest first, and the count of every facet value. */
export function apply(model, state) {
  const wanted = words(state.text)
  const facets = model.facets
  const active = [] // [facet position, chosen flags by value position], country and role left out
  const flags = facets.map(facet => Uint8Array.from(facet.values, v => (state[facet.name].has(v.key) ? 1 : 0)))
  const country = facets.findIndex(f => f.name === "country")
  const role = facets.findIndex(f => f.name === "role")
  facets.forEach((facet, i) => {
    if (state[facet.name].size && i !== country && i !== role) active.push([i, flags[i]])
  })
  const anyCountry = state.country.size === 0
  const anyRole = state.role.size === 0
  const linked = !anyCountry || !anyRole
  // Whether one of the entry's (country, role) pairs has a chosen country (or any) in a chosen role (or any).
  const pairMatches = entry => entry.pairIds.some(([c, r]) => (anyCountry || flags[country][c]) && (anyRole || flags[role][r]))
  // The countries (or roles) of the pairs whose other half is chosen: what the entry adds to their counts.
  const tallyLinked = (entry, i, other, anyOther) => {
    const seen = new Set()
    for (const pair of entry.pairIds) {
      const [mine, theirs] = i === country ? pair : [pair[1], pair[0]]
      if ((anyOther || flags[other][theirs]) && !seen.has(mine)) {
        seen.add(mine)
        tallies[i][mine]++
      }
    }
  }
  const tallies = facets.map(f => new Uint32Array(f.values.length))
  const tally = (entry, i) => {
    const ids = entry.ids[i]
    const counts = tallies[i]
    for (let k = 0; k < ids.length; k++) counts[ids[k]]++
  }
  const results = []
  for (const entry of model.entries) {
    if (wanted.length && !wanted.every(word => entry.text.includes(word))) continue
    let missed = -1
    let misses = 0
    for (const [i, chosen] of active) {
      const ids = entry.ids[i]
      let hit = false
      for (let k = 0; k < ids.length && !hit; k++) hit = chosen[ids[k]] === 1
      if (!hit) {
        missed = i
        if (++misses > 1) break
      }
    }
    const paired = !linked || pairMatches(entry)
    if (misses === 0) {
      if (paired) {
        results.push(entry)
        for (let i = 0; i < facets.length; i++) if (i !== country && i !== role) tally(entry, i)
      }
      tallyLinked(entry, country, role, anyRole)
      tallyLinked(entry, role, country, anyCountry)
    } else if (misses === 1 && paired) {
      tally(entry, missed) // it would match if its one missing facet were widened to one of its values
    }
  }
  const counts = Object.fromEntries(facets.map((f, i) => [f.name, new Map(f.values.map((v, j) => [v.key, tallies[i][j]]))]))
  return { results, counts }
}
