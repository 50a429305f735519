"""Removing a plan item or a material asks first, on a page that works without JavaScript."""

from __future__ import annotations

from django.urls import reverse

from usul.planning.models import PlanItem, PlanItemMaterial


def urls(scene):
    r = scene.ours
    args = ["sch-17", "ma-stem", "2025-2026", r.item.uuid]
    return (
        reverse("planning:item_remove", args=args),
        reverse("planning:material_remove", args=[*args, r.material.uuid]),
        reverse("planning:item_edit", args=args),
    )


def test_removing_an_item_asks_first_and_then_removes_it(as_user, scene):
    remove, _material, edit = urls(scene)
    client = as_user("head")
    assert f'href="{remove}"' in client.get(edit).content.decode()
    page = client.get(remove)
    assert page.status_code == 200 and "Семинар" in page.content.decode()
    assert PlanItem.objects.filter(pk=scene.ours.item.pk).exists()
    # The confirmation carries the revision it was shown at: a stale one is refused.
    assert 'name="revision"' in page.content.decode()
    response = client.post(remove, {"revision": scene.ours.item.revision})
    assert response.status_code == 302
    assert not PlanItem.objects.filter(pk=scene.ours.item.pk).exists()


def test_removing_a_material_asks_first(as_user, scene):
    _remove, material, edit = urls(scene)
    client = as_user("teacher")  # responsible for the item: she records its materials
    assert f'href="{material}"' in client.get(edit).content.decode()
    page = client.get(material)
    assert page.status_code == 200 and "Семинардын презентациясы" in page.content.decode()
    assert PlanItemMaterial.objects.filter(pk=scene.ours.material.pk).exists()
    assert client.post(material).status_code == 302
    assert not PlanItemMaterial.objects.filter(pk=scene.ours.material.pk).exists()


def test_a_colleague_is_not_asked_what_she_may_not_do(as_user, scene):
    remove, material, _edit = urls(scene)
    client = as_user("class_teacher")
    assert client.get(remove).status_code == 403
    assert client.get(material).status_code == 403
