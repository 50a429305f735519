"""Forms of the orders, council and instructions pages: they only read the input; the rules
live in ``usul.orders.services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.lib import text_limits
from usul.meetings.forms import StaffByKeyField
from usul.orders.models import OrderKind
from usul.schools.forms import DateInput


class AssociationByKeyField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OrderForm(text_limits.NamedLimits):
    """A director's order as BUNDLE.md has it: kind, MA, number, date, proposer, signer."""

    once = OnceField()
    kind = forms.ChoiceField(
        label=_("Kind of order"),
        choices=[("", "—"), *OrderKind.choices],
        required=False,
    )
    association = AssociationByKeyField(
        label=_("MA the order is about"),
        queryset=None,
        to_field_name="key",
        required=False,
        empty_label=_("— no MA —"),
        help_text=_(
            "An order creating, reorganising or liquidating an MA, or confirming its head, "
            "names the MA."
        ),
    )
    number = forms.CharField(label=_("Order number"), max_length=50, required=False)
    date = forms.DateField(label=_("Order date"), required=False, widget=DateInput())
    proposed_by = StaffByKeyField(
        label=_("Proposed by (a deputy director, GEN-8)"),
        queryset=None,
        to_field_name="key",
        required=False,
        empty_label=_("— not given —"),
    )
    signed_by = StaffByKeyField(
        label=_("Signed by (the director)"),
        queryset=None,
        to_field_name="key",
        required=False,
        empty_label=_("— not given —"),
    )
    text = forms.CharField(
        label=_("Text of the order"),
        max_length=text_limits.PAGES,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, staff, associations=None, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_by"].queryset = staff
        self.fields["signed_by"].queryset = staff
        if creating:
            self.fields["association"].queryset = associations
        else:
            # An order of another kind, or for another MA, is another order.
            for name in ("once", "kind", "association"):
                del self.fields[name]


class AssociationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class CouncilDecisionForm(text_limits.NamedLimits):
    once = OnceField()
    date = forms.DateField(label=_("Date of the decision"), required=False, widget=DateInput())
    text = forms.CharField(
        label=_("Text of the decision"),
        max_length=text_limits.PAGES,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    associations = AssociationsField(
        label=_("MAs whose directions of work it approves"),
        queryset=None,
        to_field_name="key",
        required=False,
    )

    def __init__(self, *args, associations, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["associations"].queryset = associations
        if not creating:
            del self.fields["once"]


class SubjectsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class InstructionForm(text_limits.NamedLimits):
    once = OnceField()
    number = forms.CharField(label=_("Instruction number"), max_length=50, required=False)
    date = forms.DateField(label=_("Date of the instruction"), required=False, widget=DateInput())
    title = forms.CharField(
        label=_("What the instruction says"),
        max_length=text_limits.PARAGRAPH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    targets_all = forms.BooleanField(
        label=_("For all subjects"),
        required=False,
        help_text=_("Or leave this empty and tick the subjects the instruction is for."),
    )
    subjects = SubjectsField(
        label=_("Subjects the instruction is for"),
        queryset=None,
        to_field_name="key",
        required=False,
    )

    def __init__(self, *args, subjects, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subjects"].queryset = subjects
        if not creating:
            del self.fields["once"]
