"""The demo bundle as the generator makes it, before any database: valid, rich, reproducible,
dated around ``today`` and scalable."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from usul.bundle.validation import validate
from usul.demo.generator import build, generate
from usul.lib.dates import covers

D = dt.date
TODAY = D(2026, 11, 26)
CURRENT, PREVIOUS = "2026-2027", "2025-2026"
RUSSIAN_FIRST_NAMES = {
    "Ольга", "Светлана", "Наталья", "Елена", "Ирина", "Татьяна", "Людмила", "Галина", "Марина",
    "Анна", "Оксана", "Вера", "Сергей", "Александр", "Владимир", "Андрей", "Виктор", "Игорь",
    "Николай",
}  # fmt: skip


def day(text: str | None) -> dt.date | None:
    return D.fromisoformat(text) if text else None


def roles_at(staff: dict, on: dt.date) -> set[str]:
    return {p["role"] for p in staff["positions"] if covers(day(p["from"]), day(p["to"]), on)}


def members_at(association: dict, on: dt.date) -> set[str]:
    return {m["staff"] for m in association["members"] if covers(day(m["from"]), day(m["to"]), on)}


def test_the_bundle_is_valid_against_the_schema_and_the_validator():
    # As a file would carry it: JSON text (validate() checks the schema, keys and references).
    bundle = json.loads(json.dumps(generate(today=TODAY), ensure_ascii=False))

    assert validate(bundle) == []


def test_it_is_a_kyrgyz_school_with_forty_staff_every_grouping_and_class_teachers():
    bundle = generate(today=TODAY)
    staff = {s["key"]: s for s in bundle["staff"]}

    assert len(staff) == 44
    names = " ".join(
        f"{s['last_name']} {s['first_name']} {s['patronymic']}" for s in staff.values()
    )
    assert {"ң", "ө", "ү"} <= set(names)
    # Teachers of the Russian-language classes: Russian names, Russian taught, "Б" classes.
    assert {s["first_name"] for s in staff.values()} & RUSSIAN_FIRST_NAMES
    taught = {t["subject"] for s in staff.values() for t in s["teaching"]}
    assert {"kyrgyz-lang", "russian-lang"} <= taught
    titles = [i["title"] for a in bundle["associations"] for p in a["plans"] for i in p["items"]]
    assert any("А-класс" in t for t in titles) and any("Б-класс" in t for t in titles)

    roles = Counter(r for s in staff.values() for r in roles_at(s, TODAY))
    assert roles["director"] == roles["deputy_academic"] == roles["deputy_methodical"] == 1
    assert roles["educator"] >= 1 and roles["class_teacher"] >= 5 and roles["teacher"] >= 30
    for person in staff.values():  # the data bank of DOC-9 is filled in
        assert person["birth_date"] and person["education"]["level"]
        assert person["education"]["specialty"] and person["employment"]

    # GEN-2: the four groupings; GEN-5: the class teachers' MA.
    areas = {s["key"]: s["area"] for s in bundle["subjects"]}
    associations = bundle["associations"]
    assert len(associations) == 6
    covered = {areas[k] for a in associations for k in a["subjects"]}
    assert covered == {"languages", "stem", "arts_social", "primary"}
    assert [a["kind"] for a in associations].count("class_teachers") == 1


def test_every_ma_is_founded_led_and_supervised_as_the_regulation_says():
    bundle = generate(today=TODAY)
    staff = {s["key"]: s for s in bundle["staff"]}
    orders = {o["key"]: o for o in bundle["orders"]}
    decisions = [d for d in bundle["council_decisions"] if d["year"] == CURRENT]

    for association in bundle["associations"]:
        # GEN-8: created by the director's order on a deputy's proposal.
        order = orders[association["created_by"]]
        assert order["kind"] == "ma_create" and order["association"] == association["key"]
        signed = day(order["date"])
        assert "director" in roles_at(staff[order["signed_by"]], signed)
        assert roles_at(staff[order["proposed_by"]], signed) & {
            "deputy_academic", "deputy_methodical"
        }  # fmt: skip
        # GEN-2: at least three members; GEN-9: supervised by a deputy.
        assert len(members_at(association, TODAY)) >= 3
        [supervisor] = association["supervisors"]
        assert roles_at(staff[supervisor["staff"]], TODAY) & {
            "deputy_academic", "deputy_methodical"
        }  # fmt: skip
        # ORG-1: the head, a member, was elected at a held meeting and confirmed by order.
        head = association["heads"][-1]
        assert head["to"] is None and head["staff"] in members_at(association, TODAY)
        meeting = next(m for m in association["meetings"] if m["key"] == head["elected_at"])
        assert meeting["status"] == "held" and orders[head["order"]]["kind"] == "head_confirm"
        # GEN-4, GEN-6: the methodological council lists it this year.
        assert any(association["key"] in d["associations"] for d in decisions)


def test_the_previous_year_is_complete():
    bundle = generate(today=TODAY)

    for association in bundle["associations"]:
        [plan] = [p for p in association["plans"] if p["year"] == PREVIOUS]
        assert plan["status"] == "approved" and plan["approved_at"] <= "2025-09-15"
        meetings = [m for m in association["meetings"] if m["year"] == PREVIOUS]
        held = [m for m in meetings if m["status"] == "held"]
        assert len(held) >= 4  # ORG-4
        assert all(m["resolutions"] and m["attendance"] for m in held)
        assert all(r["status"] != "open" for m in held for r in m["resolutions"])
        lessons = [ol for ol in association["open_lessons"] if ol["year"] == PREVIOUS]
        assert lessons and all(ol["status"] == "held" and ol["observations"] for ol in lessons)
        [analysis] = association["analyses"]  # ORG-5, presented at the last meeting
        assert analysis["year"] == PREVIOUS and analysis["proposals"]
        assert analysis["presented_at"] == held[-1]["key"]
        [ktu] = [k for k in association["ktu"] if k["year"] == PREVIOUS]  # FUNC-5
        valued = {v["staff"] for v in ktu["values"]}
        assert valued == members_at(association, D(2026, 5, 31))
        registered = {d["type"] for d in association["documents"] if d["year"] == PREVIOUS}
        assert registered == {f"DOC-{n}" for n in range(1, 13)}


def test_the_current_year_is_in_progress_at_today():
    bundle = generate(today=TODAY)
    associations = bundle["associations"]
    meetings = [m for a in associations for m in a["meetings"] if m["year"] == CURRENT]
    lessons = [ol for a in associations for ol in a["open_lessons"] if ol["year"] == CURRENT]
    items = [
        i for a in associations for p in a["plans"] if p["year"] == CURRENT for i in p["items"]
    ]

    # What lies before today has happened; what lies on or after it is still ahead.
    for record, done, ahead in (
        *((m, "held", "scheduled") for m in meetings),
        *((ol, "held", "scheduled") for ol in lessons),
        *((i, "done", "planned") for i in items),
    ):
        assert record["status"] == (done if day(record["date"]) < TODAY else ahead)
    assert {m["status"] for m in meetings} == {"held", "scheduled"}
    assert {ol["status"] for ol in lessons} == {"held", "scheduled"}

    resolutions = [r for m in meetings for r in m["resolutions"]]
    overdue = [r for r in resolutions if r["status"] == "open" and day(r["due"]) < TODAY]
    running = [r for r in resolutions if r["status"] == "open" and day(r["due"]) >= TODAY]
    assert overdue and running
    assert any(r["status"] == "done" for r in resolutions)


def test_a_meeting_is_held_from_the_day_after_its_date():
    def meeting(today: dt.date) -> dict:
        [stem] = [a for a in generate(today=today)["associations"] if a["key"] == "ma-stem"]
        return next(m for m in stem["meetings"] if m["key"] == "m-stem-2026-2")

    on_the_day = day(meeting(TODAY)["date"])

    assert meeting(on_the_day)["status"] == "scheduled"
    assert meeting(on_the_day)["resolutions"] == meeting(on_the_day)["attendance"] == []
    after = meeting(on_the_day + dt.timedelta(days=1))
    assert after["status"] == "held" and after["resolutions"] and after["attendance"]
    assert after["date"] == on_the_day.isoformat()


def test_the_same_seed_gives_the_same_school_and_another_seed_another():
    first = generate(seed=2025, today=TODAY)

    assert generate(seed=2025, today=TODAY) == first
    other = generate(seed=7, today=TODAY)
    assert other != first
    assert [s["last_name"] for s in other["staff"]] != [s["last_name"] for s in first["staff"]]


@pytest.mark.parametrize(
    ("today", "previous", "current"),
    [
        (D(2030, 10, 1), "2029-2030", "2030-2031"),
        (D(2031, 5, 31), "2029-2030", "2030-2031"),
        # Summer: the year being prepared is the current one, last year is complete.
        (D(2031, 6, 1), "2030-2031", "2031-2032"),
    ],
)
def test_everything_is_dated_around_today(today, previous, current):
    bundle = generate(today=today)

    assert [y["key"] for y in bundle["years"]] == [previous, current]
    # Nothing held, done or decided lies on or after today.
    dated = [*bundle["orders"], *bundle["council_decisions"], *bundle["district_instructions"]]
    for association in bundle["associations"]:
        dated += [m for m in association["meetings"] if m["status"] == "held"]
        dated += [ol for ol in association["open_lessons"] if ol["status"] == "held"]
        dated += [d for d in association["documents"]]
        dated += [a for a in association["analyses"]]
    assert dated and all(day(record["date"]) < today for record in dated)
    assert all(a["analyses"][0]["year"] == previous for a in bundle["associations"])


def test_it_scales_to_the_benchmark_school_and_keeps_three_members_per_ma_at_the_smallest():
    assert validate(generate(today=TODAY, staff_count=60, associations=8)) == []
    for staff_count, associations in ((60, 8), (32, 9), (32, 5)):
        bundle = generate(today=TODAY, staff_count=staff_count, associations=associations)

        assert len(bundle["staff"]) == staff_count
        assert len(bundle["associations"]) == associations
        assert all(len(members_at(a, TODAY)) >= 3 for a in bundle["associations"])


@pytest.mark.parametrize(
    ("staff_count", "associations", "message"),
    [
        (31, 6, "staff_count must be at least 32"),
        (44, 4, "associations must be between 5 and 9"),
        (44, 10, "associations must be between 5 and 9"),
    ],
)
def test_it_refuses_a_school_too_small_for_its_mas(staff_count, associations, message):
    with pytest.raises(ValueError, match=message):
        build(today=TODAY, staff_count=staff_count, associations=associations)


def test_the_deliberate_gaps_are_in_the_bundle():
    demo = build(today=TODAY)
    associations = {a["key"]: a for a in demo.bundle["associations"]}
    staff = {s["key"]: s for s in demo.bundle["staff"]}
    gaps = {rule: key for rule, _type, key in demo.gaps}

    plan = next(p for p in associations[gaps["PLAN-APPROVED"]]["plans"] if p["year"] == CURRENT)
    assert plan["status"] == "submitted"
    head = staff[associations[gaps["HEAD-CATEGORY"]]["heads"][-1]["staff"]]
    assert max(day(c["valid_until"]) for c in head["categories"]) < TODAY
    registered = {
        d["type"] for d in associations[gaps["DOCS"]]["documents"] if d["year"] == CURRENT
    }
    assert "DOC-11" not in registered
    assert not [t for t in staff[gaps["STAFF-SELFDEV"]]["self_development"] if t["year"] == CURRENT]
    newcomer = gaps["SCHOOL-UNASSIGNED"]
    assert [t for t in staff[newcomer]["teaching"] if t["year"] == CURRENT]
    assert all(newcomer not in members_at(a, TODAY) for a in associations.values())
