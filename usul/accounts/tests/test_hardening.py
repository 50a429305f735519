"""Log-in hardened as ASVS 5.0 level 2 (V6) asks, and the production settings: Argon2 hashes,
the lock-out per user name and address, the password rules, the log of log-ins, the content
security policy, pages never cached, and ``usul check --deploy`` clean behind HTTPS."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from usul.accounts.models import User
from usul.config import settings as production
from usul.testing import factories as f

LOGIN = reverse("accounts:login")
HOME = reverse("home:home")
WRONG = "Колдонуучунун аты же сырсөз туура эмес."
LOCKED = "Бул колдонуучунун аты менен бул компьютерден өтө көп жолу"


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


# --- Argon2 -------------------------------------------------------------------------------


def test_argon2id_comes_first_and_stays_well_under_a_second():
    from usul.accounts.passwords import UsulArgon2PasswordHasher

    assert production.PASSWORD_HASHERS[0] == "usul.accounts.passwords.UsulArgon2PasswordHasher"
    hasher = UsulArgon2PasswordHasher()
    # The processor time of this process (one lane: Argon2 runs in it): a machine busy with
    # other work does not count against the hash.
    started = time.process_time()
    encoded = hasher.encode("a long school passphrase", hasher.salt())
    assert hasher.verify("a long school passphrase", encoded)
    assert time.process_time() - started < 0.5  # hash + check; a weak server has room to spare
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_an_older_hash_is_made_argon2_at_the_next_log_in(client, deputy, settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = f.make_user(deputy, username="deputy")
    user.password = make_password("test-pass-123", hasher="pbkdf2_sha256")
    user.save()
    assert attempt(client, "deputy", "test-pass-123").status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password("test-pass-123")


# --- Lock-out -----------------------------------------------------------------------------


def test_five_failures_lock_that_user_name_from_that_address_only(deputy, director):
    f.make_user(deputy, username="deputy")
    f.make_user(director, username="director")
    pupil = Client()
    for _ in range(4):
        page = attempt(pupil, "deputy", "guess")
        assert page.status_code == 200 and WRONG in page.content.decode()
    locked = attempt(pupil, "deputy", "guess")
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    # Now even the right password is refused for that user name from that address…
    right = attempt(Client(), "deputy", "test-pass-123")
    assert right.status_code == 429 and LOCKED in right.content.decode()
    # …while a colleague at the same address logs in (the school shares one address),
    assert attempt(Client(), "director", "test-pass-123").status_code == 302
    # and the deputy herself from another address.
    assert attempt(Client(), "deputy", "test-pass-123", address="10.0.0.2").status_code == 302
    assert AccessFailureLog.objects.filter(username="deputy", locked_out=True).exists()


def test_one_failure_short_of_the_limit_still_lets_the_right_password_in(deputy):
    f.make_user(deputy, username="deputy")
    for _ in range(4):
        attempt(Client(), "deputy", "guess")
    assert attempt(Client(), "deputy", "test-pass-123").status_code == 302
    # A success clears the count: four more failures do not lock.
    for _ in range(4):
        attempt(Client(), "deputy", "guess")
    assert attempt(Client(), "deputy", "test-pass-123").status_code == 302


def test_an_unknown_user_name_is_answered_as_a_wrong_password(deputy):
    f.make_user(deputy, username="deputy")

    def text(response):
        body = response.content.decode()
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
        body = re.sub(r'"X-CSRFToken": "[^"]+"', "", body)
        return re.sub(r'value="(deputy|nobody)"', 'value=""', body)

    wrong = attempt(Client(), "deputy", "guess")
    unknown = attempt(Client(), "nobody", "guess")
    assert wrong.status_code == unknown.status_code == 200
    assert text(wrong) == text(unknown)
    for _ in range(4):
        last = attempt(Client(), "nobody", "guess")
    assert last.status_code == 429 and LOCKED in last.content.decode()


# --- Password rules -----------------------------------------------------------------------


def test_password_rules_are_length_and_common_passwords_only(db, settings):
    settings.AUTH_PASSWORD_VALIDATORS = production.AUTH_PASSWORD_VALIDATORS
    with pytest.raises(ValidationError, match="8"):
        validate_password("kitapka")  # 7
    validate_password("kitapkan")  # 8 lower-case letters: no composition rule
    validate_password("бир сүйлөм бир нече сөздөн турат")  # Kyrgyz, with spaces
    validate_password("x" * 64 + "y" * 64)  # 128 allowed
    with pytest.raises(ValidationError, match="128"):
        validate_password("x" * 129)
    with pytest.raises(ValidationError):
        validate_password("password1")  # common
    with pytest.raises(ValidationError):
        validate_password("qwerty123")


# --- The log of log-ins -------------------------------------------------------------------


def test_the_administrator_reads_log_ins_failures_and_lock_outs(as_user, scene):
    attempt(Client(), "teacher", "test-pass-123")
    for _ in range(5):
        attempt(Client(), "ghost", "guess", address="10.9.9.9")
    assert AccessLog.objects.filter(username="teacher").exists()
    page = as_user("admin").get(reverse("accounts:log")).content.decode()
    assert "ghost" in page and "10.9.9.9" in page
    assert "кире алган жок" in page  # failed log-in
    assert "бөгөттөлдү" in page  # locked out
    assert "кирди" in page  # logged in
    one = as_user("admin").get(reverse("accounts:log"), {"username": "teacher"}).content
    assert b"ghost" not in one
    assert as_user("director").get(reverse("accounts:log")).status_code == 403


# --- Headers of every page ----------------------------------------------------------------


def test_pages_are_never_cached_and_carry_a_strict_content_policy(as_user, scene):
    response = as_user("deputy").get(
        reverse("people:detail", args=[scene.school.key, scene.teacher.key])
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


TEMPLATES = Path(__file__).resolve().parents[2]
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=\"|\son[a-z]+=\"", re.I)


def test_no_template_has_an_inline_script_style_or_event_attribute():
    offenders = []
    for path in TEMPLATES.glob("*/templates/**/*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{path.relative_to(TEMPLATES)}:{number}")
    assert offenders == []


# --- Production settings ------------------------------------------------------------------


def _usul(args, tmp_path, **env):
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "usul", *args],
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "USUL_HOME": str(tmp_path),
            "USUL_DATABASE_URL": "",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_behind_https(tmp_path):
    result = _usul(
        ["check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        USUL_HTTPS="1",
        USUL_ALLOWED_HOSTS="usul.school17.kg",
        DJANGO_SETTINGS_MODULE="usul.config.settings",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_needs_the_host_names_and_never_answers_any_host(tmp_path):
    result = _usul(["check"], tmp_path, USUL_HTTPS="1", USUL_ALLOWED_HOSTS="")
    assert result.returncode == 2
    assert result.stderr.startswith("usul: USUL_ALLOWED_HOSTS")
    assert "*" not in production.ALLOWED_HOSTS


def test_https_turns_on_secure_cookies_hsts_redirect_and_the_proxy_header(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = _usul(
        ["shell", "--no-imports", "-c", code],
        tmp_path,
        USUL_HTTPS="1",
        USUL_ALLOWED_HOSTS="usul.school17.kg",
        DJANGO_SETTINGS_MODULE="usul.config.settings",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]


def test_behind_the_proxy_the_lock_out_counts_the_visitors_address(settings, rf):
    from usul.accounts.passwords import client_address

    request = rf.post("/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.7")
    settings.USUL_HTTPS = True
    assert client_address(request) == "10.0.0.7"  # the hop the proxy added, not a forged one
    settings.USUL_HTTPS = False
    assert client_address(request) == "127.0.0.1"


def test_users_are_kept_with_argon2_in_production_settings(db, settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = User.objects.create_user(username="u", password="a long passphrase")
    assert user.password.startswith("argon2$argon2id$")
