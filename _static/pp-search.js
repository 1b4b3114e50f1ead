/* Search result snippets come from the article alone.
 *
 * Sphinx's search builds each snippet from the text of the result page's [role="main"]
 * element. In the book theme that element also holds the colour-mode menu ("System Settings
 * Light Dark"), a print-only copy of the title and the previous/next links, so snippets showed
 * those instead of the post. Sphinx looks a result's anchor up inside [role="main"]; a result
 * for a whole page has none, and here it gets the article instead.
 * Loaded with `defer`: after searchtools.js has defined `Search`, before it runs the query.
 */
"use strict";
if (typeof Search !== "undefined") {
  const textOf = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) =>
    textOf(htmlString, anchor || "article.bd-article");
}

/* When nothing matches, Sphinx's message speaks of "categories", which this search has none
 * of. Sphinx looks the message up in its translations (Documentation.gettext), so the
 * reader's wording is given as the English "translation". Set before any query runs. */
if (typeof Documentation !== "undefined") {
  Documentation.TRANSLATIONS[
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories."
  ] =
    "No post or page contains all of these words. Check the spelling, or search for fewer words: " +
    "an author's surname, a tag or a topic. Accents are optional: Jukic finds Jukić.";
}
