"""The keyed-row reconciler: make what the installation has equal what the bundle says.

Records with a ``key`` are matched by it (``keyed``); rows without one by their owner and
their values (``rows``); lists of links by their targets (``m2m``). Each reports what it
created, updated, deleted, left unchanged or kept in the import's summary, writes in bulk,
and collects what changed so that the history is written once, at the end, with the actor.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from usul.bundle.services.summary import FieldChange, ImportSummary, RecordChange, SectionChanges
from usul.bundle.validation import BundleError, BundleInvalid, format_path
from usul.lib.dates import format_date


def _signature(values: dict) -> tuple:
    """A hashable form of a row's values, for matching equal rows."""
    return tuple(
        (name, json.dumps(v, sort_keys=True) if isinstance(v, list | dict) else v)
        for name, v in sorted(values.items())
    )


@dataclass
class Row:
    """One record as the bundle wants it: where it is in the bundle, who owns it, its values."""

    path: list
    label: str  # key of the record or of its owner, for the summary
    group: object  # parent pk (rows) or the school (keyed records)
    values: dict  # attname -> python value
    identity: object = None  # rows matched by identity (plan per year) instead of by equality


def describe(obj) -> str:
    """A record as people name it (``__str__``: a person's full name, a resolution's number and
    text), shortened so that one change stays one line."""
    text = str(obj)
    return text if len(text) <= 120 else text[:119] + "…"


def _shown(field_, value) -> str:
    if value in (None, ""):
        return "—"
    if field_.is_relation:
        related = field_.related_model._base_manager.filter(pk=value).first()
        return describe(related) if related is not None else str(value)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def field_change(obj, attname: str, old) -> FieldChange:
    """What one field becomes, in the user's words: its name, the value before and after (the
    record a link points at is named, not its number)."""
    field_ = next(f for f in obj._meta.concrete_fields if f.attname == attname)
    return FieldChange(
        str(field_.verbose_name), _shown(field_, old), _shown(field_, getattr(obj, attname))
    )


