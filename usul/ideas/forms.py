"""Forms of the bank's pages: they only read the input; the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.ideas.models import (
    COMMENT_LIMIT,
    DESCRIPTION_LIMIT,
    FIRST_GRADE,
    LAST_GRADE,
    TAGS_LIMIT,
    TITLE_LIMIT,
    MaterialKind,
)
from usul.lib import uploads
from usul.lib.text_limits import NamedLimits

GRADES = [("", "—")] + [(str(n), str(n)) for n in range(FIRST_GRADE, LAST_GRADE + 1)]


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MaterialForm(NamedLimits):
    once = OnceField()
    title = forms.CharField(label=_("Title of the material"), max_length=TITLE_LIMIT)
    kind = forms.ChoiceField(label=_("Kind of material"), choices=MaterialKind.choices)
    association = NamedChoiceField(
        label=_("MA"), queryset=None, to_field_name="key", empty_label=None
    )
    subject = NamedChoiceField(
        label=_("Subject"), queryset=None, to_field_name="key", required=False, empty_label="—"
    )
    grade_from = forms.TypedChoiceField(
        label=_("From grade"), choices=GRADES, coerce=int, empty_value=None, required=False
    )
    grade_to = forms.TypedChoiceField(
        label=_("To grade"), choices=GRADES, coerce=int, empty_value=None, required=False
    )
    tags = forms.CharField(
        label=_("Tags"),
        max_length=TAGS_LIMIT,
        required=False,
        help_text=_("Words to find it by, separated by commas: «функция, графиктер, 8-класс»."),
    )
    description = forms.CharField(
        label=_("Description of the material"),
        max_length=DESCRIPTION_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is for and how to use it: colleagues find it by these words too."),
    )

    def __init__(self, *args, associations, subjects, file_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if associations is None:  # a change keeps the MA it was uploaded in
            del self.fields["association"]
        else:
            self.fields["association"].queryset = associations
        self.fields["subject"].queryset = subjects
        self.fields["file"] = uploads.form_field(
            label=_("File of the material"), accept=uploads.ANY, required=file_required
        )
        self.fields["file"].help_text = _(
            "PDF, DOCX, XLSX, JPEG or PNG; at most %(limit)s MB. A presentation: save it as PDF."
        ) % {"limit": max(1, uploads.max_upload_bytes() // (1024 * 1024))}


class EvaluationForm(NamedLimits):
    decision = forms.ChoiceField(
        label=_("Evaluation"),
        choices=[
            ("ready", _("Ready for publication")),
            ("returned", _("Return to the author to improve")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The author reads it. When returning the material, say what to improve."),
    )
