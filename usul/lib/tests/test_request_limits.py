"""An oversized request body is refused with 413 before anything reads or parses it."""

from __future__ import annotations

import io

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from usul.lib.request_limits import ANONYMOUS_MAX_BYTES
from usul.testing import factories as f


class UnreadableBody(io.RawIOBase):
    """A body that fails the test if anybody reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


@pytest.mark.django_db
def test_a_large_anonymous_post_to_the_login_page_is_refused_unread(client):
    from django.test import Client

    client = Client(raise_request_exception=True)
    request_body = UnreadableBody()
    response = client.generic(
        "POST",
        reverse("accounts:login"),
        data=b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": request_body},
    )
    assert response.status_code == 413
    assert "Өтө көп жөнөтүлдү" in response.content.decode()


@pytest.mark.django_db
def test_a_login_post_just_under_the_anonymous_limit_is_answered_by_the_login_page(client):
    padding = "x" * (ANONYMOUS_MAX_BYTES - 2000)
    response = client.post(
        reverse("accounts:login"), {"username": "nobody", "password": "no", "pad": padding}
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_login_post_just_over_the_anonymous_limit_is_refused(client):
    padding = "x" * ANONYMOUS_MAX_BYTES
    response = client.post(
        reverse("accounts:login"), {"username": "nobody", "password": "no", "pad": padding}
    )
    assert response.status_code == 413


@pytest.mark.django_db
@override_settings(USUL_MAX_REQUEST_BYTES=1024 * 1024)
def test_a_signed_in_user_may_send_up_to_the_configured_limit_and_no_more(client, school):
    client.force_login(f.make_user(f.make_staff(school)))
    home = reverse("home:home")
    under = client.post(home, {"pad": "x" * (512 * 1024)})
    over = client.post(home, {"pad": "x" * (1024 * 1024 + 1)})
    assert under.status_code != 413
    assert over.status_code == 413


@pytest.mark.django_db
def test_the_refusal_page_is_in_the_users_language(client):
    client.cookies["usul_language"] = "ru"
    response = client.post(reverse("accounts:login"), {"pad": "x" * ANONYMOUS_MAX_BYTES})
    assert response.status_code == 413
    assert "Слишком много" in response.content.decode()


def test_the_limit_is_read_from_the_environment_in_megabytes(monkeypatch):
    from usul.config import env

    monkeypatch.setenv("USUL_MAX_REQUEST_MB", "7")
    assert env.megabytes("USUL_MAX_REQUEST_MB", 25) == 7 * 1024 * 1024
    monkeypatch.setenv("USUL_MAX_REQUEST_MB", "lots")
    with pytest.raises(env.ConfigurationError, match="USUL_MAX_REQUEST_MB"):
        env.megabytes("USUL_MAX_REQUEST_MB", 25)


def test_the_middleware_decides_from_the_declared_length_alone():
    from django.contrib.auth.models import AnonymousUser

    from usul.lib.request_limits import RequestSizeLimitMiddleware

    request = RequestFactory().post("/login/", data=b"", content_type="text/plain")
    request.META["CONTENT_LENGTH"] = str(ANONYMOUS_MAX_BYTES + 1)
    request.META["wsgi.input"] = UnreadableBody()
    request._stream = UnreadableBody()
    request.user = AnonymousUser()
    reached = []
    response = RequestSizeLimitMiddleware(lambda r: reached.append(r))(request)
    assert response.status_code == 413
    assert reached == []


@pytest.mark.django_db
def test_the_refusal_carries_no_header_that_a_wsgi_server_forbids(client):
    from wsgiref.util import is_hop_by_hop

    response = client.post(reverse("accounts:login"), {"pad": "x" * ANONYMOUS_MAX_BYTES})
    assert response.status_code == 413
    assert not [name for name in response.headers if is_hop_by_hop(name)]
