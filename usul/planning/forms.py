"""Forms of the planning pages: they only read input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib import text_limits, uploads
from usul.lib.dates import format_date
from usul.planning.models import PlanItem, PlanItemKind, PlanItemStatus
from usul.planning.selectors import month_start
from usul.schools.forms import DateInput


def month_label(month: str) -> str:
    """ "2025-10" → "October 2025" in the active language."""
    return date_format(month_start(month), "F Y")


class PlanItemField(forms.ModelChoiceField):
    """A meeting or open lesson's item of the work plan (FUNC-1), chosen by its UUID — pages
    carry no database ids. ``offer`` sets the items to choose from; with ``by_association``
    they are grouped under their MA's name (a head of two MAs, the leadership)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("From the work plan"))
        kwargs.setdefault("empty_label", _("— not from the plan —"))
        super().__init__(
            queryset=PlanItem.objects.none(), to_field_name="uuid", required=False, **kwargs
        )

    def offer(self, items, *, by_association: bool = False) -> None:
        self.queryset = PlanItem.objects.filter(pk__in=[item.pk for item in items])
        groups: dict[str, list] = {}
        for item in items:
            name = item.plan.association.name if by_association else ""
            groups.setdefault(name, []).append((str(item.uuid), self.label_from_instance(item)))
        choices = [("", self.empty_label)]
        if by_association:
            choices += list(groups.items())
        else:
            choices += groups.get("", [])
        self.choices = choices

    def label_from_instance(self, item) -> str:
        when = format_date(item.date) if item.date else month_label(item.month)
        return f"{when} · {item.title}"


class Revisioned(text_limits.NamedLimits):
    # The revision the editor saw; the service refuses a save based on an older one.
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanForm(Revisioned):
    theme = forms.CharField(
        label=_("Methodological theme of the MA"),
        required=False,
        max_length=text_limits.SENTENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    goal = forms.CharField(
        label=_("Goal"),
        required=False,
        max_length=text_limits.SENTENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    directions = forms.CharField(
        label=_("Main directions (one per line)"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    tasks = forms.CharField(
        label=_("Tasks for the year (one per line)"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reflects_school_theme = forms.BooleanField(
        label=_("The plan reflects the school's methodological theme"), required=False
    )
    reflects_instructions = forms.ModelMultipleChoiceField(
        label=_("District instructions the plan reflects"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, instructions, **kwargs):
        super().__init__(*args, **kwargs)
        from usul.schools.models import DistrictInstruction

        # FUNC-1: only the instructions in force for this MA are offered.
        field = self.fields["reflects_instructions"]
        field.queryset = DistrictInstruction.objects.filter(pk__in=[i.pk for i in instructions])
        field.label_from_instance = lambda i: f"№{i.number} {i.title}".strip()


class ItemForm(Revisioned):
    month = forms.ChoiceField(label=_("Month"), required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=PlanItemKind.choices)
    title = forms.CharField(
        label=_("What is planned"),
        max_length=text_limits.SENTENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    responsible = forms.ModelChoiceField(label=_("Responsible"), queryset=None, required=False)
    expected_result = forms.CharField(
        label=_("Expected result"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    audience = forms.CharField(
        label=_("Pupils (classes), for extracurricular work"), required=False, max_length=300
    )

    def __init__(self, *args, months, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [("", _("— by the date —"))] + [
            (m, month_label(m)) for m in months
        ]
        self.fields["responsible"].queryset = staff
        self.fields["responsible"].label_from_instance = lambda s: s.short_name


class NewItemForm(ItemForm):
    """The item form of "add an item": sent twice, it adds the item once."""

    once = OnceField()


class ResultForm(Revisioned):
    status = forms.ChoiceField(
        label=_("Status"), choices=PlanItemStatus.choices, widget=forms.RadioSelect
    )
    result_note = forms.CharField(
        label=_("Result (a short note)"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.CharField(
        label=_("Pupils (classes), for extracurricular work"), required=False, max_length=300
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = staff
        self.fields["participants"].label_from_instance = lambda s: s.short_name


class MaterialForm(text_limits.NamedLimits):
    once = OnceField()
    title = forms.CharField(label=_("Material"), max_length=300)
    file = uploads.form_field(label=_("File"))
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")


class ReturnForm(Revisioned):
    comment = forms.CharField(
        label=_("What to change (comment for the head)"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
