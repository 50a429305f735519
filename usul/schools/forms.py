"""Form pieces every page of a school uses: date inputs and staff pickers (a service's errors
are put on a form by ``usul.lib.forms.add_service_errors``)."""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib.text_limits import SENTENCE, NamedLimits
from usul.schools.models import Area, School


class DateInput(forms.DateInput):
    """The phone's own date picker; the value travels as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


# -- the school's own set-up: years, subjects, settings (usul.schools.services)


class SchoolYearForm(NamedLimits):
    """A school year's dates and theme; the create form carries the one-time token and the
    offer to carry the MAs forward (the roll-over's preview follows)."""

    start = forms.DateField(label=_("First day of the school year"), widget=DateInput())
    end = forms.DateField(label=_("Last day of the school year"), widget=DateInput())
    theme = forms.CharField(
        label=_("School's methodological theme"),
        required=False,
        max_length=SENTENCE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The school's methodological theme for the year (FUNC-1, DOC-6); every MA's plan "
            "reflects it. May be left empty and written later."
        ),
    )


class SchoolYearCreateForm(SchoolYearForm):
    carry_forward = forms.BooleanField(
        label=_("Carry the MAs into the new year"),
        required=False,
        initial=True,
        help_text=_(
            "Next, Usul shows which memberships, supervisors and heads of the MAs it would "
            "carry over from the previous year, and creates them only when you confirm."
        ),
    )
    once = OnceField()


class SubjectForm(NamedLimits):
    name_ky = forms.CharField(label=_("Name in Kyrgyz"), max_length=200)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    area = forms.ChoiceField(
        label=_("Area of the framework"),
        choices=[("", "—"), *Area.choices],
        help_text=_("One of the four groupings of the National Framework Curriculum (GEN-2)."),
    )


class SubjectCreateForm(SubjectForm):
    key = forms.CharField(
        label=_("Key"),
        max_length=100,
        required=False,
        help_text=_(
            "Latin letters, digits and “-”, as in the bundle (for example math). "
            "Left empty, Usul makes one from the Kyrgyz name."
        ),
    )
    once = OnceField()


class RolloverForm(forms.Form):
    """What to carry into the new year (the preview is shown again for a changed choice), and
    the fingerprint of the preview confirmed."""

    kinds = forms.MultipleChoiceField(
        label=_("Carry"), required=False, widget=forms.CheckboxSelectMultiple
    )
    fingerprint = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput())

    def __init__(self, *args, **kwargs):
        from usul.associations.rollover import KIND_LABELS

        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = list(KIND_LABELS.items())


class FrameworkSubjectsForm(forms.Form):
    subjects = forms.MultipleChoiceField(
        label=_("Subjects of the framework"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subjects"].choices = choices
        self.fields["subjects"].error_messages["required"] = _(
            "Choose at least one subject to add."
        )


def _setting(name: str, help_text) -> forms.IntegerField:
    from usul.schools.services import SETTING_BOUNDS

    low, high = SETTING_BOUNDS[name]
    # The bounds go to the browser; beyond them the service refuses with the field's name.
    return forms.IntegerField(
        label=capfirst(School._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
        widget=forms.NumberInput(attrs={"min": low, "max": high}),
        help_text=help_text,
    )


class SchoolSettingsForm(NamedLimits):
    """The school's name and its settings, each with what it decides and its default."""

    name = forms.CharField(label=_("Name of the school"), max_length=300)
    plan_deadline_days = _setting(
        "plan_deadline_days",
        _(
            "Each MA's work plan must be approved by a deputy director within this many days "
            "of the first day of the school year (ORG-2). Default: 14."
        ),
    )
    young_specialist_years = _setting(
        "young_specialist_years",
        _(
            "A teacher with less than this many years of work in education is a young "
            "specialist and is given a mentor (SVC-D5). Default: 3."
        ),
    )
    newly_arrived_days = _setting(
        "newly_arrived_days",
        _(
            "A teacher who started at this school fewer than this many days ago is newly "
            "arrived and is given a mentor (SVC-D6). Default: 365."
        ),
    )
    ktu_required = forms.BooleanField(
        label=capfirst(School._meta.get_field("ktu_required").verbose_name),  # type: ignore[union-attr]
        required=False,
        help_text=_(
            "Each MA sets its members' labour-participation coefficient (KTU) every year "
            "(FUNC-5), and the compliance check asks for it. On by default."
        ),
    )
    category_reminder_months = _setting(
        "category_reminder_months",
        _(
            "The home page reminds the teacher, the head of their MA and the deputies this "
            "many months before a teacher's category expires (HEAD-D3). Default: 6."
        ),
    )
    course_reminder_years = _setting(
        "course_reminder_years",
        _(
            "The home page reminds them when a teacher has had no qualification upgrading "
            "course for this many years (SVC-D2). Default: 5."
        ),
    )
