// The site in four languages (English at the root, then es/, pt/, fr/), on every page:
// - a link to a page in another language loads that page whole: Material's instant navigation would swap
//   only the content and keep the header (its labels, its switcher) and <html lang> of the language left;
// - the header's language switcher follows the page (data-kb-switch, inside the content, comes with each
//   page) and remembers the language chosen;
// - a visitor whose language is not the page's, and who has not chosen one, is offered the page in theirs,
//   never sent there.
(function () {
  "use strict";

  var LANGUAGES = ["en", "es", "pt", "fr"];
  var KEY = "kb-language";
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var root = new URL(config.base || ".", location.href); // the site's root, from the first page loaded

  function languageOf(url) {
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return null;
    var first = url.pathname.slice(root.pathname.length).split("/")[0];
    return LANGUAGES.indexOf(first) > 0 ? first : LANGUAGES[0];
  }

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

  // Captured before Material's handler on the body: with a target, it leaves the link to the browser.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || event.metaKey || event.ctrlKey) return;
    var chosen = link.getAttribute("data-kb-language");
    if (chosen) remember(chosen);
    var lang = languageOf(new URL(link.href, location.href));
    if (lang && lang !== document.documentElement.lang) link.target = "_self";
  }, true);

  function update() {
    var holder = document.querySelector("[data-kb-switch]");
    var switch_ = holder ? JSON.parse(holder.getAttribute("data-kb-switch")) : {};
    var base = new URL(location.href);
    document.querySelectorAll(".kb-languages [data-kb-language]").forEach(function (link) {
      var alternate = switch_[link.getAttribute("data-kb-language")];
      link.parentElement.hidden = !alternate;
      if (alternate) link.href = new URL(alternate.href, base).href;
    });
    offer(switch_);
  }

  function offer(switch_) {
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

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(update);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
})();
