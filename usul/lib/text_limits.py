"""How long a text may be, per kind of field, and the refusal that names the field.

The longest real texts are a meeting's minutes (ten typed pages are about 30,000 characters)
and an observation's notes; a resolution or a topic is a sentence or two. Each limit leaves
room for the longest real text and refuses a pasted megabyte. Pages put the same number in the
field's ``maxlength``; services check it, so that a bundle, a command or a script is held to it
too.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

MINUTES = 30_000
RESOLUTION = 1_000
AGENDA = 3_000
# A sentence or two: a theme, a goal, what a plan item is, a topic.
SENTENCE = 1_000
# A paragraph or a short list: expected result, a note, a comment, directions, tasks.
PARAGRAPH = 3_000
# A written analysis or an observation's notes: a few typed pages.
PAGES = 30_000


def refusal(label: str, value: str, limit: int) -> str:
    return _("%(field)s: at most %(limit)s characters, this one has %(count)s.") % {
        "field": label,
        "limit": f"{limit:,}".replace(",", " "),
        "count": len(value),
    }


def require_within(field: str, label: str, value: str, limit: int) -> None:
    """Refuse ``value`` for ``field`` (named ``label`` to the user) when it is over ``limit``."""
    if len(value) > limit:
        raise ValidationError({field: refusal(label, value, limit)})


class NamedLimits(forms.Form):
    """A form whose text fields refuse an over-long value with the sentence that names the
    field ("Тема: эң көп 1 000 белги болот, бул текстте 1200."), before any service runs.

    Each ``CharField`` with a ``max_length`` (which also becomes the browser's ``maxlength``)
    is held to it by name instead of by Django's anonymous "this value".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.validators = [
                    v for v in field.validators if not isinstance(v, MaxLengthValidator)
                ] + [_WithinLimit(str(field.label), field.max_length)]


class _WithinLimit:
    def __init__(self, label: str, limit: int):
        self.label, self.limit = label, limit

    def __call__(self, value: str) -> None:
        if len(value) > self.limit:
            raise ValidationError(refusal(self.label, value, self.limit), code="max_length")


def require_all_within(*checks: tuple[str, str, str, int]) -> None:
    """Refuse at once every ``(field, label, value, limit)`` whose value is over its limit, each
    named; the services call it so that a bundle, a command or a script is held to the same
    limits as the pages."""
    errors = {
        field: refusal(label, value, limit)
        for field, label, value, limit in checks
        if len(value or "") > limit
    }
    if errors:
        raise ValidationError(errors)
