"""The analysis form only reads input; the service decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.lib import text_limits
from usul.planning.forms import Revisioned
from usul.schools.forms import DateInput


class AnalysisForm(Revisioned):
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    text = forms.CharField(
        label=_("Analysis of the MA's work"),
        required=False,
        max_length=text_limits.PAGES,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    proposals = forms.CharField(
        label=_("Proposals for next year (one per line)"),
        required=False,
        max_length=text_limits.PAGES,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    presented_at = forms.ModelChoiceField(
        label=_("Presented at the meeting"), queryset=None, required=False
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presented_at"].queryset = meetings
