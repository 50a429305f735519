"""Forms of the calendar-thematic plan pages: they only read the input."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from usul.lib import uploads
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


CSV_EXTENSIONS = ("", ".csv", ".txt")


def _is_csv(upload) -> bool:
    """Named as a CSV table (or not named at all) and holding text, not a binary or a zip."""
    name = (upload.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in CSV_EXTENSIONS:
        return False
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    return bool(head) and b"\x00" not in head and not head.startswith(b"PK")


class ImportForm(forms.Form):
    file = forms.FileField(
        allow_empty_file=True,  # the one check refuses it, naming the file
        label=_("File (.xlsx or .csv)"),
        help_text=_(
            "One lesson per row; columns “№”, “Темасы” (or “Тема”), “Саат” (“Часы”), "
            "“Күнү” (“Дата”). Only “Темасы” is required."
        ),
    )

    def clean_file(self):
        """A CSV table is text and read as text; anything else must pass the one check of
        every upload as an .xlsx (by its content, not its name: no bomb, no macros, within
        the size), so a hostile file is told why as on every other upload page."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if _is_csv(upload):
            return upload
        try:
            checked = uploads.check(
                upload, accept=frozenset({uploads.XLSX}), max_bytes=MAX_BYTES, field="file"
            )
        except ValidationError as error:
            raise forms.ValidationError(error.error_dict["file"]) from None
        checked.file.seek(0)
        return checked.file
