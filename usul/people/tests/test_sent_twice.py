""" "Add a person" sent twice adds one staff card."""

from __future__ import annotations

import re

from django.urls import reverse

from usul.people.models import Staff

CREATE = reverse("people:create", args=["sch-17"])


def test_a_person_sent_twice_is_added_once(as_user, scene):
    client = as_user("deputy")
    page = client.get(CREATE).content.decode()
    form = {
        "once": re.search(r'name="once" value="([^"]+)"', page)[1],
        "last_name": "Жаңыбекова",
        "first_name": "Айпери",
    }
    answers = [client.post(CREATE, form) for _ in range(2)]
    added = Staff.objects.get(last_name="Жаңыбекова")
    assert {a["Location"] for a in answers} == {reverse("people:edit", args=["sch-17", added.key])}
