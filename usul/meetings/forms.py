"""Forms of the meeting pages: they only read the input; the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib import text_limits
from usul.people.models import Staff
from usul.planning.forms import PlanItemField
from usul.schools.forms import DateInput

# ORG-4, DOC-12: what the number of a meeting will be, said where its date is chosen.
NUMBERING = _(
    "Meetings are numbered in date order within the MA's year. A meeting already held keeps "
    "its number, because its minutes are printed and signed: a meeting dated before one "
    "already held takes the next free number instead."
)


class ScheduleForm(text_limits.NamedLimits):
    once = OnceField()
    plan_item = PlanItemField()
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput(), help_text=NUMBERING)
    agenda = forms.CharField(
        label=_("Agenda (one question per line)"),
        required=False,
        max_length=text_limits.AGENDA,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, plan_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].offer(plan_items)


class MinutesForm(text_limits.NamedLimits):
    revision = forms.IntegerField(widget=forms.HiddenInput())
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput(), help_text=NUMBERING)
    agenda = forms.CharField(
        label=_("Agenda (one question per line)"),
        required=False,
        max_length=text_limits.AGENDA,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": text_limits.MINUTES}),
    )


class StaffByKeyField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.short_name


class ResolutionForm(forms.Form):
    once = OnceField()
    text = forms.CharField(
        label=_("Resolution"),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": text_limits.RESOLUTION}),
        required=False,
    )
    responsible = StaffByKeyField(
        label=_("Responsible"),
        queryset=Staff.objects.none(),
        to_field_name="key",
        required=False,
        empty_label=_("— nobody —"),
    )
    due = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, staff_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = staff_queryset
