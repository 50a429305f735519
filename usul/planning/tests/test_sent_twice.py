"""A plan item or a material sent twice is added once; an over-long text is refused by name."""

from __future__ import annotations

import re

from django.urls import reverse

from usul.planning import services as s
from usul.planning.models import PlanItem, PlanItemMaterial
from usul.planning.tests.conftest import act


def login(client, staff):
    act(staff)
    client.force_login(staff.user)


def token(page: str, form_id: str = "") -> str:
    start = page.index(form_id) if form_id else 0
    return re.search(r'name="once" value="([^"]+)"', page[start:])[1]


def test_an_item_sent_three_times_is_added_once(client, head, ma, year):
    s.plan_create(actor=act(head), association=ma, year=year)
    login(client, head)
    add = reverse("planning:item_add", args=["sch-17", "ma-stem", year.key])
    form = {
        "once": token(client.get(add).content.decode()),
        "month": "2025-10",
        "kind": "seminar",
        "title": "Семинар",
    }
    answers = [client.post(add, form) for _ in range(3)]
    assert PlanItem.objects.count() == 1
    plan = reverse("planning:plan", args=["sch-17", "ma-stem", year.key])
    assert {a["Location"] for a in answers} == {plan}


def test_an_item_title_over_the_limit_is_refused_by_name(client, head, ma, year):
    s.plan_create(actor=act(head), association=ma, year=year)
    login(client, head)
    add = reverse("planning:item_add", args=["sch-17", "ma-stem", year.key])
    form = {"month": "2025-10", "kind": "seminar", "title": "ы" * 1001}
    page = client.post(add, form).content.decode()
    assert "Эмне пландалган: эң көп 1 000 белги болот, бул текстте 1001." in page
    assert not PlanItem.objects.exists()
    assert client.post(add, {**form, "title": "ы" * 1000}).status_code == 302


def test_a_material_sent_twice_is_attached_once(client, head, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year)
    item = s.plan_item_add(
        actor=act(head), plan=plan, kind="seminar", title="Семинар", month="2025-10"
    )
    login(client, head)
    url = reverse("planning:item_edit", args=["sch-17", "ma-stem", year.key, item.uuid])
    page = client.get(url).content.decode()
    form = {
        "form": "material",
        "once": token(page, 'value="material"'),
        "title": "Таркатма материал",
    }
    answers = [client.post(url, form) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert PlanItemMaterial.objects.filter(item=item).count() == 1
