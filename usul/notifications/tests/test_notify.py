"""notify(): one notification per person, stored with the change, e-mailed after the commit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from usul.notifications.models import Notification, NotificationKind
from usul.notifications.services import notify
from usul.testing import factories as f

PARAMS = {"association": "Табигый цикл", "year": "2025-2026", "comment": "Темаларды толуктаңыз"}


@pytest.fixture
def teachers(school):
    kyrgyz = f.make_staff(school, last_name="Жумабаева", first_name="Нургүл")
    russian = f.make_staff(school, last_name="Петрова", first_name="Анна")
    no_address = f.make_staff(school, last_name="Асанов", first_name="Таалай")
    no_account = f.make_staff(school, last_name="Бекова", first_name="Айзада")
    f.make_user(kyrgyz, email="nurgul@school17.kg")  # language left empty: Kyrgyz
    f.make_user(russian, email="anna@school17.kg", language="ru")
    f.make_user(no_address, email="")
    return kyrgyz, russian, no_address, no_account


def test_it_stores_one_per_person_and_mails_those_with_an_address_in_their_language(
    teachers, django_capture_on_commit_callbacks, settings
):
    settings.USUL_BASE_URL = "https://usul.school17.kg"
    kyrgyz, russian, no_address, no_account = teachers
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(
            kind=NotificationKind.PLAN_RETURNED,
            recipients=[kyrgyz, russian, no_address, no_account, kyrgyz],  # one listed twice
            url="/plans/sch-17/ma-1/2025-2026/",
            params=PARAMS,
        )
        assert mail.outbox == []  # nothing leaves before the commit

    assert len(callbacks) == 1
    stored = list(Notification.objects.all())
    assert sorted(n.recipient_id for n in stored) == sorted(
        s.pk for s in (kyrgyz, russian, no_address, no_account)
    )
    assert all(n.read_at is None and n.url == "/plans/sch-17/ma-1/2025-2026/" for n in stored)

    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["anna@school17.kg", "nurgul@school17.kg"]
    kyrgyz_mail, russian_mail = by_address["nurgul@school17.kg"], by_address["anna@school17.kg"]
    assert "кайтарылды" in kyrgyz_mail.body and "Темаларды толуктаңыз" in kyrgyz_mail.body
    assert "возвращён" in russian_mail.body and "Темаларды толуктаңыз" in russian_mail.body
    assert kyrgyz_mail.subject != russian_mail.subject
    assert "https://usul.school17.kg/plans/sch-17/ma-1/2025-2026/" in russian_mail.body


def test_its_text_is_rendered_in_the_readers_language(teachers):
    kyrgyz, *_ = teachers
    [notification] = notify(
        kind=NotificationKind.MEETING_SCHEDULED,
        recipients=[kyrgyz],
        url="/meetings/sch-17/m/m-1/",
        params={"association": "Табигый цикл", "date": "2025-10-14"},
    )
    with translation.override("ky"):
        assert str(notification) == "«Табигый цикл»: отурум 14.10.2025 күнүнө белгиленди."
    with translation.override("ru"):
        assert str(notification) == "Заседание МО «Табигый цикл» назначено на 14.10.2025."
    with translation.override("en"):
        assert str(notification) == "A meeting of Табигый цикл is scheduled for 14.10.2025."


@pytest.mark.parametrize(
    ("kind", "params", "russian"),
    [
        (
            NotificationKind.PLAN_SUBMITTED,
            PARAMS,
            "План работы МО «Табигый цикл» на 2025-2026 представлен на утверждение.",
        ),
        (
            NotificationKind.PLAN_APPROVED,
            PARAMS,
            "План работы МО «Табигый цикл» на 2025-2026 утверждён.",
        ),
        (
            NotificationKind.RESOLUTION_ASSIGNED,
            {"association": "Табигый цикл", "resolution": "Өткөрүү", "due": "2025-11-01"},
            "Вы ответственный за решение МО «Табигый цикл» со сроком 01.11.2025: Өткөрүү",
        ),
        (
            NotificationKind.RESOLUTION_OVERDUE,
            {"association": "Табигый цикл", "resolution": "Өткөрүү", "due": "2025-11-01"},
            "Срок решения МО «Табигый цикл» истёк 01.11.2025, а оно не выполнено: Өткөрүү",
        ),
        (
            NotificationKind.OBSERVATION_RECORDED,
            {"observer": "Жумабаева Н.", "date": "2025-10-21"},
            "Жумабаева Н. записал(а) анализ вашего урока от 21.10.2025.",
        ),
    ],
)
def test_every_kind_has_its_own_sentence(teachers, kind, params, russian):
    kyrgyz, *_ = teachers
    [notification] = notify(kind=kind, recipients=[kyrgyz], url="/", params=params)
    with translation.override("ru"):
        assert str(notification) == russian
    with translation.override("ky"):
        assert str(notification) != russian and "%(" not in str(notification)


def test_an_unknown_kind_is_refused_naming_the_field(teachers):
    kyrgyz, *_ = teachers
    with pytest.raises(ValidationError) as refused:
        notify(kind="plan_burnt", recipients=[kyrgyz], url="/")
    assert "kind" in refused.value.message_dict
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_nothing_is_stored_or_sent_when_the_change_rolls_back_and_all_is_after_a_commit(school):
    teacher = f.make_staff(school)
    f.make_user(teacher, email="teacher@school17.kg")

    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        notify(kind=NotificationKind.PLAN_APPROVED, recipients=[teacher], url="/", params=PARAMS)
        raise Refused  # the caller's change fails after notify() was called

    assert not Notification.objects.exists()
    assert mail.outbox == []

    with transaction.atomic():
        notify(kind=NotificationKind.PLAN_APPROVED, recipients=[teacher], url="/", params=PARAMS)
        assert mail.outbox == []
    assert Notification.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["teacher@school17.kg"]]


def test_telling_a_whole_ma_costs_one_insert(school, django_assert_num_queries):
    members = [f.make_staff(school, last_name=f"Мүчө {n}") for n in range(30)]
    # A savepoint, one INSERT for all thirty, the savepoint's release.
    with django_assert_num_queries(3):
        notify(
            kind=NotificationKind.MEETING_SCHEDULED,
            recipients=members,
            url="/",
            params={"association": "Табигый цикл", "date": "2025-10-14"},
        )
    assert Notification.objects.count() == 30
