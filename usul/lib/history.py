"""Every change is saved with who made it, so each record's history says "who, what, when".

django-simple-history records a row per save; ``save_with_history`` is the one way services
save a changed record, so no service forgets to name its author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.db.models import Model

if TYPE_CHECKING:
    from usul.accounts.models import User


def history_user(actor) -> User | None:
    """The log-in behind ``actor``: a policy ``Viewer`` (its ``user``), a user, or nobody.

    An anonymous visitor changes nothing (the policy refuses them first), so a history row
    names a real log-in or none — a command-line tool acting as the administrator.
    """
    user = getattr(actor, "user", actor)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return cast("User", user)


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


def delete_with_history(obj: Model, actor) -> None:
    """Delete ``obj``; its history keeps a "deleted" row naming ``actor``."""
    obj._history_user = history_user(actor)  # type: ignore[attr-defined]
    obj.delete()
