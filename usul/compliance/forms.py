"""The "which year, as of which date" form of the compliance pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.schools.forms import DateInput


class AsOfForm(forms.Form):
    year = forms.ChoiceField(label=_("School year"), required=False)
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=DateInput,
        error_messages={"invalid": _("As of: enter a date as YYYY-MM-DD.")},
    )

    def __init__(self, data, *, years):
        super().__init__(data)
        self.years = {y.key: y for y in years}
        self.fields["year"].choices = [(y.key, y.key) for y in years]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "School year: the school has no year %(value)s."
        )
