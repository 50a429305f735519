"""The set-up's forms, one per step. Field names carry the step's prefix (``school_key``,
``year_start``…), the names under which the set-up's services report their errors."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib import text_limits
from usul.schools.forms import DateInput
from usul.schools.framework import framework_subjects
from usul.schools.models import Area


def _number(label, default: int, help_text) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, initial=default, required=False, min_value=0, help_text=help_text
    )


class SchoolStep(text_limits.NamedLimits):
    district_name = forms.CharField(
        label=_("Name of the district (city) methodological office"),
        max_length=300,
        required=False,
        help_text=_("For example: Ош шаардык усулдук бөлмөсү."),
    )
    district_key = forms.CharField(
        label=_("Key of the district"),
        max_length=100,
        required=False,
        help_text=_(
            "Latin letters, digits and “-”, for example osh-city. It stays in the addresses."
        ),
    )
    school_name = forms.CharField(
        label=_("Name of the school"),
        max_length=300,
        required=False,
        help_text=_("For example: №17 орто мектеби."),
    )
    school_key = forms.CharField(
        label=_("Key of the school"),
        max_length=100,
        required=False,
        help_text=_(
            "Latin letters, digits and “-”, for example sch-17. It stays in the addresses."
        ),
    )
    school_plan_deadline_days = _number(
        _("Days to approve the MAs' plans"),
        14,
        _(
            "The deputy director approves each MA's plan within this many days of the year's "
            "start (ORG-2). Usually 14."
        ),
    )
    school_young_specialist_years = _number(
        _("A young specialist, for years"),
        3,
        _("A teacher counts as a young specialist for this many years of experience. Usually 3."),
    )
    school_newly_arrived_days = _number(
        _("A newly arrived teacher, for days"),
        365,
        _("A teacher counts as newly arrived for this many days after joining. Usually 365."),
    )
    school_ktu_required = forms.BooleanField(
        label=_("The MAs set the labour-participation coefficient (KTU)"),
        initial=True,
        required=False,
        help_text=_("Ticked: every MA records its KTU commission and values each year (FUNC-5)."),
    )
    school_category_reminder_months = _number(
        _("Remind of a category expiring, months ahead"),
        6,
        _("The home page reminds of a teacher's category this many months before it ends."),
    )
    school_course_reminder_years = _number(
        _("Remind after years without a course"),
        5,
        _("The home page reminds of a teacher with no qualification course for this many years."),
    )


class YearStep(text_limits.NamedLimits):
    year_start = forms.DateField(
        label=_("First day of the school year"), required=False, widget=DateInput()
    )
    year_end = forms.DateField(
        label=_("Last day of the school year"), required=False, widget=DateInput()
    )
    year_theme = forms.CharField(
        label=_("The school's methodological theme for the year"),
        max_length=text_limits.SENTENCE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("May be added later; the compliance check reminds of it (FUNC-1, DOC-6)."),
    )


# Rows for the school's own subjects, besides the framework's.
OWN_ROWS = 3


class SubjectsStep(forms.Form):
    subjects_subjects = forms.MultipleChoiceField(
        label=_("Subjects of the National Framework Curriculum"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subjects_subjects"].choices = [(s.key, s.name) for s in framework_subjects()]
        for n in range(OWN_ROWS):
            self.fields[f"own{n}_name_ky"] = forms.CharField(
                label=_("Name in Kyrgyz"), max_length=200, required=False
            )
            self.fields[f"own{n}_name_ru"] = forms.CharField(
                label=_("Name in Russian"), max_length=200, required=False
            )
            self.fields[f"own{n}_area"] = forms.ChoiceField(
                label=_("Grouping"), choices=[("", "—"), *Area.choices], required=False
            )

    def groups(self):
        """The framework's subjects under their four groupings, each with its checkbox."""
        chosen = set(self["subjects_subjects"].value() or [])
        groups: dict[str, list] = {}
        for subject in framework_subjects():
            groups.setdefault(subject.area_label, []).append((subject, subject.key in chosen))
        return list(groups.items())

    def own_rows(self):
        return [
            (self[f"own{n}_name_ky"], self[f"own{n}_name_ru"], self[f"own{n}_area"])
            for n in range(OWN_ROWS)
        ]


class AccountStep(forms.Form):
    once = OnceField()
    account_last_name = forms.CharField(label=_("Your last name"), max_length=150, required=False)
    account_first_name = forms.CharField(label=_("Your first name"), max_length=150, required=False)
    account_username = forms.CharField(
        label=_("Your user name"),
        max_length=150,
        required=False,
        help_text=_(
            "Latin letters and digits, for example admin or a.osmonova. You log in with it."
        ),
    )
    account_password = forms.CharField(
        label=_("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters; a few words you remember are good. A common password is "
            "refused."
        ),
    )
    account_password_again = forms.CharField(
        label=_("The password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("account_password") != data.get("account_password_again"):
            self.add_error(
                "account_password_again", _("The two passwords differ; type the same one twice.")
            )
        if not (data.get("account_username") or "").strip():
            self.add_error(
                "account_username",
                _("“%(label)s” is required.") % {"label": _("Your user name")},
            )
        return data


class DistrictByKeyField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class NewSchool(SchoolStep):
    """The administrator adds a school to a running installation: in a district already
    there, or in a new one."""

    once = OnceField()
    district = DistrictByKeyField(
        label=_("District office already in Usul"),
        queryset=None,
        to_field_name="key",
        required=False,
        empty_label=_("— a new district office, named below —"),
    )
    field_order = ["once", "district"]

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
