"""The search language of the book: Sphinx's English, with accents folded and stems remembered
(an override of Sphinx 9.0's ``SearchEnglish``, which reads its private folder of stemmers).

- Folding (:mod:`pp_blog.model.folding`): every word of the index and of the reader's query is
  folded before it is stemmed, so "Jukic" finds "Jukić"; pages still show what was written.
  The query side is the language's JavaScript stemmer, which folds before it stems.
- Stems: the pure-Python Snowball stemmer is the largest cost of indexing, and a book repeats
  the same words on every page: each word is stemmed once per build (the language object
  lives as long as the builder's index).

Registered under its own code (:data:`FoldedEnglish.lang`), which ``html_search_language``
names in conf.py.
"""

from __future__ import annotations

# Sphinx 9: the folder of the minified Snowball stemmers it writes into language_data.js
# (private; its IndexBuilder.get_js_stemmer_code reads the same files).
from sphinx.search import _MINIFIED_JS_PATH
from sphinx.search.en import SearchEnglish

from ..model.folding import JS_FOLD, fold


class FoldedEnglish(SearchEnglish):
    lang = "en-folded"
    language_name = "English"
    # The stemmer is written into language_data.js below (folded), not copied as a file.
    js_stemmer_rawcode = ""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = super().stem(fold(word))
        return stem

    @property
    def js_stemmer_code(self) -> str:
        """Snowball's English stemmer as Sphinx ships it, behind a stemmer that folds first."""
        base = (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8")
        english = (_MINIFIED_JS_PATH / SearchEnglish.js_stemmer_rawcode).read_text(encoding="utf-8")
        return "\n".join((
            base, english, JS_FOLD,
            "window.Stemmer = function () {\n"
            "  const stemmer = new EnglishStemmer();\n"
            "  this.stemWord = (word) => stemmer.stemWord(ppFold(word));\n"
            "};",
        ))

