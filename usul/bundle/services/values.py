"""Bundle values and model values, both ways: dates, numbers, texts, extension fields."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _text(value) -> str:
    return value or ""


def _moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _given(item: dict, fields: dict[str, tuple[str, Callable]]) -> dict:
    """The extension fields ``item`` gives, as model values (``fields``: bundle name →
    (attname, conversion)). One it leaves out is not in the result, so the record keeps what
    this installation has, or the default when it is new."""
    return {
        attname: convert(item[name]) for name, (attname, convert) in fields.items() if name in item
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _number(value: Decimal | None) -> int | float | None:
    """18.0 → 18, 1.150 → 1.15: the number as a person would write it in the bundle."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _grouped(queryset, attname: str, *order: str) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for obj in queryset.order_by(*(order or ("pk",))):
        groups[getattr(obj, attname)].append(obj)
    return groups


def _key(keys: dict, pk: int | None) -> str | None:
    """The bundle key of the record ``pk`` names (``keys``: key by pk); none for no record."""
    return keys[pk] if pk is not None else None


def _moment_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _nonempty(**fields) -> dict:
    """Extension fields of a BUNDLE.md record, only those that hold something: a school that
    has none exports exactly as BUNDLE.md describes it."""
    return {name: value for name, value in fields.items() if value not in ("", None, [], {})}


def _m2m_lists(model, name: str, **scope) -> dict[int, list[int]]:
    """Each record's list, in the order it was written (the bundle's order)."""
    field_ = model._meta.get_field(name)
    through = field_.remote_field.through
    source, target = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
    lists: dict[int, list[int]] = defaultdict(list)
    owner = field_.m2m_field_name()
    rows = through.objects.filter(**{f"{owner}__{k}": v for k, v in scope.items()})
    for src, tgt in rows.order_by("pk").values_list(source, target):
        lists[src].append(tgt)
    return lists


def _extension(school, name: str, read: Callable[[], dict]) -> dict:
    """Extension records of one kind (docs/bundle-extensions.md), read only where the school
    has some: the export annotates the school with ``has_<name>`` in one query."""
    return read() if getattr(school, f"has_{name}") else {}
