"""Forms of the MA pages. They only read input; the rules live in ``services.py``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from usul.accounts.once import OnceField
from usul.associations.models import AssociationKind
from usul.lib import text_limits
from usul.lib.dates import format_date
from usul.schools.forms import DateInput, StaffChoiceField


class OrderFields(text_limits.NamedLimits):
    """The director's order: number, date, who proposed it, who signed it (GEN-8)."""

    order_number = forms.CharField(label=_("Order number"), max_length=50, required=False)
    order_date = forms.DateField(label=_("Order date"), required=False, widget=DateInput)
    order_proposed_by = StaffChoiceField(
        label=_("Proposed by (deputy director)"), queryset=None, required=False
    )
    order_signed_by = StaffChoiceField(
        label=_("Signed by (director)"), queryset=None, required=False
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("order_proposed_by", "order_signed_by"):
            if name in self.fields:
                self.fields[name].queryset = staff


class AssociationForm(OrderFields):
    once = OnceField()
    key = forms.CharField(
        label=_("Key"),
        max_length=100,
        required=False,
        help_text=_("The MA's short code, for example ma-stem. Left empty, one is chosen."),
    )
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=AssociationKind.choices)
    subjects = forms.ModelMultipleChoiceField(
        label=_("Subjects"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supervisor = StaffChoiceField(
        label=_("Supervisor (deputy director, GEN-9)"), queryset=None, required=False
    )
    supervisor_from = forms.DateField(label=_("Supervisor from"), required=False, widget=DateInput)

    def __init__(self, *args, staff, subjects, creating: bool, **kwargs):
        super().__init__(*args, staff=staff, **kwargs)
        self.fields["subjects"].queryset = subjects
        self.fields["supervisor"].queryset = staff
        if not creating:
            # The key is the MA's identity in URLs and bundles: it never changes. The
            # supervisor changes on its own form (the previous one's term is ended).
            for name in ("once", "key", "supervisor", "supervisor_from"):
                del self.fields[name]

    def fieldsets(self):
        groups = [
            (_("Methodological association"), ("key", "name", "kind", "subjects")),
            (
                _("Creating order (GEN-8, DOC-1)"),
                ("order_number", "order_date", "order_proposed_by", "order_signed_by"),
            ),
            (_("Supervisor"), ("supervisor", "supervisor_from")),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
            if any(name in self.fields for name in names)
        ]

    def service_values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "once"}


class LiquidationForm(OrderFields):
    pass


class SupervisorForm(forms.Form):
    supervisor = StaffChoiceField(label=_("Supervisor (deputy director, GEN-9)"), queryset=None)
    supervisor_from = forms.DateField(label=_("Supervisor from"), widget=DateInput)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = staff


class MembershipAddForm(forms.Form):
    once = OnceField()
    staff = StaffChoiceField(label=_("Staff member"), queryset=None)
    start = forms.DateField(label=_("Member from"), widget=DateInput)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff


class MembershipEndForm(forms.Form):
    end = forms.DateField(
        label=_("Last day"),
        widget=DateInput,
        help_text=_("The last day the person is a member (included)."),
    )


class HeadElectionForm(text_limits.NamedLimits):
    once = OnceField()
    staff = StaffChoiceField(label=_("New head"), queryset=None)
    start = forms.DateField(label=_("Head from"), widget=DateInput)
    elected_at = forms.ModelChoiceField(
        label=_("Elected at the meeting"),
        queryset=None,
        required=False,
        help_text=_("A held meeting of this MA (ORG-1). Or give the order below, or both."),
    )
    order_number = forms.CharField(label=_("Order number"), max_length=50, required=False)
    order_date = forms.DateField(label=_("Order date"), required=False, widget=DateInput)
    order_signed_by = StaffChoiceField(
        label=_("Signed by (director)"), queryset=None, required=False
    )
    confirm = forms.BooleanField(
        label=_("I have read the warnings and record this election anyway."), required=False
    )

    def __init__(self, *args, staff, meetings, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff
        self.fields["order_signed_by"].queryset = staff
        self.fields["elected_at"].queryset = meetings
        # ORG-1: the members elect one of them; the MA's members come first, then the rest of
        # the staff (a head may come from outside the MA, and joins it).
        member_ids = {m.pk for m in members}
        if member_ids:
            people = list(staff)
            self.fields["staff"].choices = [
                ("", "---------"),
                (
                    _("Members of the MA"),
                    [(p.pk, p.full_name) for p in people if p.pk in member_ids],
                ),
                (_("Other staff"), [(p.pk, p.full_name) for p in people if p.pk not in member_ids]),
            ]
        self.fields["elected_at"].label_from_instance = lambda m: (
            _("Meeting No. %(number)s of %(date)s")
            % {"number": m.number, "date": format_date(m.date)}
        )
