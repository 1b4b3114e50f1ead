"""Accent folding for search: 'Muñoz', 'Sánchez', 'Jørgensen' are found as 'Munoz', 'Sanchez',
'Jorgensen' (pure: no Sphinx import).

A word is decomposed (NFKD) and stripped of its combining marks, and the Latin letters that
Unicode does not decompose (ø, ł, đ, æ, œ, ß, þ, ...) are spelled as a reader without them on
the keyboard spells them. The same folding runs on the words of the index (Python) and on the
reader's query (JavaScript, :data:`JS_FOLD` built from the same table), so both meet.
"""

from __future__ import annotations

import json
import unicodedata

# Latin letters without a decomposition, and the letters a reader types for them.
LETTERS = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T", "æ": "ae", "Æ": "AE", "œ": "oe",
    "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "TH",
}
_TABLE = str.maketrans(LETTERS)


def fold(word: str) -> str:
    """``word`` without accents: decomposed, combining marks dropped, the letters above replaced."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_TABLE)


# The same in the browser: NFKD, drop the combining marks (\p{M}), then the table.
JS_FOLD = (
    "const ppFoldLetters = " + json.dumps(LETTERS, ensure_ascii=False, sort_keys=True) + ";\n"
    "const ppFold = (word) => word.normalize(\"NFKD\").replace(/\\p{M}/gu, \"\")"
    ".replace(/[^\\u0000-\\u007f]/g, (c) => ppFoldLetters[c] || c);\n"
)
