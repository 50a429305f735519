"""How long a text may be, per kind of field, and the refusal that names the field.

The longest real texts are a meeting's minutes (ten typed pages are about 30,000 characters)
and an observation's notes; a resolution or a topic is a sentence or two. Each limit leaves
room for the longest real text and refuses a pasted megabyte. Pages put the same number in the
field's ``maxlength``; services check it, so that a bundle, a command or a script is held to it
too.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MINUTES = 30_000
RESOLUTION = 1_000
AGENDA = 3_000


def require_within(field: str, label: str, value: str, limit: int) -> None:
    """Refuse ``value`` for ``field`` (named ``label`` to the user) when it is over ``limit``."""
    if len(value) > limit:
        raise ValidationError(
            {
                field: _("%(field)s: at most %(limit)s characters, this one has %(count)s.")
                % {"field": label, "limit": f"{limit:,}".replace(",", " "), "count": len(value)}
            }
        )
