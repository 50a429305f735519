"""Log-ins for people: created with a proposed user name and a one-time password, the person's
own password chosen at the first log-in, resets by the leadership, leavers switched off."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator, viewer_for
from usul.accounts.services import (
    user_create,
    user_deactivate,
    user_reset_password,
    users_create_for_staff,
    users_deactivate_leavers,
)
from usul.accounts.usernames import latin, proposed_username
from usul.people.models import Position, Role
from usul.testing import factories as f

LOGIN = reverse("accounts:login")
ACCOUNT = reverse("accounts:account")
HOME = reverse("home:home")


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def change(client, old, new, again=None):
    return client.post(
        ACCOUNT, {"old_password": old, "new_password1": new, "new_password2": again or new}
    )


def leader(staff, today=dt.date(2025, 10, 1)):
    user = User.objects.filter(staff=staff).first() or f.make_user(staff)
    return viewer_for(user, today)


# --- User names ---------------------------------------------------------------------------


def test_kyrgyz_and_russian_names_are_written_in_latin_letters():
    assert latin("Өмүрбеков Ыңкар") == "omurbekov yngkar"
    assert proposed_username("Гүлнара", "Осмонова") == "gulnara.osmonova"
    assert proposed_username("Жаңыл", "Үсөнова") == "jangyl.usonova"
    assert proposed_username("Щукин", "Хасанов-Эркинбаев") == "shchukin.khasanoverkinbaev"
    assert proposed_username("Ёлка", "Юнусова") == "yolka.yunusova"
    assert proposed_username("Айжан", "") == "ayjan"
    assert proposed_username("", "") == "user"


def test_a_taken_user_name_gets_a_number(school, deputy):
    actor = leader(deputy)
    first = f.make_staff(school, last_name="Осмонова", first_name="Гүлнара")
    second = f.make_staff(school, last_name="Осмонова", first_name="Гүлнара")
    made = users_create_for_staff(actor=actor, school=school, staff=[first, second])
    assert [m.user.username for m in made] == ["gulnara.osmonova", "gulnara.osmonova2"]


def test_a_user_name_given_by_hand_that_is_taken_is_refused_and_nothing_is_made(school, deputy):
    actor = leader(deputy)
    f.make_user(username="Bekova")
    person = f.make_staff(school)
    with pytest.raises(ValidationError, match="bekova"):
        user_create(actor=actor, staff=person, username="bekova")  # letter case ignored
    assert not User.objects.filter(staff=person).exists()
    with pytest.raises(ValidationError, match="латын"):
        user_create(actor=actor, staff=person, username="бекова")


# --- Creating log-ins ---------------------------------------------------------------------


def test_everyone_without_a_log_in_gets_one_except_leavers(school, deputy, director):
    actor = leader(deputy)
    f.make_user(director)  # has one already
    teacher = f.make_staff(school, last_name="Бекова", first_name="Айжан")
    left = f.make_staff(school, last_name="Кетти", first_name="Нурлан")
    Position.objects.filter(staff=left).update(end=dt.date(2025, 6, 30))
    made = users_create_for_staff(actor=actor, school=school)
    assert [m.staff for m in made] == [teacher]
    login = made[0]
    assert login.user.username == "ayjan.bekova"
    assert login.user.has_one_time_password
    assert login.user.check_password(login.password)
    assert len(login.password.replace("-", "")) == 10


def test_a_teacher_and_another_schools_deputy_create_no_log_in(school, outsider_school):
    teacher = f.make_staff(school)
    other = f.make_staff(outsider_school, roles=(Role.DEPUTY_ACADEMIC,))
    with pytest.raises(PermissionDenied):
        user_create(actor=leader(f.make_staff(school)), staff=teacher)
    with pytest.raises(PermissionDenied):
        users_create_for_staff(actor=leader(other), school=school)
    assert not User.objects.filter(staff=teacher).exists()


def test_a_second_log_in_for_one_person_is_refused(school, deputy):
    person = f.make_staff(school, last_name="Бекова")
    user_create(actor=leader(deputy), staff=person)
    with pytest.raises(ValidationError, match="Бекова"):
        user_create(actor=leader(deputy), staff=person)


def test_the_administrator_account_of_set_up_keeps_its_chosen_password(db):
    made = user_create(
        actor=command_line_administrator(),
        username="admin",
        password="a long admin passphrase",
        is_administrator=True,
    )
    assert made.password == "a long admin passphrase"
    assert not made.user.has_one_time_password
    assert made.user.is_administrator


# --- The first log-in ---------------------------------------------------------------------


def test_the_first_log_in_forces_a_new_password_before_any_page(school, deputy):
    person = f.make_staff(school, last_name="Бекова", first_name="Айжан")
    login = user_create(actor=leader(deputy), staff=person)
    client = Client()
    assert log_in(client, login.user.username, login.password)["Location"] == HOME
    assert client.get(HOME)["Location"] == ACCOUNT
    school_page = client.get(reverse("schools:overview", args=[school.key]))
    assert school_page["Location"] == ACCOUNT
    page = client.get(ACCOUNT).content.decode()
    assert "бир жолку сырсөз менен кирдиңиз" in page
    # A weak password and a mismatch are refused, saying why; nothing changes.
    weak = change(client, login.password, "qwerty123")
    assert weak.status_code == 400 and "эң көп колдонулгандардын бири" in weak.content.decode()
    short = change(client, login.password, "kitapka")
    assert short.status_code == 400 and "өтө кыска: кеминде 8 белги" in short.content.decode()
    mismatch = change(client, login.password, "эки сөздүү сырсөз", "башка сырсөз")
    assert mismatch.status_code == 400 and "айырмаланат" in mismatch.content.decode()
    kept = change(client, login.password, login.password)
    assert kept.status_code == 400
    assert client.get(HOME)["Location"] == ACCOUNT
    # Her own password: the home page opens, the one-time password works no more.
    assert change(client, login.password, "менин жаңы сырсөзүм")["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert log_in(Client(), login.user.username, login.password).status_code == 200
    assert log_in(Client(), login.user.username, "менин жаңы сырсөзүм").status_code == 302


def test_an_expired_one_time_password_is_refused_with_a_clear_message(school, deputy):
    login = user_create(actor=leader(deputy), staff=f.make_staff(school))
    User.objects.filter(pk=login.user.pk).update(
        one_time_password_until=timezone.now() - dt.timedelta(minutes=1)
    )
    page = log_in(Client(), login.user.username, login.password)
    assert page.status_code == 200
    assert "бир жолку сырсөздүн мөөнөтү бүттү" in page.content.decode()
    User.objects.filter(pk=login.user.pk).update(
        one_time_password_until=timezone.now() + dt.timedelta(minutes=1)
    )
    assert log_in(Client(), login.user.username, login.password).status_code == 302


def test_a_wrong_current_password_changes_nothing(as_user, scene):
    client = as_user("teacher")
    response = change(client, "not mine", "a new long passphrase")
    assert response.status_code == 400
    assert "Азыркы сырсөз туура эмес" in response.content.decode()
    assert (
        scene.users["teacher"]
        .__class__.objects.get(pk=scene.users["teacher"].pk)
        .check_password("test-pass-123")
    )


# --- Resets -------------------------------------------------------------------------------


def test_a_deputy_resets_a_colleagues_password_to_a_one_time_one(school, deputy):
    teacher = f.make_staff(school)
    user = f.make_user(teacher, username="bekova")
    change(_logged_in("bekova"), "test-pass-123", "my own secret phrase")
    reset = user_reset_password(actor=leader(deputy), user=user)
    user.refresh_from_db()
    assert user.has_one_time_password and user.check_password(reset.password)
    assert not user.check_password("my own secret phrase")
    client = Client()
    assert log_in(client, "bekova", reset.password).status_code == 302
    assert client.get(HOME)["Location"] == ACCOUNT


def _logged_in(username, password="test-pass-123"):
    client = Client()
    log_in(client, username, password)
    return client


def test_no_reset_of_another_schools_user_nor_of_an_administrator(school, deputy, outsider_school):
    stranger = f.make_user(f.make_staff(outsider_school), username="stranger")
    admin = f.make_user(f.make_staff(school), username="root", is_administrator=True)
    for user in (stranger, admin):
        with pytest.raises(PermissionDenied):
            user_reset_password(actor=leader(deputy), user=user)
    assert stranger.__class__.objects.get(pk=stranger.pk).check_password("test-pass-123")


# --- Leavers ------------------------------------------------------------------------------


def test_a_leaver_is_switched_off_the_day_after_the_last_position_ends(school, deputy):
    teacher = f.make_staff(school)
    user = f.make_user(teacher, username="leaver")
    Position.objects.filter(staff=teacher).update(end=dt.date(2025, 10, 31))
    on_last_day = command_line_administrator(dt.date(2025, 10, 31))
    assert users_deactivate_leavers(actor=on_last_day) == []
    next_day = command_line_administrator(dt.date(2025, 11, 1))
    assert users_deactivate_leavers(actor=next_day) == [user]
    user.refresh_from_db()
    assert not user.is_active and user.deactivated_on == dt.date(2025, 11, 1)


def test_a_leaver_cannot_log_in_even_before_the_daily_command(school):
    teacher = f.make_staff(school)
    f.make_user(teacher, username="leaver")
    Position.objects.filter(staff=teacher).update(end=timezone.localdate() - dt.timedelta(1))
    page = log_in(Client(), "leaver", "test-pass-123")
    assert page.status_code == 200
    assert "Бул кирүү өчүрүлгөн" in page.content.decode()
    assert not User.objects.get(username="leaver").is_active
    # Switched off: the same answer as a wrong password from now on.
    again = log_in(Client(), "leaver", "test-pass-123").content.decode()
    assert "Колдонуучунун аты же сырсөз туура эмес." in again


def test_a_log_in_switched_off_by_hand_cannot_log_in(school, deputy):
    user = f.make_user(f.make_staff(school), username="bekova")
    user_deactivate(actor=leader(deputy), user=user)
    assert log_in(Client(), "bekova", "test-pass-123").status_code == 200
    with pytest.raises(ValidationError):
        user_reset_password(actor=leader(deputy), user=User.objects.get(pk=user.pk))
