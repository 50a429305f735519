"""The log-in form, with Usul's own words for a refused log-in."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # Django's own Kyrgyz text for this message is garbled ("…СезГичТүү…"); ours is a sentence a
    # teacher reads at once, in each of Usul's languages.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or the password is wrong. Check both and try again; capital and "
            "small letters differ."
        ),
        "inactive": _("This log-in is switched off. Ask your school's deputy director."),
    }