class Reconciler:
    """Matches the bundle's rows against the database for one school, in one transaction."""

    school: models.Model

    def __init__(
        self,
        summary: ImportSummary,
        actor_user,
        now: dt.datetime,
        *,
        exported_at: dt.datetime | None = None,
        delete_newer: bool = False,
    ):
        self.summary = summary
        # The log-in written in the history as who made the change (None: Usul itself).
        self.actor_user = actor_user
        self.now = now
        # When the bundle was exported: a row recorded here since then, which the bundle lacks,
        # is deleted only with ``delete_newer`` (a resolution added on the web after the export
        # must not vanish because an older file is imported again).
        self.exported_at = exported_at
        self.delete_newer = delete_newer
        # Objects created / changed in this import, per model, for the history written at the end.
        self.created: dict[type, dict[int, models.Model]] = defaultdict(dict)
        self.updated: dict[type, dict[int, models.Model]] = defaultdict(dict)

    def records(
        self, at: list, items: list[dict], values: Callable[[dict], dict], **fixed
    ) -> list[Row]:
        """Keyed records of the school as the bundle wants them (``at``: the list's path)."""
        return [
            Row(
                [*at, index],
                item["key"],
                self.school,
                {
                    "school_id": self.school.pk,
                    "key": item["key"],
                    **fixed,
                    **values(item),
                },
            )
            for index, item in enumerate(items)
        ]

    def key_lists(self, section: str, model, name: str, records: dict, wanted: dict) -> None:
        """``m2m`` for keyed records: ``wanted`` maps a record's key to the pks of its list."""
        self.m2m(
            section,
            model,
            name,
            {records[key].pk: targets for key, targets in wanted.items()},
            {records[key].pk: key for key in wanted},
        )

    @staticmethod
    def pk(records: dict, key: str | None) -> int | None:
        return records[key].pk if key is not None else None

    def keyed(self, section: str, model, rows: list[Row], existing=None) -> dict[str, object]:
        """Match records by key: update in place, create, keep the ones the bundle lacks."""
        if existing is None:
            existing = model.objects.filter(school=self.school)
        by_key = {obj.key: obj for obj in existing}
        changes = self.summary.sections[section]
        result, to_create, to_update, fields = {}, [], [], set()
        for row in rows:
            obj = by_key.get(row.values["key"])
            if obj is None:
                obj = model(**row.values)
                to_create.append((row, obj))
                changes.created.append(row.label)
            else:
                self.update_row(obj, row, changes, to_update, fields)
            result[row.values["key"]] = obj
        changes.kept = sorted(set(by_key) - set(result))
        self.save(model, to_create, to_update, fields)
        return result

    def rows(
        self,
        section: str,
        model,
        parent: str,
        scope: dict,
        rows: list[Row],
        parents: dict,
        identity: Callable | None = None,
        on_create=None,
        keep: bool = False,
    ) -> list:
        """Make each parent's rows equal the bundle's; returns the object of each row, in order.

        ``parents`` (pk → label) are the records whose list the bundle gives, even an empty one
        (their other rows are deleted). Rows equal to the bundle's are left untouched. With an
        ``identity`` (a plan per year, attendance per person) rows are matched by it and
        updated in place; otherwise changed rows are paired in order and updated in place.
        What is left over is created or deleted.

        Rows compare on the values the bundle gives, row by row: an extension field a row
        leaves out is neither compared nor changed. ``keep`` is for history (a plan's steps and
        versions) and forms named by version: rows the bundle lacks are kept and reported, and
        a changed row is added next to the old one instead of overwriting it.
        """
        changes = self.summary.sections[section]
        existing: dict[object, list] = defaultdict(list)
        if parents:
            for obj in model.objects.filter(**scope).order_by("pk"):
                if getattr(obj, parent) in parents:
                    existing[getattr(obj, parent)].append(obj)
        wanted: dict[object, list[tuple[int, Row]]] = defaultdict(list)
        for index, row in enumerate(rows):
            wanted[row.group].append((index, row))

        result: list = [None] * len(rows)
        to_create, to_update, to_delete, fields = [], [], [], set()
        for group in parents:
            old, pending = list(existing.get(group, [])), []
            if identity is not None:
                by_identity = {identity(obj): obj for obj in old}
                for index, row in wanted.get(group, []):
                    obj = by_identity.pop(row.identity, None)
                    if obj is None:
                        pending.append((index, row))
                    else:
                        result[index] = obj
                        self.update_row(obj, row, changes, to_update, fields)
                leftovers = list(by_identity.values())
            else:
                # Old rows by their values, per set of names the bundle's rows give.
                indexes: dict[tuple, dict[tuple, list]] = {}
                matched = set()
                for index, row in wanted.get(group, []):
                    names = tuple(row.values)
                    if names not in indexes:
                        indexes[names] = defaultdict(list)
                        for obj in old:
                            signature = _signature({n: getattr(obj, n) for n in names})
                            indexes[names][signature].append(obj)
                    candidates = [
                        obj
                        for obj in indexes[names].get(_signature(row.values), [])
                        if obj.pk not in matched
                    ]
                    if candidates:
                        obj = candidates[0]
                        matched.add(obj.pk)
                        result[index] = obj
                        changes.unchanged += 1
                    else:
                        pending.append((index, row))
                leftovers = [obj for obj in old if obj.pk not in matched]
            # Pair what is left in order: a changed row is updated, not deleted and re-created
            # (unless it has an identity, which then tells which row it is).
            for index, row in pending:
                if leftovers and identity is None and not keep:
                    obj = leftovers.pop(0)
                    result[index] = obj
                    self.update_row(obj, row, changes, to_update, fields)
                    continue
                obj = model(**{parent: row.group, **row.values})
                if on_create:
                    on_create(obj, row)
                result[index] = obj
                to_create.append((row, obj))
                changes.created.append(row.label)
            if keep:
                changes.kept = sorted({*changes.kept, *([parents[group]] if leftovers else [])})
                continue
            for obj in leftovers:
                gone = RecordChange(parents[group], describe(obj))
                if self.newer_than_bundle(obj) and not self.delete_newer:
                    changes.spared.append(gone)
                    continue
                to_delete.append(obj)
                changes.deleted.append(parents[group])
                changes.deletions.append(gone)
        self.delete(section, to_delete)
        self.save(model, to_create, to_update, fields)
        return result

    def update_row(
        self, obj, row: Row, changes: SectionChanges, to_update: list, fields: set
    ) -> None:
        name = describe(obj)
        before = {attname: getattr(obj, attname) for attname in row.values}
        changed = self.assign(obj, row.values)
        if changed:
            fields.update(changed)
            to_update.append((row, obj))
            changes.updated.append(row.label)
            changes.changes.append(
                RecordChange(
                    row.label,
                    name,
                    [field_change(obj, attname, before[attname]) for attname in changed],
                )
            )
        else:
            changes.unchanged += 1

    def newer_than_bundle(self, obj) -> bool:
        """Recorded here after the bundle was exported. The export stamps whole seconds, so a
        row of the same second as the export counts as older (the bundle may hold it)."""
        created = getattr(obj, "created_at", None)
        if self.exported_at is None or created is None:
            return False
        return created >= self.exported_at + dt.timedelta(seconds=1)

    @staticmethod
    def assign(obj, values: dict) -> list[str]:
        changed = []
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed.append(name)
        return changed

    def save(self, model, to_create: list, to_update: list, fields: set) -> None:
        for row, obj in [*to_create, *to_update]:
            self.clean(row, obj)
        if to_create:
            objs = [obj for _, obj in to_create]
            model.objects.bulk_create(objs)
            self.created[model].update({obj.pk: obj for obj in objs})
            # The insert stamps "now" on auto_now_add fields; a plan step keeps its own time.
            stamped = [
                f.attname
                for f in model._meta.concrete_fields
                if getattr(f, "auto_now_add", False) and f.attname in to_create[0][0].values
            ]
            if stamped:
                for row, obj in to_create:
                    for name in stamped:
                        setattr(obj, name, row.values[name])
                model.objects.bulk_update(objs, stamped)
        if to_update:
            objs = [obj for _, obj in to_update]
            names = set(fields)
            bumped = [obj for obj in objs if obj.pk not in self.created[model]]
            if bumped and any(f.name == "revision" for f in model._meta.concrete_fields):
                # Optimistic locking (plans, minutes): a page open on the old version must
                # not overwrite what the import brought.
                for obj in bumped:
                    obj.revision += 1
                names.add("revision")
            if any(f.name == "updated_at" for f in model._meta.concrete_fields):
                for obj in objs:
                    obj.updated_at = self.now
                names.add("updated_at")
            model.objects.bulk_update(objs, [self.field_name(model, n) for n in names])
            for obj in objs:
                if obj.pk not in self.created[model]:
                    self.updated[model][obj.pk] = obj

    @staticmethod
    def field_name(model, attname: str) -> str:
        for f in model._meta.concrete_fields:
            if f.attname == attname:
                return f.name
        return attname

    @staticmethod
    def clean(row: Row, obj) -> None:
        """``full_clean`` without the queries: the bundle's keys were checked by ``validate``."""
        exclude = [f.name for f in obj._meta.concrete_fields if f.is_relation]
        exclude.append("grades")  # an empty list is a valid "grades not given"
        try:
            obj.clean_fields(exclude=exclude)
        except ValidationError as exc:
            raise BundleInvalid(
                [
                    BundleError(format_path([*row.path, name]), " ".join(messages))
                    for name, messages in exc.message_dict.items()
                ]
            ) from exc

    def delete(self, section: str, objs: Iterable) -> None:
        # One by one, so that each deletion is recorded in the history with the actor.
        for obj in objs:
            obj._history_user = self.actor_user
            try:
                obj.delete()
            except (ProtectedError, RestrictedError) as exc:
                # Another part of Usul holds on to the row: say so instead of failing.
                raise BundleInvalid(
                    [
                        BundleError(
                            section,
                            _("%(record)s cannot be removed: other records refer to it")
                            % {"record": f"{obj._meta.verbose_name} «{obj}»"},
                        )
                    ]
                ) from exc

    def link(self, section: str, model, records: dict, links: list[tuple]) -> None:
        """Set links that point forward (an order to an MA created in this same import)."""
        changes = self.summary.sections[section]
        to_update, names = [], set()
        for key, attname, value in links:
            obj = records[key]
            if getattr(obj, attname) != value:
                setattr(obj, attname, value)
                names.add(attname)
                to_update.append((Row([section], key, None, {}), obj))
                self.count_as_updated(changes, model, obj, key)
        self.save(model, [], to_update, names)

    def count_as_updated(self, changes: SectionChanges, model, obj, label: str) -> None:
        if obj.pk in self.created[model] or obj.pk in self.updated[model]:
            return
        changes.unchanged -= 1
        changes.updated.append(label)

    def m2m(self, section: str, model, name: str, wanted: dict, labels: dict) -> None:
        """Make each record's list (an MA's subjects, a KTU commission…) equal the bundle's.

        ``wanted`` maps a record's pk to the pks its list must hold, in the bundle's order.
        """
        field_ = model._meta.get_field(name)
        through = field_.remote_field.through
        source, target = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
        existing: dict[int, set] = defaultdict(set)
        for pk, src, tgt in through.objects.filter(**{f"{source}__in": list(wanted)}).values_list(
            "pk", source, target
        ):
            existing[src].add((pk, tgt))
        to_create, to_delete, touched = [], [], set()
        for src, targets in wanted.items():
            have = {tgt: pk for pk, tgt in existing.get(src, set())}
            for tgt in targets:
                if tgt not in have:
                    to_create.append(through(**{source: src, target: tgt}))
                    touched.add(src)
            for tgt, pk in have.items():
                if tgt not in targets:
                    to_delete.append(pk)
                    touched.add(src)
        through.objects.filter(pk__in=to_delete).delete()
        through.objects.bulk_create(to_create)
        if not touched:
            return
        # The record's list changed: it counts as changed and its history says who did it.
        changes = self.summary.sections[section]
        objs = {obj.pk: obj for obj in model.objects.filter(pk__in=touched)}
        for src in sorted(touched):
            self.count_as_updated(changes, model, objs[src], labels[src])
            if src not in self.created[model]:
                self.updated[model][src] = objs[src]

    def write_history(self) -> None:
        for kind, update in ((self.created, False), (self.updated, True)):
            for model, objs in kind.items():
                history = getattr(model, "history", None)
                if history is None or not objs:
                    continue
                rows = history.bulk_history_create(
                    list(objs.values()),
                    update=update,
                    default_user=self.actor_user,
                    default_date=self.now,
                )
                self.write_m2m_history(model, history.model, rows)

    @staticmethod
    def write_m2m_history(model, historical_model, rows: list) -> None:
        """Lists kept in the history (``m2m_fields``, e.g. an MA's subjects): snapshot them too.

        simple-history does this for a single save but not for a bulk one.
        """
        for field_ in getattr(historical_model, "_history_m2m_fields", ()):
            snapshot = apps.get_model(
                model._meta.app_label, f"Historical{model.__name__}_{field_.name}"
            )
            through = field_.remote_field.through
            source = f"{field_.m2m_field_name()}_id"
            links: dict[int, list] = defaultdict(list)
            for link in through.objects.filter(**{f"{source}__in": [r.id for r in rows]}):
                links[getattr(link, source)].append(link)
            names = [f.attname for f in through._meta.concrete_fields]
            snapshot.objects.bulk_create(
                snapshot(history=row, **{name: getattr(link, name) for name in names})
                for row in rows
                for link in links[row.id]
            )


# --- Export -------------------------------------------------------------------------------------
