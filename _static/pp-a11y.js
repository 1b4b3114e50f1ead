/* Closing the search dialog gives focus back to what had it before (WCAG 2.4.3).
 *
 * Chromium returns focus to the opener itself when the sidebar's search button opened the
 * dialog, but not when the article header's did (the only one shown in windows narrower than
 * 960 px, so at 200 % and 400 % zoom): focus fell to <body>, and a keyboard user started again
 * from the top of the page. This remembers the last element focused outside the dialog and
 * focuses it again when the dialog closes, unless focus has already gone elsewhere (the close
 * event may come while focus is still in the dialog's field).
 */
"use strict";
(() => {
  const dialog = document.getElementById("pst-search-dialog");
  if (!dialog) return;
  let before = null;
  document.addEventListener("focusin", (event) => {
    if (!dialog.contains(event.target)) before = event.target;
  });
  dialog.addEventListener("close", () => {
    const active = document.activeElement;
    const lost = !active || active === document.body || dialog.contains(active);
    if (lost && before && before.isConnected) before.focus();
  });
})();
