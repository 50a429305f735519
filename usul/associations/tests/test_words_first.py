"""The MA pages explain the regulation in words first; the clause follows as a reference."""

from __future__ import annotations

import re

from django.urls import reverse

CODE_FIRST = re.compile(r'<p class="[^"]*">\s*(GEN|ORG|HEAD|DOC|FUNC|DUTY)-\d+')


def test_the_new_ma_and_head_election_pages_lead_with_words(as_user, scene):
    client = as_user("deputy")
    for url in (
        reverse("associations:create", args=["sch-17"]),
        reverse("associations:edit", args=["sch-17", "ma-stem"]),
        reverse("associations:elect_head", args=["sch-17", "ma-stem"]),
    ):
        page = client.get(url).content.decode()
        assert not CODE_FIRST.search(page), url
    page = client.get(reverse("associations:create", args=["sch-17"])).content.decode()
    assert (
        "УБ директордун орун басарынын сунушу менен директордун буйругу аркылуу түзүлөт, "
        'кайра уюштурулат же жоюлат. <small class="ref">GEN-8</small>'
    ) in page
