"""Bundle tests start from the hand-written example (docs/examples/sch-17.json) and change it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from django.utils import translation

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "sch-17.json"
_EXAMPLE = json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def example() -> dict:
    """A fresh copy of the example bundle, free to change."""
    return copy.deepcopy(_EXAMPLE)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; one test per file checks another language."""
    with translation.override("en"):
        yield
