"""User names proposed from a person's name: Latin letters a teacher types on any keyboard.

Kyrgyz and Russian Cyrillic are written in Latin as Kyrgyz passports write names (Жапаров →
Japarov: ж is j), with the three Kyrgyz letters ң → ng, ө → o, ү → u. Letters already Latin
stay; anything else (apostrophes, hyphens inside a name) is dropped. The name is
``first.last`` — ``gulnara.osmonova`` — and a number is added when it is taken.
"""

from __future__ import annotations

from collections.abc import Callable

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng",
    "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "һ": "h", "ә": "a", "і": "i",
}  # fmt: skip

MAX_LENGTH = 150  # Django's user name field


def latin(text: str) -> str:
    """``Өмүрбеков Ыңкар`` → ``omurbekov yngkar``: lower case, Latin letters, digits, spaces."""
    out = []
    for char in text.lower():
        if char in CYRILLIC:
            out.append(CYRILLIC[char])
        elif char.isascii() and (char.isalnum() or char == " "):
            out.append(char)
        elif char.isspace():
            out.append(" ")
    return "".join(out)


def proposed_username(first_name: str, last_name: str) -> str:
    """``first.last`` in Latin; ``user`` when the name has no letter Usul can write."""
    parts = [latin(part).replace(" ", "") for part in (first_name, last_name)]
    name = ".".join(part for part in parts if part)
    return name[:MAX_LENGTH] or "user"


def unique_username(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, else ``base2``, ``base3``… — the first one ``taken`` says is free."""
    if not taken(base):
        return base
    number = 2
    while True:
        candidate = f"{base[: MAX_LENGTH - len(str(number))]}{number}"
        if not taken(candidate):
            return candidate
        number += 1
