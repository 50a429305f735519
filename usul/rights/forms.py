"""Forms of the rights pages: they only read the input; the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.meetings.forms import StaffByKeyField
from usul.rights.models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    AppealKind,
    AppealStatus,
    Contest,
    ContestStage,
    NominationResult,
)
from usul.rights.services import ANSWERS
from usul.schools.forms import DateInput


class AppealForm(forms.Form):
    once = OnceField()
    kind = forms.ChoiceField(
        label=_("Kind of request"), choices=AppealKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("What it is about"), max_length=TITLE_LIMIT)
    text = forms.CharField(
        label=_("Your proposal or question"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[(value, label) for value, label in AppealStatus.choices if value in ANSWERS],
    )
    answer = forms.CharField(
        label=_("Answer"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5})
    )
    consultation_on = forms.DateField(
        label=_("Consultation date"), required=False, widget=DateInput()
    )

    def __init__(self, *args, consultation: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not consultation:
            del self.fields["consultation_on"]


class ResolutionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        meeting = obj.meeting
        return _("%(ma)s, meeting №%(meeting)s, resolution %(number)s: %(text)s") % {
            "ma": meeting.association.name,
            "meeting": meeting.number,
            "number": obj.number,
            "text": obj.text[:80],
        }


class NominationForm(forms.Form):
    once = OnceField()
    resolution = ResolutionChoiceField(
        label=_("By the resolution"),
        queryset=None,
        help_text=_("The resolution of a held meeting by which the MA nominates the teacher."),
    )
    nominee = StaffByKeyField(label=_("Teacher"), queryset=None, to_field_name="key")
    contest = forms.ChoiceField(label=_("Contest"), choices=Contest.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1_000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, resolutions, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolution"].queryset = resolutions
        self.fields["nominee"].queryset = staff


class NominationProgressForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=ContestStage.choices)
    result = forms.ChoiceField(label=_("Result"), choices=NominationResult.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=1_000, widget=forms.Textarea(attrs={"rows": 2})
    )
