"""The MA forms as a deputy uses them: create, edit, supervisor, liquidation."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.associations.models import Association
from usul.associations.selectors import creating_order
from usul.orders.models import Order

D = dt.date
CREATE = reverse("associations:create", args=["sch-17"])
EDIT = reverse("associations:edit", args=["sch-17", "ma-stem"])


def test_a_deputy_creates_an_ma_with_its_order(as_user, scene):
    client = as_user("deputy")
    math = scene.school.subjects.get(key="math")
    response = client.post(
        CREATE,
        {
            "key": "ma-primary",
            "name": "Башталгыч класстар",
            "kind": "subject",
            "subjects": [math.pk],
            "order_number": "52",
            "order_date": "2025-09-02",
            "order_proposed_by": scene.deputy.pk,
            "order_signed_by": scene.director.pk,
            "supervisor": scene.deputy.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("associations:detail", args=["sch-17", "ma-primary"])
    ma = Association.objects.get(key="ma-primary")
    assert creating_order(ma).number == "52"
    page = client.get(response["Location"]).content.decode()
    assert "Башталгыч класстар" in page and "02.09.2025" in page


def test_errors_name_the_field_and_keep_what_was_typed(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        CREATE,
        {
            "name": "Жаңы бирикме",
            "kind": "subject",
            "order_date": "2025-09-02",
            "order_signed_by": scene.teacher.pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["order_signed_by"]
    assert "GEN-8" in form.errors["order_signed_by"][0]
    page = response.content.decode()
    assert 'value="Жаңы бирикме"' in page
    assert not Association.objects.filter(name="Жаңы бирикме").exists()
    assert not Order.objects.filter(date=D(2025, 9, 2)).exists()
    # A malformed date is refused by the form, before any service runs.
    response = client.post(CREATE, {"name": "X", "kind": "subject", "order_date": "2025-13-01"})
    assert list(response.context["form"].errors) == ["order_date"]


def test_a_deputy_edits_the_ma_and_assigns_a_supervisor(as_user, scene):
    client = as_user("deputy")
    page = client.get(EDIT).content.decode()
    assert 'value="Табигый-математикалык цикл"' in page
    response = client.post(
        EDIT,
        {
            "form": "main",
            "name": "Табигый цикл",
            "kind": "subject",
            "subjects": [],
            "order_number": "41",
            "order_date": "2025-08-28",
            "order_proposed_by": scene.deputy.pk,
            "order_signed_by": scene.director.pk,
        },
    )
    assert response.status_code == 302
    scene.stem.refresh_from_db()
    assert scene.stem.name == "Табигый цикл" and not scene.stem.subjects.exists()
    response = client.post(
        EDIT,
        {
            "form": "supervisor",
            "supervisor": scene.teacher.pk,
            "supervisor_from": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert "GEN-9" in response.context["supervisor_form"].errors["supervisor"][0]
