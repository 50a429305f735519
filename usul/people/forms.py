"""Forms of the staff pages: the list's filters and the card with its rows."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib import text_limits, uploads
from usul.people.models import CategoryLevel, EducationLevel, Gender, Role
from usul.people.services import Row
from usul.schools.forms import DateInput

MA_HEAD = "ma_head"


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    ma = forms.ChoiceField(label=_("MA"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("Name or key"), "autocomplete": "off"}
        )
        self.fields["ma"].choices = [("", _("All MAs"))] + [(a.key, a.name) for a in associations]
        self.fields["role"].choices = [("", _("All roles")), *Role.choices, (MA_HEAD, _("MA head"))]


class DatabankFilterForm(forms.Form):
    """The data bank's date and filters (DOC-9); every field may stay empty."""

    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=DateInput,
        error_messages={"invalid": _("As of: enter a date as YYYY-MM-DD.")},
    )
    ma = forms.ChoiceField(label=_("MA"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    education = forms.ChoiceField(label=_("Education"), required=False)
    age_band = forms.ChoiceField(label=_("Age, years"), required=False)
    experience_band = forms.ChoiceField(label=_("Pedagogical experience, years"), required=False)

    def __init__(self, *args, associations, subjects, **kwargs):
        from usul.people.databank import (
            AGE_BANDS,
            EXPERIENCE_BANDS,
            NOT_RECORDED,
            band_key,
            band_label,
        )

        super().__init__(*args, **kwargs)
        not_recorded = (NOT_RECORDED, _("not recorded"))
        self.fields["ma"].choices = [("", _("All MAs"))] + [(a.key, a.name) for a in associations]
        self.fields["subject"].choices = [("", _("All subjects"))] + [
            (s.key, s.name) for s in subjects
        ]
        self.fields["category"].choices = [("", _("Any category")), *CategoryLevel.choices]
        self.fields["education"].choices = [
            ("", _("Any education")),
            *EducationLevel.choices,
            not_recorded,
        ]
        self.fields["age_band"].choices = [
            ("", _("Any age")),
            *((band_key(lo, hi), band_label(lo, hi)) for lo, hi in AGE_BANDS),
            not_recorded,
        ]
        self.fields["experience_band"].choices = [
            ("", _("Any experience")),
            *((band_key(lo, hi), band_label(lo, hi)) for lo, hi in EXPERIENCE_BANDS),
        ]


class StaffCardForm(text_limits.NamedLimits):
    once = OnceField()
    key = forms.CharField(
        label=_("Key"),
        max_length=100,
        required=False,
        help_text=_("A short code, for example t-asanova. Left empty, one is chosen."),
    )
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    patronymic = forms.CharField(label=_("Patronymic"), max_length=100, required=False)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=DateInput)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Gender.choices], required=False
    )
    education_level = forms.ChoiceField(
        label=_("Education"), choices=[("", "—"), *EducationLevel.choices], required=False
    )
    education_institution = forms.CharField(label=_("Institution"), max_length=300, required=False)
    education_graduated = forms.IntegerField(label=_("Graduated (year)"), required=False)
    education_specialty = forms.CharField(label=_("Specialty"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^[0-9+()\- ]{5,30}$",
        max_length=30,
        required=False,
        error_messages={"invalid": _("Give a phone number: digits, spaces, “+”, “-”, brackets.")},
    )

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["key"]  # the key is the person's identity in URLs and bundles
            del self.fields["once"]  # only "add a person" creates a record

    def fieldsets(self):
        groups = [
            (_("Person"), ("key", "last_name", "first_name", "patronymic", "birth_date", "gender")),
            (
                _("Education"),
                (
                    "education_level",
                    "education_institution",
                    "education_graduated",
                    "education_specialty",
                ),
            ),
            (_("Contacts"), ("email", "phone")),
        ]
        return [(legend, [self[n] for n in names if n in self.fields]) for legend, names in groups]

    def card_values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("key", "once")}


class RowForm(text_limits.NamedLimits):
    """One row of a list on the card. ``row`` names the existing record among this person's
    rows (never looked up outside them)."""

    row = forms.IntegerField(required=False, widget=forms.HiddenInput)
    fields_order: tuple[str, ...] = ()

    def clean(self):
        # A half-filled line says, above the line, which of its fields are missing and which
        # line it is: on a phone the field's own message may be a screen away from the save.
        missing = [
            self.fields[name].label
            for name, errors in self.errors.as_data().items()
            if name in self.fields and any(e.code == "required" for e in errors)
        ]
        if missing:
            raise forms.ValidationError(
                _("Row %(number)s: fill in %(fields)s or clear the row."),
                code="incomplete",
                params={
                    "number": self.row_number(),
                    "fields": ", ".join(f"“{label}”" for label in missing),
                },
            )
        return super().clean()

    def row_number(self) -> int:
        """The line's place in its section, counted from 1 (the prefix is "<section>-<i>")."""
        return int((self.prefix or "0").rsplit("-", 1)[-1]) + 1

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields_order}


class PositionForm(RowForm):
    # A blank first choice: a select without one sends its first role, and the empty
    # "new row" line would look filled in and fail for want of a date.
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices])
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    fields_order = ("role", "start", "end")


