/* Sphinx search scorer (conf.py html_search_scorer): posts first among equal matches.
 *
 * Sphinx scores a page by where a word matched (title 15, text 5, ...) and breaks ties by
 * title. Collection landing pages and the guides also name posts' authors and tags, so a
 * search for an author listed the landing page above the post itself. Half a point for posts
 * (posts/<collection>/<name>, not the landing page) breaks such ties in the post's favour and
 * lifts no post above a page that matched better (an exact title match scores 16).
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
  score: ([docname, , , , score]) =>
    /^posts\/[^/]+\/[^/]+$/.test(docname) && !docname.endsWith("/index") ? score + 0.5 : score,
};
