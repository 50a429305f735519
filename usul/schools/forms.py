"""Form pieces every page of a school uses: date inputs and staff pickers (a service's errors
are put on a form by ``usul.lib.forms.add_service_errors``)."""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    """The phone's own date picker; the value travels as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name
