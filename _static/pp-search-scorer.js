/* Sphinx search scorer (conf.py html_search_scorer): the reader's pages before the guides.
 *
 * Sphinx scores a page by where a word matched (title 15, text 5, ...) and breaks ties by
 * title. Two adjustments, both by page address:
 * - Posts (posts/<collection>/<name>) get half a point: a collection's landing page names its
 *   posts' authors and tags too, and the post itself should come first among equal matches;
 *   half a point lifts no post above a page that matched better (an exact title match scores 16).
 * - Every page outside posts/ (the front page, the about pages and the guides for contributors
 *   in docs/) comes after every post and collection: a reader searching for an author, a tag or
 *   a topic is looking for posts, and the guides quote names and tags as examples.
 * The weights are Sphinx's defaults.
 */
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  // Larger than any score Sphinx gives a page for one query.
  readerPagesFirst: 1000,
  score: ([docname, , , , score]) => {
    if (!docname.startsWith("posts/")) return score - Scorer.readerPagesFirst;
    return docname.endsWith("/index") ? score : score + 0.5;
  },
};
