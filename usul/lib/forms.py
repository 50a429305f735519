"""Showing a service's refusal on the form that asked for the change, or, when a button asked
(hold, cancel, sign up), in a message on the page it leads back to."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form

# "employment[1].end" — the path a service gives to an error on a row of a list.
ROW_PATH = re.compile(r"^(?P<section>\w+)\[(?P<index>\d+)\]\.(?P<field>\w+)$")


def add_service_errors(
    form: Form, error: ValidationError, rows: dict[str, list[Form]] | None = None
) -> None:
    """Put each message of ``error`` next to the field it names (services name fields by the
    model's names).

    ``rows`` maps a section name to the forms of that section, in the order their rows were
    given to the service, so that ``employment[1].end`` lands on the second employment row.
    Anything that names no field of the page is shown above the form, message unchanged
    (the message itself names the field).
    """
    rows = rows or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.error_dict.items():
        target, field = form, name
        match = ROW_PATH.match(name)
        if match and match["section"] in rows:
            section_forms = rows[match["section"]]
            index = int(match["index"])
            if index < len(section_forms):
                target, field = section_forms[index], match["field"]
        if field == NON_FIELD_ERRORS or field not in target.fields:
            field = None
        for problem in problems:
            target.add_error(field, problem)


def run_with_message(request, action, success: str) -> None:
    """Run ``action`` (a service call); tell its refusal as an error message, else ``success``."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
