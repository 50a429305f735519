"""A create form creates once: a one-time token per rendered form, consumed with the write.

The form carries ``OnceField`` (a hidden token made when the form is rendered). The view passes
the token and the service call to ``create_once``: the token is recorded in the same
transaction as the write, so of two identical posts exactly one creates; the other is told
where the record it asked for already is. A post without a token (an older page, a script)
creates as before.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from usul.accounts.models import SentForm

T = TypeVar("T")

# What the second press of "save" is told, on the page of the record the first press created.
ALREADY_SENT = _(
    "This form had already been sent: here is what it created. Nothing was created twice."
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class OnceField(forms.CharField):
    """The hidden one-time token of a create form; a fresh one each time the form is shown."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput())
        super().__init__(required=False, max_length=64, initial=new_token, **kwargs)


@dataclass(frozen=True)
class Created(Generic[T]):
    """What ``create_once`` did: ``record`` is the new record, or None when the same form had
    already created one, which is then found at ``address``."""

    record: T | None
    address: str

    @property
    def repeated(self) -> bool:
        return self.record is None


def create_once(user, token: str, create: Callable[[], T], address: Callable[[T], str]) -> Created:
    if not token:
        record = create()
        return Created(record, address(record))
    earlier = SentForm.objects.filter(user=user, token=token).first()
    if earlier is not None:
        return Created(None, earlier.address)
    try:
        with transaction.atomic():
            # The token first: a second identical post waits here for the first to commit,
            # then fails on the uniqueness rule and writes nothing.
            sent = SentForm.objects.create(user=user, token=token)
            record = create()
            sent.address = address(record)
            sent.save(update_fields=["address"])
    except IntegrityError:
        earlier = SentForm.objects.filter(user=user, token=token).first()
        if earlier is None:
            raise
        return Created(None, earlier.address)
    return Created(record, sent.address)
