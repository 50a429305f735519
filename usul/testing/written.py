"""What a refused write must leave untouched: every row of some models and of their histories.

The refusal tests of each app take a picture before calling a service as someone without the
right, and compare it after: a refused write writes nothing, its history included.
"""

from __future__ import annotations

from django.db.models import Model


def written(*models: type[Model]) -> dict[str, object]:
    """Every row of ``models`` and the length of each one's change history, as it stands."""
    rows: dict[str, object] = {}
    for model in models:
        rows[model.__name__] = list(model._default_manager.order_by("pk").values())
        history = getattr(model, "history", None)
        if history is not None:
            rows[f"history of {model.__name__}"] = history.count()
    return rows
