"""Checks every writing service applies the same way: school keys and date intervals.

Messages name the field in the user's language, so a form, a command or an import can show
them as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from usul.lib.dates import format_date

# Keys travel in URLs and in bundles (BUNDLE.md): plain ASCII letters, digits, ".", "_", "-".
KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


# Words that name a page in the URLs next to the keys ("ma/<school>/new/").
RESERVED_KEYS = frozenset({"new"})


def check_key(key: str, *, field: str = "key", label: str | None = None) -> None:
    if key in RESERVED_KEYS:
        raise ValidationError(
            {
                field: _("“%(label)s”: “%(key)s” is reserved, choose another key.")
                % {"label": label or _("Key"), "key": key}
            }
        )
    if not KEY_PATTERN.fullmatch(key or ""):
        raise ValidationError(
            {
                field: _(
                    "“%(label)s”: use Latin letters, digits, “.”, “_” or “-” "
                    "(for example ma-stem), up to 100 characters."
                )
                % {"label": label or _("Key")}
            }
        )


def check_interval(
    start: dt.date | None,
    end: dt.date | None,
    *,
    field: str,
    start_label: str,
    end_label: str,
) -> None:
    """RULES.md intervals include both ends; an end before the start is refused."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            {
                field: _("“%(end_label)s” (%(end)s) is before “%(start_label)s” (%(start)s).")
                % {
                    "end_label": end_label,
                    "end": format_date(end),
                    "start_label": start_label,
                    "start": format_date(start),
                }
            }
        )


def required(value, *, field: str, label: str) -> None:
    if value in (None, "", [], ()):
        raise ValidationError({field: _("“%(label)s” is required.") % {"label": label}})


T = TypeVar("T")


def given(value: T | None, *, field: str, label: str) -> T:
    """``value`` when it is given; refused as ``required`` otherwise."""
    required(value, field=field, label=label)
    assert value is not None  # noqa: S101 -- ``required`` refused None
    return value


def prefixed(error: ValidationError, prefix: str) -> ValidationError:
    """The same errors with their field names prefixed (an order inside an MA form)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {f"{prefix}{name}": messages for name, messages in error.error_dict.items()}
    )
