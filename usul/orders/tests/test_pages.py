"""The orders, council and instructions pages: the leadership records, corrects and removes;
colleagues read; a form refused shows why and reloads; a form sent twice records once; an
order recorded here is the MA's creating order in its documentation register (DOC-1)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from usul.orders.models import CouncilDecision, Order, OrderKind
from usul.schools.models import DistrictInstruction
from usul.testing import factories as f

TOKEN = re.compile(r'name="once" value="([^"]+)"')


def _token(response) -> str:
    match = TOKEN.search(response.content.decode())
    assert match, "the form carries its one-time token"
    return match.group(1)


@pytest.fixture
def new_ma(scene):
    return f.make_association(scene.school, key="ma-arts", name="Искусство цикли", created_on=None)


def test_an_order_recorded_on_the_page_is_the_mas_creating_order_in_its_register(
    as_user, scene, new_ma
):
    client = as_user("deputy")
    url = reverse("orders:orders", args=["sch-17"])
    token = _token(client.get(url))
    response = client.post(
        reverse("orders:order_create", args=["sch-17"]),
        {
            "once": token,
            "kind": OrderKind.MA_CREATE,
            "association": "ma-arts",
            "number": "41",
            "date": "2025-08-28",
            "proposed_by": scene.deputy.key,
            "signed_by": scene.director.key,
            "text": "Искусство цикли түзүлсүн.",
        },
    )
    assert response.status_code == 302
    order = Order.objects.get(school=scene.school, number="41")
    new_ma.refresh_from_db()
    assert new_ma.created_by == order
    page = client.get(response["Location"]).content.decode()
    assert f'id="{order.key}"' in page and "Искусство цикли" in page
    register = client.get(
        reverse("documents:register", args=["sch-17", "ma-arts", "2025-2026"])
    ).content.decode()
    assert "№41" in register


def test_a_form_sent_twice_records_one_order(as_user, scene):
    client = as_user("director")
    token = _token(client.get(reverse("orders:orders", args=["sch-17"])))
    data = {"once": token, "kind": OrderKind.OTHER, "number": "50", "date": "2025-09-05"}
    for _ in range(2):
        assert client.post(reverse("orders:order_create", args=["sch-17"]), data).status_code == 302
    assert Order.objects.filter(school=scene.school, number="50").count() == 1


def test_an_order_form_refused_says_why_and_its_address_reloads(as_user, scene):
    client = as_user("deputy")
    address = reverse("orders:order_create", args=["sch-17"])
    response = client.post(address, {"kind": OrderKind.HEAD_CONFIRM, "date": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Order date" in page or "Буйруктун" in page
    assert client.get(address).status_code == 200


def test_a_colleague_reads_the_orders_but_is_offered_no_form(as_user, scene):
    page = as_user("teacher").get(reverse("orders:orders", args=["sch-17"])).content.decode()
    assert scene.stem.created_by.key in page
    assert 'name="once"' not in page


def test_an_order_is_corrected_on_its_page(as_user, scene):
    client = as_user("deputy")
    order = scene.stem.created_by
    url = reverse("orders:order_edit", args=["sch-17", order.key])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "number": "41-к",
            "date": order.date.isoformat(),
            "proposed_by": scene.deputy.key,
            "signed_by": scene.director.key,
            "text": "Оңдолгон текст",
        },
    )
    assert response.status_code == 302
    # The message is said in the user's language when it is said, not when Usul started.
    assert "Сакталды." in client.get(response["Location"]).content.decode()
    order.refresh_from_db()
    assert (order.number, order.text) == ("41-к", "Оңдолгон текст")
    assert order.history.latest().history_user == scene.users["deputy"]


def test_removing_an_order_asks_first_and_its_history_keeps_it(as_user, scene):
    client = as_user("director")
    order = f.make_order(scene.school, kind=OrderKind.OTHER)
    url = reverse("orders:order_remove", args=["sch-17", order.key])
    asked = client.get(url)
    assert asked.status_code == 200 and 'class="danger"' in asked.content.decode()
    assert Order.objects.filter(pk=order.pk).exists()
    assert client.post(url).status_code == 302
    assert not Order.objects.filter(pk=order.pk).exists()
    assert Order.history.filter(id=order.pk, history_type="-").exists()


def test_the_deputy_records_a_council_decision_for_the_year_shown(as_user, scene):
    client = as_user("deputy")
    url = reverse("orders:council", args=["sch-17"])
    token = _token(client.get(url, {"year": "2025-2026"}))
    response = client.post(
        reverse("orders:council_create", args=["sch-17"]),
        {
            "once": token,
            "year": "2025-2026",
            "date": "2025-08-27",
            "text": "Бирикмелердин иш багыттары бекитилсин.",
            "associations": ["ma-stem", "ma-lang"],
        },
    )
    assert response.status_code == 302
    decision = CouncilDecision.objects.get(
        school=scene.school, date="2025-08-27", associations=scene.stem
    )
    assert set(decision.associations.all()) == {scene.stem, scene.lang}


def test_a_council_decision_outside_its_year_is_refused_on_the_form(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        reverse("orders:council_create", args=["sch-17"]),
        {"year": "2025-2026", "date": "2025-06-01", "text": "Эрте"},
    )
    assert response.status_code == 400
    assert "2025-2026" in response.content.decode()


def test_the_deputy_enters_a_district_instruction_for_some_subjects(as_user, scene):
    client = as_user("deputy")
    token = _token(client.get(reverse("orders:instructions", args=["sch-17"])))
    subject = scene.stem.subjects.get()
    response = client.post(
        reverse("orders:instruction_create", args=["sch-17"]),
        {
            "once": token,
            "year": "2025-2026",
            "number": "09",
            "date": "2025-08-20",
            "title": "Математикадан олимпиадага даярдоо",
            "subjects": [subject.key],
        },
    )
    assert response.status_code == 302
    instruction = DistrictInstruction.objects.get(school=scene.school, number="09")
    assert (instruction.targets_all, list(instruction.target_subjects.all())) == (False, [subject])


def test_an_instruction_for_nobody_is_refused_on_the_form(as_user, scene):
    response = as_user("deputy").post(
        reverse("orders:instruction_create", args=["sch-17"]),
        {"year": "2025-2026", "date": "2025-08-20", "title": "Кимге?"},
    )
    assert response.status_code == 400
    assert not DistrictInstruction.objects.filter(title="Кимге?").exists()


def test_decisions_and_instructions_are_corrected_and_removed(as_user, scene):
    client = as_user("director")
    decision, instruction = scene.ours.decision, scene.ours.instruction
    response = client.post(
        reverse("orders:council_edit", args=["sch-17", decision.key]),
        {"date": "2025-08-28", "text": "Оңдолду", "associations": ["ma-stem"]},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.text, list(decision.associations.all())) == ("Оңдолду", [scene.stem])
    response = client.post(
        reverse("orders:instruction_edit", args=["sch-17", instruction.key]),
        {"date": "2025-08-16", "title": "Баары үчүн", "targets_all": "on"},
    )
    assert response.status_code == 302
    instruction.refresh_from_db()
    assert (instruction.title, instruction.targets_all) == ("Баары үчүн", True)
    for name, record in (("council_remove", decision), ("instruction_remove", instruction)):
        url = reverse(f"orders:{name}", args=["sch-17", record.key])
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 302
        assert not type(record).objects.filter(pk=record.pk).exists()
