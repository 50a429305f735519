"""Who reads a proposal or a consultation request (RIGHT-1…3): its author and the school's
leadership who answer it; the head of the author's MA reads a proposal (HEAD-D6) but not a
consultation request; other colleagues, the district and other schools read neither. The list
filter and the object check answer the same."""

from __future__ import annotations

import pytest
from django.utils import timezone

from usul.accounts.policy import PERSONAL, can, viewer_for, visible
from usul.rights.models import READ_BY_HEAD, Appeal, AppealKind


def test_the_policy_names_the_kinds_the_model_says_a_head_reads():
    rule = PERSONAL["rights.appeal"]
    assert rule.head_reads == ("kind", frozenset(READ_BY_HEAD))
    assert not rule.district_reads


READERS = {
    #  role             proposal  consultation
    "teacher": (True, True),  # the author
    "head": (True, False),  # the head of the author's MA
    "deputy": (True, True),
    "deputy_nmr": (True, True),
    "director": (True, True),
    "admin": (True, True),
    "colleague": (False, False),  # a member of the same MA
    "stranger": (False, False),  # a colleague of another MA
    "class_teacher": (False, False),
    "district": (False, False),
    "other_district": (False, False),
    "outsider": (False, False),  # a deputy of another school
    "nobody": (False, False),
}


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("kind", [AppealKind.TEACHING, AppealKind.CONSULTATION])
def test_who_reads_a_request_of_the_cast(scene, role, kind):
    appeal = scene.ours.appeal
    appeal.kind = kind
    appeal.save(update_fields=["kind"])
    reads = READERS[role][0 if kind == AppealKind.TEACHING else 1]
    viewer = viewer_for(scene.users[role], timezone.localdate())
    assert can(viewer, "view", appeal) is reads
    assert visible(viewer, Appeal.objects.all()).filter(pk=appeal.pk).exists() is reads
