"""Every string is translated: no empty or fuzzy entry in the Kyrgyz, Russian and English
catalogue of any app (a fuzzy entry is a guess of ``makemessages`` that is never shown)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(locale.parent.name for locale in ROOT.glob("*/locale"))


def entries(path: Path):
    """(msgid, [msgstr…], flags) of each entry but the header, joining continued lines."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields: dict[str, str] = {}
        key = None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key, fields[match[1]] = match[1], match[2]
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            yield fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")], flags


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_every_string_is_translated(app, language):
    po = ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"
    found = list(entries(po))
    assert found
    assert [m for m, _, flags in found if "fuzzy" in flags] == []
    assert [m for m, strs, _ in found if not strs or not all(strs)] == []
    assert (po.with_suffix(".mo")).stat().st_size > 0


@pytest.mark.parametrize("app", APPS)
def test_english_says_what_the_code_says(app):
    # The English catalogue is the msgid itself; a msgstr that differs is a neighbour's text
    # that a catalogue merge left behind ("fewer than 3 (GEN-2)" for "fewer than 3").
    po = ROOT / app / "locale" / "en" / "LC_MESSAGES" / "django.po"
    differing = [
        (msgid, strs[0])
        for msgid, strs, _flags in entries(po)
        if len(strs) == 1 and strs[0] != msgid
    ]
    assert differing == []


# "УБ" is read by its letters, "у-бэ": its endings follow the front vowel э (УБнин, УБни, УБге,
# УБде, УБлер, УБси), one spelling everywhere — the back-vowel forms crept in from "бирикме"'s
# neighbours in a sentence.
BACK_VOWEL_AFTER_MA = re.compile(
    r"УБ(нын|нун|ны|ну|га|да|дагы|лар|лардын|лары|сы|сын|сынын)(?![а-яөүң])"
)


def test_the_kyrgyz_endings_after_the_abbreviation_ub_are_spelled_one_way():
    wrong = []
    for path in sorted(ROOT.glob("*/locale/ky/LC_MESSAGES/django.po")):
        for _msgid, translations, _flags in entries(path):
            for text in translations:
                wrong += [
                    f"{path.parts[-5]}: {m.group(0)} in {text!r}"
                    for m in BACK_VOWEL_AFTER_MA.finditer(text)
                ]
    assert wrong == []