class EmploymentForm(RowForm):
    organization = forms.CharField(label=_("Organization"), max_length=300)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    in_education = forms.BooleanField(label=_("In education"), required=False, initial=True)
    fields_order = ("organization", "position", "start", "end", "in_education")


class CategoryForm(RowForm):
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *CategoryLevel.choices])
    awarded = forms.DateField(label=_("Awarded"), widget=DateInput)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DateInput)
    order = forms.CharField(
        label=_("Order"),
        max_length=100,
        required=False,
        help_text=_("Its number and date, for example № 45 of 12.03.2024."),
    )
    fields_order = ("category", "awarded", "valid_until", "order")


class GradesField(forms.CharField):
    """ "5, 6, 9" ↔ [5, 6, 9]."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(g) for g in value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return []
        try:
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(
                _("Give the grades as numbers separated by commas, for example 5, 6, 9.")
            ) from None

    def has_changed(self, initial, data):
        # Compared as lists: an empty line's "" against no grades at all is no change.
        try:
            return self.to_python(self.prepare_value(initial) or "") != self.to_python(data)
        except forms.ValidationError:
            return True


class TeachingForm(RowForm):
    year = forms.ModelChoiceField(label=_("School year"), queryset=None)
    subject = forms.ModelChoiceField(label=_("Subject"), queryset=None)
    grades = GradesField(label=_("Grades"), max_length=100)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), max_digits=5, decimal_places=1, required=False
    )
    fields_order = ("year", "subject", "grades", "hours_per_week")

    def __init__(self, *args, years, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = years
        self.fields["subject"].queryset = subjects


SECTION_FORMS = {
    "positions": PositionForm,
    "employment": EmploymentForm,
    "categories": CategoryForm,
    "teaching": TeachingForm,
}


def section_formset(section: str, *, data=None, rows=(), form_kwargs=None):
    """A formset of ``section`` showing ``rows`` (existing records) and one empty line."""
    form = SECTION_FORMS[section]
    factory = forms.formset_factory(form, extra=1, can_delete=True)
    initial = [
        {"row": row.pk, **{name: getattr(row, name) for name in form.fields_order}} for row in rows
    ]
    return factory(data=data, initial=initial, prefix=section, form_kwargs=form_kwargs or {})


def formset_rows(formset, existing) -> tuple[list[Row], list[forms.Form]]:
    """The service's rows from a valid formset, and the form behind each row (for errors).

    A line left empty is skipped; ``row`` is looked up only among this person's records."""
    by_pk = {row.pk: row for row in existing}
    rows, row_forms = [], []
    for form in formset.forms:
        if not form.has_changed() and not form.initial:
            continue
        data = form.cleaned_data
        instance = by_pk.get(data.get("row")) if data.get("row") else None
        if data.get("row") and instance is None:
            continue  # the record was deleted meanwhile; nothing to update
        rows.append(Row(values=form.values(), instance=instance, delete=data.get("DELETE", False)))
        row_forms.append(form)
    return rows, row_forms


class SelfDevelopmentForm(text_limits.NamedLimits):
    """The year's self-development topic (DOC-10); the year comes from the page."""

    topic = forms.CharField(
        label=_("Topic"),
        max_length=text_limits.SENTENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    plan = forms.CharField(
        label=_("Plan of work on the topic"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    expected_result = forms.CharField(
        label=_("Expected result"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CreativeReportForm(text_limits.NamedLimits):
    once = OnceField()
    date = forms.DateField(label=_("Date"), widget=DateInput())
    form = forms.CharField(
        label=_("Form of the report"),
        max_length=200,
        help_text=_("For example: an open lesson, a talk at an MA meeting, an article."),
    )
    materials = forms.CharField(
        label=_("Materials"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    link = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )


class CourseForm(text_limits.NamedLimits):
    """A course of qualification upgrading (DUTY-1, HEAD-D3)."""

    once = OnceField()
    title = forms.CharField(label=_("Course"), max_length=text_limits.SENTENCE)
    provider = forms.CharField(label=_("Provider"), max_length=300, required=False)
    hours = forms.IntegerField(label=_("Hours"), required=False, min_value=1, max_value=2000)
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)
    certificate = forms.CharField(label=_("Certificate No."), max_length=100, required=False)
    scan = uploads.form_field(label=_("Certificate scan"), accept=uploads.SCANS)


class CourseEditForm(CourseForm):
    """A recorded course corrected: saving twice changes nothing, no once-token needed."""

    once = None  # type: ignore[assignment]


class CreativeReportEditForm(CreativeReportForm):
    once = None  # type: ignore[assignment]


class CertificationForm(text_limits.NamedLimits):
    """A category awarded at certification, corrected on the qualification page (GEN-3)."""

    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *CategoryLevel.choices])
    awarded = forms.DateField(label=_("Awarded"), widget=DateInput)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DateInput)
    order = forms.CharField(
        label=_("Order"),
        max_length=100,
        required=False,
        help_text=_("Its number and date, for example № 45 of 12.03.2024."),
    )
