"""BUNDLE.md, associations: the MAs of the school. The lists each MA carries are sections of
their own (``ktu``, ``documents``, ``analyses``, …); here what they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from usul.bundle.services.reconciler import Row

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


def ma_sources(run: BundleImport) -> list[tuple]:
    """Each MA of the bundle: its place, its record in the bundle and the one written here."""
    return [(i, a, run.associations[a["key"]]) for i, a in enumerate(run.data["associations"])]


def ma_owners(run: BundleImport) -> dict:
    """The MAs as owners of their rows, for the summary: key by pk."""
    return {ma.pk: a["key"] for _i, a, ma in ma_sources(run)}


def ma_rows(
    run: BundleImport, section: str, values: Callable[[dict], dict], identity=None
) -> list[Row]:
    """The rows of one of the MAs' lists, owned by their MA."""
    return [
        Row(
            ["associations", i, section, n],
            a["key"],
            ma.pk,
            values(item),
            identity(item) if identity else None,
        )
        for i, a, ma in ma_sources(run)
        for n, item in enumerate(a[section])
    ]
