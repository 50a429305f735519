"""Full-text search of the bank in Kyrgyz and Russian, with the same results on both databases.

Kyrgyz is agglutinative — «сабак», «сабактын», «Сабактарды» — and Russian inflects: a word
finds every word that starts with it. SQLite's ``LIKE`` folds the case of ASCII only, so the
embedded database searches an FTS5 table (tokenizer ``unicode61``) and PostgreSQL its own
full-text search (``to_tsvector('simple', …)`` with prefix queries ``word:*``, GIN-indexed).

So that both answer alike, Usul decides what a word is and folds it here, in Python, once:
``words`` turns a text into space-separated folded words (case folded for every script,
letters and digits only, nothing else removed: ң, ө, ү, й and ё stay themselves), which is what
either index reads (``Material.search_text``); a query goes through the same function, so a
user's quotes, asterisks, minus signs or NEAR are words or nothing, never syntax. Each index
only answers "which rows have a word starting with each of these": the snippets are marked here
too, by the same rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A run of letters and digits in the text as written; ``fold`` then keeps letters and ASCII
# digits of its case-folded form (a combining mark or a superscript is not part of a word).
_RUN = re.compile(r"[^\W_]+")
WORD_LIMIT = 100  # longer runs are not words (a pasted hash); PostgreSQL refuses > 2 KB
QUERY_WORDS = 8
SNIPPET_CHARS = 220


def fold(run: str) -> str:
    return "".join(ch for ch in run.casefold() if ch.isalpha() or "0" <= ch <= "9")


def _runs(text: str) -> Iterable[re.Match]:
    return _RUN.finditer(unicodedata.normalize("NFC", text or ""))


def words(*texts: str) -> list[str]:
    found = []
    for text in texts:
        for run in _runs(text):
            word = fold(run.group())
            if word and len(word) <= WORD_LIMIT:
                found.append(word)
    return found


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order, at most ``QUERY_WORDS``."""
    return list(dict.fromkeys(words(query)))[:QUERY_WORDS]


def matching_ids(terms: list[str]) -> RawSQL:
    """The ids of the materials with a word starting with each of ``terms`` (all of them),
    for ``filter(pk__in=…)``. ``terms`` come from ``query_words``: letters and digits only.
    No terms, no material: a query of signs alone finds nothing."""
    if not terms:
        return RawSQL("SELECT id FROM ideas_material WHERE 1 = 0", [])
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"'{term}':*" for term in terms)
        return RawSQL(
            "SELECT id FROM ideas_material WHERE to_tsvector('simple'::regconfig, search_text)"
            " @@ to_tsquery('simple'::regconfig, %s)",
            [tsquery],
        )
    match = " AND ".join(f'"{term}"*' for term in terms)
    return RawSQL("SELECT rowid FROM ideas_material_fts WHERE ideas_material_fts MATCH %s", [match])


def matches(word: str, terms: list[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(term) for term in terms)


def holds(text: str, terms: list[str]) -> bool:
    """Whether a word of ``text`` starts with one of ``terms`` (as the indexes answer)."""
    return any(word.startswith(term) for word in words(text) for term in terms)


def highlight(text: str, terms: list[str], *, limit: int | None = None) -> SafeString:
    """``text`` escaped, with each word the query found in ``<mark>``. With ``limit``, only a
    window of about that many characters around the first found word, with "…" where cut."""
    text = unicodedata.normalize("NFC", text or "")
    found = [m for m in _runs(text) if terms and matches(m.group(), terms)]
    start, end = 0, len(text)
    if limit is not None and len(text) > limit:
        first = found[0].start() if found else 0
        start = max(0, first - limit // 3)
        end = min(len(text), start + limit)
        # Cut at spaces, not inside a word.
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > (found[0].end() if found else start) else end
    out = ["…" if start > 0 else ""]
    position = start
    for m in found:
        if m.start() < start or m.end() > end:
            continue
        out.append(escape(text[position : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        position = m.end()
    out.append(escape(text[position:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped above


# --- The SQLite index --------------------------------------------------------------------------
# An FTS5 table over ``ideas_material.search_text`` (external content), kept in step by triggers
# in the same transaction as every insert, update and delete of a material, whatever writes it.
# Rebuilt after every ``migrate``: a migration that remakes the table on SQLite drops its
# triggers, and tests create the tables without migrations.

SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS ideas_material_fts USING fts5(search_text,"
    " content='ideas_material', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS ideas_material_fts_insert AFTER INSERT ON ideas_material BEGIN"
    " INSERT INTO ideas_material_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS ideas_material_fts_delete AFTER DELETE ON ideas_material BEGIN"
    " INSERT INTO ideas_material_fts(ideas_material_fts, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS ideas_material_fts_update AFTER UPDATE ON ideas_material BEGIN"
    " INSERT INTO ideas_material_fts(ideas_material_fts, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text);"
    " INSERT INTO ideas_material_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO ideas_material_fts(ideas_material_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS ideas_material_fts_insert",
    "DROP TRIGGER IF EXISTS ideas_material_fts_delete",
    "DROP TRIGGER IF EXISTS ideas_material_fts_update",
    "DROP TABLE IF EXISTS ideas_material_fts",
]
# PostgreSQL: the expression ``matching_ids`` asks, indexed.
POSTGRES_INDEX = [
    "CREATE INDEX IF NOT EXISTS ideas_material_search ON ideas_material"
    " USING GIN (to_tsvector('simple'::regconfig, search_text))"
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS ideas_material_search"]


def ensure_index(using_connection) -> None:
    """Create (or repair) the full-text index of the database behind ``using_connection``."""
    statements = {"sqlite": SQLITE_INDEX, "postgresql": POSTGRES_INDEX}.get(
        using_connection.vendor, []
    )
    if not statements:
        return
    tables = using_connection.introspection.table_names()
    if "ideas_material" not in tables:
        return
    with using_connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop_index(using_connection) -> None:
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(
        using_connection.vendor, []
    )
    with using_connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
