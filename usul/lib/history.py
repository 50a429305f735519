"""Every change is saved with who made it, so each record's history says "who, what, when".

django-simple-history records a row per save; ``save_with_history`` is the one way services
save a changed record, so no service forgets to name its author.
"""

from __future__ import annotations

from django.db.models import Model


def history_user(actor):
    """The log-in behind ``actor``: a policy ``Viewer`` (its ``user``), a user, or nobody."""
    return getattr(actor, "user", actor)


def save_with_history(obj: Model, actor, fields: list[str] | None = None) -> None:
    """Validate ``obj`` and save it with ``actor`` as the history's author.

    ``fields`` are the fields this change touched: the save then writes only those (and
    ``updated_at`` where the model keeps one), so two services changing different fields of
    one record never overwrite each other. ``None`` saves everything (a new record).
    """
    obj.full_clean()
    obj._history_user = history_user(actor)  # type: ignore[attr-defined]
    if fields is None:
        obj.save()
        return
    names = list(dict.fromkeys(fields))
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields) and "updated_at" not in names:
        names.append("updated_at")
    obj.save(update_fields=names)
