/* The search page says how many results it found to screen readers, once the search is done.
 *
 * Sphinx writes "Search finished, found N pages…" into a paragraph that it creates when the
 * search starts, outside any live region, so nothing was announced. A polite status region,
 * present from the start (a live region added together with its text is not reliably read),
 * repeats the summary's final text; the summary itself is hidden from screen readers, which
 * would otherwise meet the same sentence twice.
 * Loaded with `defer`: the search page's #search-results exists, and no search has run yet.
 */
"use strict";
(() => {
  const results = document.querySelector(".bd-search-container #search-results");
  if (!results) return;
  const status = document.createElement("p");
  status.id = "pp-search-status";
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  results.before(status);
  new MutationObserver(() => {
    const summary = results.querySelector(".search-summary");
    if (!summary || !summary.textContent.trim()) return;
    summary.setAttribute("aria-hidden", "true");
    if (status.textContent !== summary.textContent) status.textContent = summary.textContent;
  }).observe(results, { childList: true, subtree: true, characterData: true });
})();
