"""Keys made from a name, for roster rows that give none: Latin letters from the Kyrgyz and
Russian alphabets, the same for the same name every time."""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def latin(text: str) -> str:
    """``Асанова Айгүл`` → ``asanova-aygul``."""
    letters = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in _LETTERS:
            letters.append(_LETTERS[char])
        else:
            # Latin letters with marks (ö, ü) lose the mark; anything else separates words.
            letters.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode())
    return _NOT_KEY.sub("-", "".join(letters)).strip("-")


def key_from_name(last_name: str, first_name: str, patronymic: str = "") -> str:
    """``t-asanova-aygul-b``: last name, first name and the patronymic's initial."""
    parts = [latin(last_name), latin(first_name)]
    initial = latin(patronymic)[:1]
    if initial:
        parts.append(initial)
    key = "-".join(p for p in parts if p)
    return f"t-{key}"[:90].rstrip("-") if key else "t"
