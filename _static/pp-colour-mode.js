/* The colour mode, settled before the page is first painted.
 *
 * pydata-sphinx-theme's inline script copies the mode saved by an earlier visit, but on a first
 * visit (or in "auto" mode) it leaves the theme empty, which the stylesheet shows as light; the
 * theme's deferred script then switches a dark-mode reader to dark once the page is drawn, and
 * every button's colours faded from light to dark through contrasts far below WCAG's (the axe
 * scan that failed by chance caught one of those moments). Loaded without `defer`, in <head>,
 * this sets the theme from the reader's saved choice or system setting before <body> exists, so
 * nothing is ever drawn in the other mode.
 */
"use strict";
(() => {
  const root = document.documentElement;
  const mode = ["light", "dark", "auto"].includes(root.dataset.mode) ? root.dataset.mode : "auto";
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  root.dataset.theme = mode === "auto" ? (dark ? "dark" : "light") : mode;
})();
