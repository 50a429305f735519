"""``add_service_errors``: a service's refusal lands next to the field it names."""

from django import forms
from django.core.exceptions import ValidationError

from usul.lib.forms import add_service_errors


class CardForm(forms.Form):
    last_name = forms.CharField(required=False)


class EmploymentRow(forms.Form):
    start = forms.DateField(required=False)
    end = forms.DateField(required=False)


def bound(form_class):
    form = form_class(data={})
    form.is_valid()
    return form


def test_a_message_naming_a_field_of_the_form_sits_on_that_field():
    form = bound(CardForm)
    add_service_errors(form, ValidationError({"last_name": "Last name: write it."}))
    assert form.errors == {"last_name": ["Last name: write it."]}


def test_a_message_naming_no_field_of_the_form_stands_above_it_unchanged():
    form = bound(CardForm)
    add_service_errors(form, ValidationError({"birth_date": "Birth date: not in the future."}))
    add_service_errors(form, ValidationError("Not saved: the plan changed.", code="stale"))
    assert form.non_field_errors() == [
        "Birth date: not in the future.",
        "Not saved: the plan changed.",
    ]


def test_a_row_path_lands_on_its_row_and_a_row_that_is_not_shown_above_the_form():
    form = bound(CardForm)
    rows = [bound(EmploymentRow), bound(EmploymentRow)]
    add_service_errors(
        form,
        ValidationError(
            {
                "employment[1].end": "To: before From.",
                "employment[2].end": "To: the third row.",  # past the last row shown
                "courses[0].hours": "Hours: a whole number.",  # a section the page lacks
            }
        ),
        rows={"employment": rows},
    )
    assert rows[0].errors == {}
    assert rows[1].errors == {"end": ["To: before From."]}
    assert form.non_field_errors() == ["To: the third row.", "Hours: a whole number."]
