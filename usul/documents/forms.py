"""Forms of the register page: they only read input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.documents.models import DocumentLanguage, DocumentType, TemplateFormat, VersionKind
from usul.documents.services import MAX_TEMPLATE_BYTES, TYPES, UPLOAD_KINDS
from usul.lib import uploads
from usul.lib.text_limits import PARAGRAPH
from usul.schools.forms import DateInput, StaffChoiceField


class GenerateForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=DocumentLanguage.choices, initial=DocumentLanguage.KY
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("pdf", "PDF"), ("docx", "DOCX")], initial="pdf"
    )
    # DOC-9: experience and age as of this date.
    as_of = forms.DateField(label=_("As of"), required=False, widget=DateInput())
    # DOC-11: one teacher's plan; empty: every member's.
    staff = StaffChoiceField(
        label=_("Teacher"), queryset=None, required=False, empty_label=_("— every member —")
    )
    once = OnceField()

    def __init__(self, *args, staff_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff_queryset


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What it is"),
        choices=[
            (VersionKind.SIGNED_SCAN, _("signed scan (PDF, JPEG, PNG)")),
            (VersionKind.UPLOADED, _("a file made elsewhere (PDF, DOCX, JPEG, PNG)")),
        ],
        initial=VersionKind.SIGNED_SCAN,
    )
    file = uploads.form_field(label=_("File"), accept=UPLOAD_KINDS, required=True)
    once = OnceField()


class TemplateForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Document"), choices=[c for c in DocumentType.choices if c[0] in TYPES]
    )
    format = forms.ChoiceField(label=_("Format"), choices=TemplateFormat.choices)
    file = forms.FileField(
        label=_("Template file"),
        help_text=_("Up to %(mb)s MB.") % {"mb": MAX_TEMPLATE_BYTES // (1024 * 1024)},
    )
    once = OnceField()


class EntriesForm(forms.Form):
    """The archive page's choice of register entries (handing over, or a disposal act)."""

    entries = forms.MultipleChoiceField(
        label=_("Documents"),
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={"required": _("Choose at least one document.")},
    )
    once = OnceField()

    def __init__(self, *args, keys: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(key, key) for key in keys]


class ProposeForm(EntriesForm):
    """A disposal act's list and its note (the deputy's)."""

    note = forms.CharField(
        label=_("Note to the act"),
        required=False,
        max_length=PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
