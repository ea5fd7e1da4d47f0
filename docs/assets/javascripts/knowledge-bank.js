// Small behaviours of the Knowledge Bank's pages, each harmless when its element is absent:
// - the day a page is printed, on paper (`[data-kb-print-date]`, shown only by the print stylesheet);
// - the home page's search button (`[data-kb-open-search]`), which opens the site's search in the
//   header; without JavaScript it is a link to Explore's free-text search.
(function () {
  "use strict";

  function printDate() {
    var elements = document.querySelectorAll("[data-kb-print-date]");
    if (!elements.length) return; // only entries' pages have one: no other page pays for a date format
    var lang = document.documentElement.lang || "en";
    var text;
    try {
      text = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (error) {
      text = new Date().toISOString().slice(0, 10);
    }
    elements.forEach(function (element) {
      element.textContent = text;
    });
  }

  // On paper only: written when the browser is idle after the page is shown, and again just before printing.
  function soon() {
    if (window.requestIdleCallback) window.requestIdleCallback(printDate, { timeout: 2000 });
    else setTimeout(printDate, 0);
  }

  function searchInput() {
    return document.querySelector(
      "header input.md-search__input, [data-md-component=search-query], header input[type=search], header [role=search] input"
    );
  }

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-kb-open-search]");
    var input = trigger && searchInput();
    if (!input) return;
    // Captured on the document and stopped here: the link to Explore is for browsers without JavaScript, and no
    // other handler of the page may follow it while the search opens.
    event.preventDefault();
    event.stopPropagation();
    var toggle = document.getElementById("__search");
    if (toggle && toggle.type === "checkbox") {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  }, true);

  window.addEventListener("beforeprint", printDate);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(soon); // once Material has set the page up
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", soon);
  } else {
    soon();
  }
})();
