"""Whether the installation is set up: it holds a school.

Asked by the first-run middleware on every page, so it is remembered once true — a school,
once there, is not removed by any page — and forgotten when the last school is deleted (a
test database emptied, a command-line clean-up), so the set-up is offered again.
"""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver

from usul.schools.models import School

_installed = False


def installed() -> bool:
    """True once the installation holds a school."""
    global _installed
    if not _installed:
        _installed = School.objects.exists()
    return _installed


def forget() -> None:
    """Ask the database again next time."""
    global _installed
    _installed = False


@receiver(post_delete, sender=School, dispatch_uid="usul.setup.school_deleted")
def _school_deleted(sender, **kwargs) -> None:
    forget()
