"""Changes to user accounts."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib.history import history_user


@transaction.atomic
def user_set_language(*, actor: Viewer, language: str) -> None:
    """The person chooses the language Usul speaks to them (their own setting only)."""
    user = history_user(actor)
    if user is None:  # an anonymous visitor keeps the language in a cookie only
        raise PermissionDenied("act_for_self")
    require(actor, "act_for_self", user)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language: %(code)s") % {"code": language})
    user.language = language
    user.save(update_fields=["language"])
