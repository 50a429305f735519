"""Log-in, log-out and the language: Kyrgyz by default, the choice kept before and after
log-in and remembered on the user."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from usul.accounts.models import User
from usul.testing import factories as f

LOGIN = reverse("accounts:login")
LANGUAGE = reverse("accounts:language")
HOME = reverse("home:home")


def login(client, username="deputy", password="test-pass-123"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_login_page_is_kyrgyz_even_for_a_russian_browser(client, db):
    page = client.get(LOGIN, headers={"Accept-Language": "ru,en;q=0.8"}).content.decode()
    assert '<html lang="ky">' in page
    assert "Кирүү" in page  # "Log in"


def test_a_wrong_password_is_answered_in_the_chosen_language(client, deputy):
    f.make_user(deputy, username="deputy")
    client.post(LANGUAGE, {"language": "ru", "next": LOGIN})
    response = login(client, password="wrong")
    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()


def test_a_wrong_password_reads_as_one_plain_kyrgyz_sentence(client, deputy):
    f.make_user(deputy, username="deputy")
    page = login(client, password="wrong").content.decode()
    assert "Колдонуучунун аты же сырсөз туура эмес." in page
    assert "СезГичТүү" not in page  # Django's own garbled Kyrgyz text is not shown


def test_a_language_chosen_before_logging_in_is_kept_on_the_user(client, deputy):
    f.make_user(deputy, username="deputy")
    response = client.post(LANGUAGE, {"language": "ru", "next": LOGIN})
    assert response["Location"] == LOGIN
    assert '<html lang="ru">' in client.get(LOGIN).content.decode()
    response = login(client)
    assert response.status_code == 302 and response["Location"] == HOME
    assert User.objects.get(username="deputy").language == "ru"
    assert '<html lang="ru">' in client.get(HOME).content.decode()


def test_the_users_language_follows_them_to_another_device(client, deputy):
    f.make_user(deputy, username="deputy")
    login(client)
    assert '<html lang="ky">' in client.get(HOME).content.decode()
    client.post(LANGUAGE, {"language": "en", "next": HOME})
    assert User.objects.get(username="deputy").language == "en"
    assert '<html lang="en">' in client.get(HOME).content.decode()
    phone = Client()  # no cookie on this device
    login(phone)
    assert '<html lang="en">' in phone.get(HOME).content.decode()


def test_unknown_languages_and_foreign_redirects_are_ignored(client, deputy):
    f.make_user(deputy, username="deputy")
    login(client)
    response = client.post(LANGUAGE, {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert User.objects.get(username="deputy").language == ""


def test_logging_out_ends_the_session(client, deputy):
    f.make_user(deputy, username="deputy")
    login(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert client.get(HOME).status_code == 302
