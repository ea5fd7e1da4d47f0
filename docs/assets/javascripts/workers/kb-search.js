/*
 * The site's search worker: Material for MkDocs' own worker, with stemming that works while typing.
 *
 * Material adds a trailing wildcard to every word of a query, and Lunr passes wildcard words to the
 * index untouched, past the stemmer. With stemming switched on (Spanish and Portuguese need it),
 * "registros" is indexed as its stem "registr" and a search for "registros" finds nothing. So this
 * worker keeps every word as written beside its stems in the index (a half-typed word still finds
 * the words it begins), and repeats each word of a query without the wildcard, which Lunr stems
 * ("capacitación" then also finds "capacitaciones").
 *
 * Material's worker runs unchanged; the page names its file (?material=search.<hash>.min.js).
 */
"use strict"

const SETUP = 0 // Material's search message types
const QUERY = 2
const STEMMED = "kb-keep-word-and-stem"

const material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error(`kb-search: unexpected name for Material's search worker: ${material}`)

let stemming = false // the site's search pipeline includes the stemmer, for several languages
let separator = /[\s-]+/

/**
 * The query, plus each of its plain words once more without Material's wildcard ("conexiones^1"):
 * Lunr stems such a word and looks its stem up exactly. Queries in Lunr's own syntax are left alone.
 */
function withStems(query) {
  if (!stemming || /["*+~^:]|(^|\s)-/.test(query)) return query
  const words = query.split(separator)
    .map(word => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(word => /^[\p{L}\p{N}]+$/u.test(word))
  return words.length ? `${query} ${[...new Set(words)].map(word => `${word}^1`).join(" ")}` : query
}

/**
 * Make Lunr's multi-language plugin keep each word beside its stem in each language.
 *
 * Lunr chains the languages' stemmers (English, then Spanish, …), and a chain mangles words: English
 * strips the "es" of "avaliações" and Portuguese no longer knows it. So each language stems the word
 * as written, and the index (and a query's exact words) get the word and all its distinct stems.
 */
function patchLunr(lunr) {
  if (!stemming || !lunr || typeof lunr.multiLanguage !== "function" || lunr.multiLanguage.keepsWords) return
  const multiLanguage = lunr.multiLanguage
  lunr.multiLanguage = function (...languages) {
    const plugin = multiLanguage.apply(this, languages)
    const stemmers = languages
      .map(language => (language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer))
      .filter(Boolean)
    const wordAndStems = token => {
      const found = [token]
      const seen = new Set([token.toString()])
      for (const stemmer of stemmers) {
        const stemmed = stemmer(token.clone())
        const text = stemmed.toString()
        if (text && !seen.has(text)) {
          seen.add(text)
          found.push(stemmed)
        }
      }
      return found.length > 1 ? found : token
    }
    lunr.Pipeline.registerFunction(wordAndStems, STEMMED)
    return function (...args) {
      plugin.apply(this, args)
      const stack = this.pipeline._stack
      const first = stack.findIndex(fn => stemmers.includes(fn))
      if (first < 0) return
      const rest = stack.filter(fn => !stemmers.includes(fn))
      rest.splice(first, 0, wordAndStems)
      this.pipeline._stack = rest
      if (this.searchPipeline) this.searchPipeline._stack = [wordAndStems]
    }
  }
  lunr.multiLanguage.keepsWords = true
}

/**
 * A word and its stems share one position in the page, so a query can match the same place twice
 * ("registro*" finds both "registros" and its English stem "registro"), and Material would mark it
 * twice, garbling the preview. Keep each position once per field, for the first term that has it.
 */
function patchPositions(lunr) {
  const query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (...args) {
    const results = query.apply(this, args)
    for (const { matchData } of results) {
      const seen = new Map()
      for (const fields of Object.values(matchData.metadata))
        for (const [field, data] of Object.entries(fields)) {
          if (!Array.isArray(data.position)) continue
          if (!seen.has(field)) seen.set(field, new Set())
          const positions = seen.get(field)
          data.position = data.position.filter(p => !positions.has(p) && Boolean(positions.add(p)))
        }
    }
    return results
  }
}

// Material loads the language support with importScripts when the index is set up: patch Lunr
// right after, before the index is built.
// (No top-level binding may be called importScripts: Material's worker would call that one.)
const load = self.importScripts.bind(self)
self.importScripts = (...urls) => {
  const done = load(...urls)
  patchLunr(self.lunr)
  return done
}

// Registered before Material's own listener, so it sees (and may rewrite) each message first.
self.addEventListener("message", event => {
  const message = event.data
  if (!message) return
  if (message.type === SETUP) {
    const config = message.data.config
    stemming = config.pipeline.includes("stemmer") && config.lang.length > 1
    separator = new RegExp(config.separator || "[\\s-]+")
  } else if (message.type === QUERY && typeof message.data === "string") {
    message.data = withStems(message.data)
  }
})

self.importScripts(material)
patchPositions(self.lunr)
