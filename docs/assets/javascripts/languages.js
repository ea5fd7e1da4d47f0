// The site in four languages (English at the root, then es/, pt/, fr/), on every page:
// - the header's language switcher remembers the language chosen;
// - a visitor whose language is not the page's, and who has not chosen one, is offered the page in theirs,
//   never sent there (the page's versions: data-kb-switch).
// Material's instant navigation is off (mkdocs.yml): it needs the whole sitemap on the first page view, and
// would keep the header and <html lang> of the language left when a link leads to another.
(function () {
  "use strict";

  var LANGUAGES = ["en", "es", "pt", "fr"];
  var KEY = "kb-language";

  function stored() {
    try { return localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function remember(lang) {
    try { localStorage.setItem(KEY, lang); } catch (error) { /* private browsing: nothing is remembered */ }
  }

  function preferred() {
    var wanted = stored() ? [stored()] : navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var lang = String(wanted[i]).toLowerCase().split("-")[0];
      if (LANGUAGES.indexOf(lang) >= 0) return lang;
    }
    return null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-kb-language]");
    if (link) remember(link.getAttribute("data-kb-language"));
  }, true);

  function offer() {
    var holder = document.querySelector("[data-kb-switch]");
    var switch_ = holder ? JSON.parse(holder.getAttribute("data-kb-switch")) : {};
    var bar = document.querySelector(".kb-offer");
    if (!bar) return;
    var here = document.documentElement.lang;
    var lang = preferred();
    var alternate = lang && lang !== here && switch_[lang];
    bar.hidden = true;
    bar.replaceChildren();
    if (!alternate || (stored() === here)) return;
    var text = document.createElement("p");
    text.lang = lang;
    text.className = "kb-offer__text";
    var go = document.createElement("a");
    go.href = new URL(alternate.href, location.href).href;
    go.hreflang = lang;
    go.className = "md-button md-button--primary kb-offer__go";
    go.setAttribute("data-kb-language", lang);
    go.textContent = alternate.go;
    var stay = document.createElement("button");
    stay.type = "button";
    stay.className = "md-button kb-offer__stay";
    stay.textContent = alternate.stay;
    stay.addEventListener("click", function () {
      remember(here);
      bar.hidden = true;
    });
    text.append(alternate.offer + " ", go, " ", stay);
    bar.append(text);
    bar.setAttribute("aria-label", alternate.offer);
    bar.lang = lang;
    bar.hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(offer);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", offer);
  else offer();
})();
