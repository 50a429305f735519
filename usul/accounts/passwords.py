"""How passwords are kept and judged (ASVS 5.0 V6.2, V11.4), and whose address a log-in is from.

The hash is Argon2id with the parameters OWASP names as its first choice (19 MiB, two passes,
one lane): about 30 ms on the machines Usul is tested on, so that a log-in stays well under a
second on a school's old computer that serves Usul, while a stolen hash still costs an attacker
19 MiB of memory per guess. A hash made with other parameters (or with PBKDF2, Usul's earlier
hasher) is re-made with these at the user's next log-in: Django asks ``must_update``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.password_validation import (
    CommonPasswordValidator as DjangoCommonPasswordValidator,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UsulArgon2PasswordHasher(Argon2PasswordHasher):
    # Kept under Django's algorithm name: a hash made here is an ordinary "argon2" hash.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


class MinimumLengthValidator:
    """ASVS V6.2.1: at least ``min_length`` characters (Django's own Kyrgyz text for this is
    hard to read; ours says it plainly, in each of Usul's languages)."""

    def __init__(self, min_length: int = 8):
        self.min_length = min_length

    def validate(self, password: str, user=None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                ngettext(
                    "This password is too short: at least %(min)d character.",
                    "This password is too short: at least %(min)d characters.",
                    self.min_length,
                )
                % {"min": self.min_length},
                code="password_too_short",
            )

    def get_help_text(self) -> str:
        return _("At least %(min)d characters.") % {"min": self.min_length}


class CommonPasswordValidator(DjangoCommonPasswordValidator):
    """ASVS V6.2.4: Django's list of 20,000 common passwords, said in Usul's words."""

    def validate(self, password: str, user=None) -> None:
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                _(
                    "This password is one of the most common ones and is guessed first. "
                    "Choose another — a phrase of a few words is easy to remember."
                ),
                code="password_too_common",
            ) from None

    def get_help_text(self) -> str:
        return _("A common password is refused.")


class MaximumLengthValidator:
    """ASVS V6.2.9: at least 64 characters are allowed; longer than ``max_length`` is refused
    (hashing a megabyte of "password" is a denial of service, not a password)."""

    def __init__(self, max_length: int = 128):
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long: at most %(max)d character.",
                    "This password is too long: at most %(max)d characters.",
                    self.max_length,
                )
                % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _(
            "At most %(max)d characters; a long phrase of several words is a good password."
        ) % {"max": self.max_length}


# A one-time password is typed by hand from a paper slip: no letters that read alike (0/O,
# 1/l/I), lower case only. Ten characters of 31 give about 49 bits.
ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ONE_TIME_LENGTH = 10


def one_time_password() -> str:
    """A new one-time password, grouped for reading off a slip: ``abcd-efgh-jk``."""
    raw = "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(ONE_TIME_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def client_address(request) -> str:
    """The address a log-in comes from, for the lock-out (django-axes).

    Behind the one reverse proxy of a production set-up (``USUL_HTTPS``), REMOTE_ADDR is the
    proxy's: the visitor's address is the last one the proxy added to X-Forwarded-For (the
    ones before it are whatever the visitor sent). Without the proxy, REMOTE_ADDR itself.
    """
    if settings.USUL_HTTPS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")
