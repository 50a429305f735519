"""DOC-8: the monthly plan grid — every MA's month on one screen, and one MA's whole year."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from usul.accounts.policy import viewer_for
from usul.orders.models import OrderKind
from usul.planning.models import PlanItem, PlanItemKind, PlanStatus, WorkPlan
from usul.planning.tests.test_plan_page import login
from usul.testing import factories as f

D = dt.date


def grid_url(school, year, query=""):
    return reverse("planning:grid", args=[school.key, year.key]) + query


def ma_with_plan(school, year, name, *, items=(), status=PlanStatus.DRAFT):
    association = f.make_association(school, name=name)
    plan = WorkPlan.objects.create(association=association, year=year, status=status)
    for month, title in items:
        PlanItem.objects.create(plan=plan, month=month, kind=PlanItemKind.SEMINAR, title=title)
    return association


def test_the_deputy_sees_every_mas_month_on_one_screen_at_a_fixed_cost(
    client, school, deputy, year, django_assert_num_queries
):
    ma_with_plan(school, year, "Тилдер", items=[("2025-10", "Диктант"), ("2025-11", "Кеч")])
    ma_with_plan(school, year, "Табигый цикл", items=[("2025-10", "Олимпиада")])
    f.make_association(school, name="Башталгыч класстар")  # no plan yet
    liquidated = f.make_association(school, name="Жоюлган УБ")
    liquidated.liquidated_by = f.make_order(
        school, kind=OrderKind.MA_LIQUIDATE, date=D(2025, 8, 30), association=liquidated
    )
    liquidated.save(update_fields=["liquidated_by"])

    login(client, deputy)
    client.get(grid_url(school, year, "?month=2025-10"))
    with CaptureQueriesContext(connection) as small:
        page = client.get(grid_url(school, year, "?month=2025-10")).content.decode()
    assert "Диктант" in page and "Олимпиада" in page
    assert "Кеч" not in page  # November's item is not October's
    assert "Башталгыч класстар" in page  # listed, marked as having no plan
    assert "Жоюлган УБ" not in page  # liquidated before the year, nothing planned

    for n in range(10):
        ma_with_plan(school, year, f"УБ {n}", items=[("2025-10", f"Иш {n}.{k}") for k in range(4)])
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(grid_url(school, year, "?month=2025-10")).content.decode()
    assert "Иш 9.3" in page


def test_one_mas_grid_lists_every_month_of_the_year_in_order(client, school, teacher, ma, year):
    plan = WorkPlan.objects.create(association=ma, year=year)
    PlanItem.objects.create(plan=plan, month="2026-05", kind="meeting", title="Акыркы отурум")
    PlanItem.objects.create(plan=plan, month="2025-09", kind="meeting", title="Биринчи отурум")
    login(client, teacher)
    page = client.get(grid_url(school, year, f"?ma={ma.key}")).content.decode()
    months = [f'id="m-{m}"' for m in ("2025-09", "2025-12", "2026-05")]
    positions = [page.index(m) for m in months]
    assert positions == sorted(positions)
    assert 'id="m-2026-06"' not in page
    assert page.index("Биринчи отурум") < page.index("Акыркы отурум")


def test_the_month_selector_starts_with_august_and_ends_with_may(client, school, deputy, year):
    ma_with_plan(school, year, "Тилдер", items=[("2025-08", "Августтагы кеңешме")])
    login(client, deputy)
    page = client.get(grid_url(school, year, "?month=2025-08")).content.decode()
    options = [line for line in page.split("<option") if 'value="20' in line]
    assert [o.split('"')[1] for o in options] == year.months()
    assert "Августтагы кеңешме" in page
    assert 'class="error"' not in page
    # July is not in the year: the page says so and shows a month of the year instead.
    page = client.get(grid_url(school, year, "?month=2025-07")).content.decode()
    assert 'class="error"' in page and "Августтагы кеңешме" not in page


def test_in_august_the_grid_opens_on_august(client, school, deputy, year, monkeypatch):
    ma_with_plan(school, year, "Тилдер", items=[("2025-08", "Августтагы кеңешме")])
    login(client, deputy)
    monkeypatch.setattr(
        "usul.accounts.middleware.viewer_for", lambda user: viewer_for(user, D(2025, 8, 20))
    )
    page = client.get(grid_url(school, year)).content.decode()
    assert "Августтагы кеңешме" in page
    assert 'class="error"' not in page


def test_a_month_outside_the_year_is_explained_not_an_error(client, school, deputy, year):
    login(client, deputy)
    response = client.get(grid_url(school, year, "?month=2026-07"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "2026-07" in page and 'class="error"' in page
