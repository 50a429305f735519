"""Forms of the open-lesson pages: they only read the input; the rules live in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from usul.accounts.once import OnceField
from usul.lessons.models import ObservationTemplate
from usul.lessons.selectors import label
from usul.lib import text_limits
from usul.meetings.forms import StaffByKeyField
from usul.planning.forms import PlanItemField
from usul.schools.forms import DateInput


class SubjectByKeyField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AssociationByKeyField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OpenLessonForm(text_limits.NamedLimits):
    once = OnceField()
    association = AssociationByKeyField(
        label=_("MA"), queryset=None, to_field_name="key", empty_label=None
    )
    plan_item = PlanItemField(
        help_text=_("The lesson carries out this item: giving it marks the item done.")
    )
    teacher = StaffByKeyField(
        label=_("Teacher"), queryset=None, to_field_name="key", required=False
    )
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    subject = SubjectByKeyField(
        label=_("Subject"), queryset=None, to_field_name="key", required=False
    )
    grade = forms.IntegerField(label=_("Grade (1–11)"), required=False)
    class_label = forms.CharField(label=_("Class letter"), required=False, max_length=20)
    topic = forms.CharField(
        label=_("Topic"),
        required=False,
        max_length=text_limits.SENTENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    cycle_topic = forms.CharField(label=_("Cycle topic"), required=False, max_length=300)

    def __init__(
        self, *args, associations, staff, subjects, plan_items=(), with_association=True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations
        self.fields["teacher"].queryset = staff
        self.fields["subject"].queryset = subjects
        if plan_items:
            # FUNC-1, ORG-3: the MAs' open-lesson items still waiting for their lesson.
            self.fields["plan_item"].offer(plan_items, by_association=True)
        else:
            del self.fields["plan_item"]
        if not with_association:
            # The edit form: it changes a lesson that exists, so it needs no one-time token.
            del self.fields["association"]
            del self.fields["once"]


class ObservationForm(text_limits.NamedLimits):
    """Built from the school's observation template: one row of score buttons per criterion."""

    once = OnceField()
    template_version = forms.IntegerField(widget=forms.HiddenInput())
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    strengths = forms.CharField(
        label=_("Strengths"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    summary = forms.CharField(
        label=pgettext_lazy("observation", "Summary"),
        required=False,
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    judgement = forms.ChoiceField(label=_("Overall judgement"), required=False)

    def __init__(self, *args, template: ObservationTemplate, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        self.fields["template_version"].initial = template.version or 0
        scale = [(str(n), str(n)) for n in range(template.scale_min, template.scale_max + 1)]
        self.criterion_fields = []
        for criterion in template.criteria:
            name = f"score_{criterion['key']}"
            self.fields[name] = forms.ChoiceField(
                label=label(criterion),
                choices=scale,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "score"}),
            )
            self.criterion_fields.append(name)
        self.fields["judgement"].choices = [("", "—")] + [
            (j["key"], label(j)) for j in template.judgements
        ]

    def scores(self) -> dict:
        return {
            name.removeprefix("score_"): self.cleaned_data.get(name)
            for name in self.criterion_fields
            if self.cleaned_data.get(name)
        }

    def criterion_rows(self):
        return [self[name] for name in self.criterion_fields]


def _lines(entries) -> str:
    return "\n".join(
        " | ".join(e.get(code, "") for code in ("ky", "ru", "en")).rstrip(" |") for e in entries
    )


def _entries(text: str) -> list[dict]:
    entries = []
    for line in (text or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not any(parts):
            continue
        parts += [""] * (3 - len(parts))
        entries.append({"ky": parts[0], "ru": parts[1], "en": parts[2]})
    return entries


class TemplateForm(text_limits.NamedLimits):
    """The school's observation form; a criterion or judgement per line: "ky | ru | en"."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    scale_min = forms.IntegerField(label=_("Lowest score"), min_value=0, max_value=100)
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=0, max_value=100)
    criteria = forms.CharField(
        label=_("Criteria, one per line: Kyrgyz | Russian | English"),
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
    )
    judgements = forms.CharField(
        label=_("Overall judgements, one per line: Kyrgyz | Russian | English"),
        max_length=text_limits.PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    @classmethod
    def initial_from(cls, template: ObservationTemplate) -> dict:
        return {
            "name": template.name,
            "scale_min": template.scale_min,
            "scale_max": template.scale_max,
            "criteria": _lines(template.criteria),
            "judgements": _lines(template.judgements),
        }

    def criteria_entries(self) -> list[dict]:
        return _entries(self.cleaned_data["criteria"])

    def judgement_entries(self) -> list[dict]:
        return _entries(self.cleaned_data["judgements"])
