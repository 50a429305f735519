"""Users of Usul and how they are tied to a school.

A **user** logs in with a username and password. A school user is linked to one **staff**
record; the roles they hold come from that record at today's date (positions, head terms).
Two roles are not tied to a school position: the **district methodologist**, who reads every
school of one district, and the **administrator** of the installation. Who may see and change
what is decided by one policy, ``usul.accounts.policy``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    staff = models.OneToOneField(
        "people.Staff",
        verbose_name=_("staff record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )
    district = models.ForeignKey(
        "schools.District",
        verbose_name=_("district (for a district methodologist)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="methodologists",
    )
    is_administrator = models.BooleanField(_("administrator"), default=False)
    language = models.CharField(_("language"), max_length=5, blank=True)
    # Set while the password is a one-time one, handed out on a log-in slip or by a reset: the
    # person must choose their own before anything else, and this one stops working after the
    # moment given (USUL_ONE_TIME_PASSWORD_DAYS).
    one_time_password_until = models.DateTimeField(
        _("one-time password valid until"), null=True, blank=True
    )
    # Enrolled a phone for two-factor log-in (usul.accounts.two_factor). Kept here, not only in
    # django-otp's tables, so that a page asks no query to know whether a code is due.
    second_factor = models.BooleanField(_("two-factor log-in"), default=False)
    # The day the log-in was switched off (by hand, or because the person left the school).
    deactivated_on = models.DateField(_("switched off on"), null=True, blank=True)
    # Who created, reset or switched off a log-in, and when. The password hash and the time of
    # the last log-in are not history.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        """The person's name (surname first, as the staff cards write it); the log-in name only
        for an account that records no name."""
        if self.staff_id:
            return str(self.staff)
        return " ".join(part for part in (self.last_name, self.first_name) if part) or self.username

    @property
    def has_one_time_password(self) -> bool:
        return self.one_time_password_until is not None

    @property
    def one_time_password_expired(self) -> bool:
        until = self.one_time_password_until
        return until is not None and timezone.now() > until


class SentForm(models.Model):
    """A create form that has done its write: each form is rendered with a one-time token, and
    the token is kept here in the same transaction as the record it created, so that pressing
    "save" twice (or a slow link resending the post) creates one record, not two."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_forms")
    token = models.CharField(_("token"), max_length=64)
    address = models.CharField(_("address of the created record"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="sent_form_once_per_user"),
        ]

    def __str__(self) -> str:
        return self.token
