"""The demo school, loaded once for these tests by ``usul demo`` itself.

Importing the demo writes a whole school (some three thousand rows and their history), so it is
done once for the package inside a transaction that is rolled back at the end; every test runs
in a savepoint of its own (pytest-django's ``db``) and leaves the loaded school as it found it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from usul.demo.generator import Demo, build

# The brief's example: a Thursday in the second quarter of 2026-2027.
TODAY = dt.date(2026, 11, 26)


@dataclass(frozen=True)
class LoadedDemo:
    demo: Demo  # what the generator made for TODAY, to compare the database with
    output: str  # what `usul demo` printed


@pytest.fixture(scope="package")
def loaded_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        # --if-empty into the empty test database: `make run`'s first start.
        call_command("demo", "--if-empty", "--today", TODAY.isoformat(), "--lang", "en", stdout=out)
        yield LoadedDemo(demo=build(today=TODAY), output=out.getvalue())
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db) -> LoadedDemo:
    """The loaded demo school, for a test that may change it (its savepoint is rolled back)."""
    return loaded_demo


def row_counts() -> dict[str, int]:
    """Rows of every Usul table, the change history included."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("usul.")
    }
