"""Forms of the mentoring pages: they only read the input; the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.meetings.forms import StaffByKeyField
from usul.mentoring.models import (
    NOTES_LIMIT,
    PLAN_LIMIT,
    TOPIC_LIMIT,
    MentoringOutcome,
    MentoringReason,
)
from usul.schools.forms import DateInput


class AssignForm(forms.Form):
    once = OnceField()
    mentee = StaffByKeyField(label=_("Teacher"), queryset=None, to_field_name="key")
    mentor = StaffByKeyField(label=_("Mentor"), queryset=None, to_field_name="key")
    reason = forms.ChoiceField(label=_("Reason"), choices=MentoringReason.choices)
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    plan = forms.CharField(
        label=_("Mentoring plan"),
        required=False,
        max_length=PLAN_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = staff
        self.fields["mentor"].queryset = staff


class PlanForm(forms.Form):
    mentor = StaffByKeyField(label=_("Mentor"), queryset=None, to_field_name="key")
    plan = forms.CharField(
        label=_("Mentoring plan"),
        required=False,
        max_length=PLAN_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, staff, may_change_mentor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = staff
        if not may_change_mentor:
            del self.fields["mentor"]


class MeetingForm(forms.Form):
    once = OnceField()
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    topic = forms.CharField(label=_("Topic"), required=False, max_length=TOPIC_LIMIT)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=NOTES_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in MentoringOutcome.choices if c[0] != MentoringOutcome.IN_PROGRESS],
    )
    outcome_note = forms.CharField(
        label=_("Outcome, in words"),
        required=False,
        max_length=NOTES_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
