"""The log-in form, with Usul's own words for a refused log-in, and the password forms."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from usul.accounts.policy import command_line_administrator

PASSWORD_MAX = 128


class LoginForm(AuthenticationForm):
    # Django's own Kyrgyz text for this message is garbled ("…СезГичТүү…"); ours is a sentence a
    # teacher reads at once, in each of Usul's languages. It is the same for a user name that
    # does not exist and for a wrong password (ASVS V6.3.8).
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or the password is wrong. Check both and try again; capital and "
            "small letters differ."
        ),
        "inactive": _("This log-in is switched off. Ask your school's deputy director."),
        "expired": _(
            "This one-time password has expired. Ask your school's deputy director for a new "
            "log-in slip."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        from usul.accounts.services import users_deactivate_leavers

        # Someone who left the school is switched off at this attempt if the daily command has
        # not done it yet (Usul itself acts: the history names no user).
        if users_deactivate_leavers(actor=command_line_administrator(), users=[user]):
            raise ValidationError(self.error_messages["inactive"], code="inactive")
        if user.one_time_password_expired:
            raise ValidationError(self.error_messages["expired"], code="expired")


class PasswordChangeForm(forms.Form):
    """The person's own new password, given with their current one (ASVS V6.2.3)."""

    old_password = forms.CharField(
        label=_("Current password"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters. A phrase of a few words you remember is better than a short "
            "word with digits; a common password is refused."
        ),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        one, two = data.get("new_password1"), data.get("new_password2")
        if one and two and one != two:
            self.add_error("new_password2", _("The two new passwords differ."))
        return data
