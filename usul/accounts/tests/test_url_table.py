"""Every URL answers every role as the permission table (usul/testing/url_table.py) says.

A URL added without a row fails ``test_every_url_pattern_has_a_row``, the way Zulip fails on an
untested URL: whoever adds a page says, in the table, who may open it. Then each row is asked
as each role of the cast, for a record of ``sch-17`` and for the same kind of record of the
outsider school ``sch-99`` (404: another school's record is never even found).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from usul.testing.url_table import ROLES, TABLE, USERS, WHOLE_NAMESPACES, Row

LOGIN = reverse("accounts:login")


def url_patterns(resolver=None, prefix: str = "", namespace: str = ""):
    """(name with its namespace, route) of every URL pattern of the site; a pattern without a
    name is named by its namespace and ``?``."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or '?'}", prefix + str(pattern.pattern)


def row_name(name: str) -> str:
    """The row a pattern answers to: its name, or ``<namespace>:*`` for a whole namespace."""
    namespace = name.split(":", 1)[0]
    return f"{namespace}:*" if ":" in name and namespace in WHOLE_NAMESPACES else name


def test_every_url_pattern_has_a_row():
    rows = {row.name for row in TABLE}
    unnamed = [route for name, route in url_patterns() if row_name(name).endswith("?")]
    assert not unnamed, f"URL patterns without a name cannot be in the permission table: {unnamed}"
    missing = sorted({row_name(name) for name, _ in url_patterns()} - rows)
    assert not missing, (
        "URL patterns without a row in usul/testing/url_table.py: "
        + ", ".join(missing)
        + ". Add a row saying what each role gets (200, 302, 403, 404, 405)."
    )


def test_every_row_names_a_url_pattern_of_the_site():
    names = {row_name(name) for name, _ in url_patterns()}
    stale = sorted({row.name for row in TABLE} - names)
    assert not stale, f"rows of the permission table for URLs that no longer exist: {stale}"


def test_the_table_says_one_answer_per_role_for_each_method():
    for row in TABLE:
        row.answers("GET")
        if row.post:
            row.answers("POST")


def test_a_url_added_without_a_row_fails_the_table(settings):
    """The check above can fail: a URL configuration with one extra page has a row missing."""
    settings.ROOT_URLCONF = "usul.accounts.tests.urls_with_a_new_page"
    from django.urls import clear_url_caches

    clear_url_caches()
    try:
        with pytest.raises(AssertionError, match="accounts:brand_new_page"):
            test_every_url_pattern_has_a_row()
    finally:
        clear_url_caches()


def _ask(client: Client, method: str, url: str):
    if method == "GET":
        return client.get(url)
    # A POST of an empty form, undone so that the next role finds the records unchanged.
    with transaction.atomic():
        response = client.post(url, {})
        transaction.set_rollback(True)
    return response


def _elsewhere(row: Row, method: str) -> dict[str, int]:
    """The answers for the outsider school's record (see the module docstring of the table):
    404, except that a method the URL does not take is refused before any record is sought."""
    here = row.answers(method)
    answers = {}
    for role in ROLES:
        if role in ("anonymous", "admin") or here[role] == 405:
            answers[role] = here[role]
        elif role == "other_district":
            answers[role] = here["district"]
        else:
            answers[role] = 404
    return answers


@pytest.fixture(scope="module")
def cast(module_scene, tmp_path_factory):
    """The cast, its plan materials and bank materials given a file to download
    (planning:material_file, ideas:file)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("files")):
        for records in (module_scene.ours, module_scene.theirs):
            records.material.file.save("seminar.txt", ContentFile(b"Seminar"), save=True)
            records.idea.file.save("idea.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=True)
        yield module_scene


@pytest.fixture(scope="module")
def clients(cast):
    """One test client per role, logged in once for the module: the session lives in its
    cookie, so that no test's rollback logs anybody out."""
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
        logged_in = {}
        for role in ROLES:
            logged_in[role] = Client()
            if USERS[role]:
                logged_in[role].force_login(cast.users[USERS[role]])
        yield logged_in


@pytest.mark.parametrize("row", TABLE, ids=[row.name for row in TABLE])
def test_each_url_answers_each_role_as_the_table_says(row, cast, clients, db):
    scene = cast
    asks = [("GET", scene.ours, row.answers("GET"))]
    if row.post:
        asks.append(("POST", scene.ours, row.answers("POST")))
    if row.of_a_school:
        asks.append(("GET", scene.theirs, _elsewhere(row, "GET")))
        if row.post:
            asks.append(("POST", scene.theirs, _elsewhere(row, "POST")))
    shown = 200 in row.answers("GET").values()
    wrong = []
    for role in ROLES:
        client = clients[role]
        for method, records, expected in asks:
            session = client.cookies.get(settings.SESSION_COOKIE_NAME)
            if USERS[role] and not (session and session.value):
                client.force_login(scene.users[USERS[role]])  # logged out by a row before
            url = row.url(records)
            response = _ask(client, method, url)
            if response.status_code != expected[role]:
                wrong.append(
                    f"{method} {url} as {role}: {response.status_code}, table says {expected[role]}"
                )
            elif role == "anonymous" and method == "GET" and expected[role] == 302 and shown:
                # A page shown to somebody sends the anonymous visitor to log in first.
                assert response["Location"].startswith(LOGIN), f"{url} sends {role} elsewhere"
    assert not wrong, f"{row.name} answers otherwise than its row says:\n" + "\n".join(wrong)
