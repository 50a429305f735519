"""The administrator adds another school: an installation holds any number of them.

The school gets its settings here; its school years, subjects and staff are entered on its
own pages afterwards, as for the first school.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import require
from usul.schools.models import District, School
from usul.schools.services import district_create, school_create
from usul.schools.validation import prefixed
from usul.setup.forms import NewSchool
from usul.setup.views import SETTINGS, _put_errors


@transaction.atomic
def _create(viewer, data) -> School:
    district = data["district"]
    if district is None:
        try:
            district = district_create(
                actor=viewer, key=data["district_key"], name=data["district_name"]
            )
        except ValidationError as error:
            raise prefixed(error, "district_") from None
    try:
        return school_create(
            actor=viewer,
            key=data["school_key"],
            name=data["school_name"],
            district=district,
            **{name: data[f"school_{name}"] for name in SETTINGS},
        )
    except ValidationError as error:
        raise prefixed(error, "school_") from None


@login_required
@require_http_methods(["GET", "POST"])
def school_new(request):
    viewer = request.viewer
    require(viewer, "create_school", None)
    districts = District.objects.all()
    if request.method == "GET":
        form = NewSchool(districts=districts)
        return render(request, "setup/school_new.html", {"form": form})
    form = NewSchool(request.POST, districts=districts)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: _create(viewer, data),
                lambda school: reverse("schools:overview", args=[school.key]),
            )
        except ValidationError as error:
            _put_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(
                    request,
                    _(
                        "The school is added. Enter its school year and subjects, then bring "
                        "in its staff from Excel."
                    ),
                )
            return redirect(created.address)
    return render(request, "setup/school_new.html", {"form": form}, status=400)
