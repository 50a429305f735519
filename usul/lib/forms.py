"""Showing a service's refusal on the form that asked for the change."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import Form


def add_service_errors(form: Form, error: ValidationError) -> None:
    """Put each message of ``error`` on the field it names, or above the form when the form has
    no such field (services name fields by the model's names, docs/TEAM.md)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
