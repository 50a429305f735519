"""The roster's e-mail and phone travel with the school bundle (docs/bundle-extensions.md):
written only where a person has them, and brought back by an import."""

from __future__ import annotations

import copy

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_export, bundle_import
from usul.bundle.validation import validate
from usul.people.models import Staff
from usul.roster.services import roster_import
from usul.roster.tests.helpers import xlsx
from usul.testing import factories as f

ADMINISTRATOR = command_line_administrator()


def test_email_and_phone_go_out_with_the_bundle_and_come_back(school):
    f.make_staff(school, key="t-quiet", last_name="Бекова", first_name="Нуриза")
    roster = xlsx(
        ["key", "last_name", "first_name", "email", "phone"],
        [["t-asanova", "Асанова", "Айгүл", "asanova@example.kg", "+996 555 123 456"]],
    )
    roster_import(actor=ADMINISTRATOR, school=school, data=roster)
    exported = bundle_export(actor=ADMINISTRATOR, school=school)
    assert validate(exported) == []
    people = {s["key"]: s for s in exported["staff"]}
    assert (people["t-asanova"]["email"], people["t-asanova"]["phone"]) == (
        "asanova@example.kg",
        "+996 555 123 456",
    )
    assert "email" not in people["t-quiet"] and "phone" not in people["t-quiet"]

    Staff.objects.filter(key="t-asanova").update(email="", phone="")
    bundle_import(actor=ADMINISTRATOR, data=copy.deepcopy(exported))
    person = Staff.objects.get(key="t-asanova")
    assert (person.email, person.phone) == ("asanova@example.kg", "+996 555 123 456")
