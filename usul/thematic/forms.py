"""Forms of the calendar-thematic plan pages: they only read the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.people.models import ThematicPlanKind
from usul.schools.forms import DateInput
from usul.thematic.importing import MAX_BYTES, TOPIC_LIMIT


class SubjectField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PlanForm(forms.Form):
    subject = SubjectField(label=_("Subject"), queryset=None, to_field_name="key")
    grade = forms.IntegerField(label=_("Grade (1–11)"), min_value=1, max_value=11)
    kind = forms.ChoiceField(label=_("Kind of plan"), choices=ThematicPlanKind.choices)

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = subjects


class ItemForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), required=False, max_length=TOPIC_LIMIT)
    hours = forms.DecimalField(
        label=_("Hours"), required=False, max_digits=4, decimal_places=1, min_value=0.5
    )
    planned = forms.DateField(label=_("Planned date"), required=False, widget=DateInput())


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (.xlsx or .csv)"),
        help_text=_(
            "One lesson per row; columns “№”, “Темасы” (or “Тема”), “Саат” (“Часы”), "
            "“Күнү” (“Дата”). Only “Темасы” is required."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
