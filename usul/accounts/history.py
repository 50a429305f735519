"""The change history of records, as people read it: who, when, what changed.

Every model keeps its history with django-simple-history. A page names its **sources** — the
historical rows of one record and of the rows that hang from it (an MA's memberships, a
card's positions) — and gets back entries, newest first. Consecutive versions of one object
are compared with ``diff_against``; the values are shown in the user's language (choice
labels, dates, the names of related records).

The cost is fixed per source: one query for its rows (with the user who made each change),
one per many-to-many field, and one per kind of related record named in the changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_reverse_field_name

from usul.lib.dates import format_date

# Bookkeeping fields no reader cares about (and a calendar feed's secret, kept as a hash).
IGNORED = {"id", "created_at", "updated_at", "has_education", "revision", "school", "token_hash"}


@dataclass(frozen=True)
class Ref:
    """A related record named by its id, resolved to its name in one query per model."""

    model: type[models.Model]
    pk: object


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: str
    action: str  # "created", "changed" or "deleted" — for CSS; ``action_label`` for people
    action_label: str
    subject: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class Source:
    """The historical rows of one kind of record, and how to name the record in a sentence.

    ``describe(row)`` returns the parts of the subject, e.g. ``[_("Member"), Ref(Staff, id)]``.
    ``hidden`` lists fields whose values this viewer may not read (personal data).
    """

    rows: models.QuerySet
    describe: Callable[[object], list]
    hidden: frozenset[str] = frozenset()


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _action_label(kind: str) -> str:
    # A context keeps these apart from the field names "created"/"updated" of every model.
    return {
        "created": pgettext("history", "created"),
        "changed": pgettext("history", "changed"),
        "deleted": pgettext("history", "deleted"),
    }[kind]


def change_history(sources: Iterable[Source], *, limit: int = 50) -> list[HistoryEntry]:
    raw = []  # (row, subject parts, [(field, old, new)])
    refs: dict[type[models.Model], set] = defaultdict(set)

    def remember(value):
        if isinstance(value, Ref) and value.pk is not None:
            refs[value.model].add(value.pk)
        elif isinstance(value, list):
            for item in value:
                remember(item)
        return value

    for source in sources:
        historical = source.rows.model
        m2m_fields = list(getattr(historical, "_history_m2m_fields", []))
        rows = list(
            source.rows.select_related("history_user__staff").order_by(
                "id", "history_date", "history_id"
            )
        )
        m2m_values = _m2m_values(historical, m2m_fields, rows)
        previous = None
        for row in rows:
            if previous is not None and previous.id != row.id:
                previous = None
            subject = [remember(part) for part in source.describe(row)]
            tracked = [
                f
                for f in historical.tracked_fields
                if f.name not in IGNORED and f.name not in source.hidden and f.editable
            ]
            changes = []
            if row.history_type == "~" and previous is not None:
                delta = row.diff_against(
                    previous,
                    included_fields=[f.name for f in tracked],
                    excluded_fields=[f.name for f in m2m_fields],
                )
                by_name = {f.name: f for f in tracked}
                for change in delta.changes:
                    f = by_name[change.field]
                    changes.append(
                        (f, remember(_value(f, change.old)), remember(_value(f, change.new)))
                    )
            elif row.history_type == "+":
                for f in tracked:
                    value = _value(f, getattr(row, f.attname))
                    if value not in (None, "", []):
                        changes.append((f, None, remember(value)))
            for m2m in m2m_fields:
                if m2m.name in source.hidden:
                    continue
                new = m2m_values[m2m.name].get(row.history_id, set())
                old = m2m_values[m2m.name].get(previous.history_id, set()) if previous else set()
                if new != old and row.history_type != "-":
                    target = m2m.related_model
                    changes.append(
                        (
                            m2m,
                            remember([Ref(target, pk) for pk in sorted(old)]),
                            remember([Ref(target, pk) for pk in sorted(new)]),
                        )
                    )
            if row.history_type == "~" and previous is not None and not changes:
                previous = row
                continue  # a save that changed nothing a reader sees
            raw.append((row, subject, changes))
            previous = row

    names = {
        model: {pk: str(obj) for pk, obj in model._default_manager.in_bulk(pks).items()}
        for model, pks in refs.items()
    }

    def show(value) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, Ref):
            return names[value.model].get(value.pk, _("(deleted)"))
        if isinstance(value, list):
            return ", ".join(show(v) for v in value) or "—"
        return str(value)

    entries = []
    for row, subject, changes in raw:
        kind = ACTIONS[row.history_type]
        user = row.history_user
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=str(user) if user is not None else _("the system (import)"),
                action=kind,
                action_label=_action_label(kind),
                subject=" ".join(show(p) if not isinstance(p, str) else p for p in subject),
                changes=[
                    FieldChange(label=str(f.verbose_name), old=show(old), new=show(new))
                    for f, old, new in changes
                ],
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def _m2m_values(historical, m2m_fields, rows) -> dict[str, dict[int, set]]:
    """For each many-to-many field: history_id -> the set of related ids at that version."""
    values: dict[str, dict[int, set]] = {}
    for m2m in m2m_fields:
        through = HistoricalRecords.m2m_models[m2m]
        target = get_m2m_reverse_field_name(m2m)
        per_version: dict[int, set] = defaultdict(set)
        for history_id, pk in through.objects.filter(
            history_id__in=[r.history_id for r in rows]
        ).values_list("history_id", f"{target}_id"):
            per_version[history_id].add(pk)
        values[m2m.name] = per_version
    return values


def _value(f: models.Field, value):
    """A field's stored value as something a person can read (ids become ``Ref``)."""
    if value is None or value == "":
        return None
    if f.is_relation and f.many_to_one:
        return Ref(f.related_model, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
