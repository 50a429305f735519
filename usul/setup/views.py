"""The first-run set-up's pages: four short steps, then Usul is a school with its
administrator logged in.

What each step gathered waits in the visitor's session until the last step creates everything
in one transaction (``usul.setup.services``); each step is checked by the same services when it
is sent, so its messages appear on its own page. Once a school exists every page here answers
404 — except a second press of the last step's button, which is sent to the log-in page.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.models import SentForm
from usul.lib.forms import ROW_PATH
from usul.schools.models import Area
from usul.setup import forms, services, state
from usul.setup.services import ACCOUNT, SCHOOL, STEPS, SUBJECTS, YEAR, OwnSubject, SetUp

SESSION = "usul_setup"
FORMS = {
    SCHOOL: forms.SchoolStep,
    YEAR: forms.YearStep,
    SUBJECTS: forms.SubjectsStep,
    ACCOUNT: forms.AccountStep,
}
TITLES = {
    SCHOOL: gettext_lazy("The district and the school"),
    YEAR: gettext_lazy("The school year"),
    SUBJECTS: gettext_lazy("The subjects"),
    ACCOUNT: gettext_lazy("Your account"),
}
SETTINGS = (
    "plan_deadline_days",
    "young_specialist_years",
    "newly_arrived_days",
    "ktu_required",
    "category_reminder_months",
    "course_reminder_years",
)


def _closed() -> None:
    if state.installed():
        raise Http404


def _gathered(request) -> dict:
    return dict(request.session.get(SESSION) or {})


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _setup(data: dict) -> SetUp:
    """What the session holds, as the services take it."""
    return SetUp(
        district_key=data.get("district_key", ""),
        district_name=data.get("district_name", ""),
        school_key=data.get("school_key", ""),
        school_name=data.get("school_name", ""),
        settings={name: data[f"school_{name}"] for name in SETTINGS if f"school_{name}" in data},
        year_start=_date(data.get("year_start")),
        year_end=_date(data.get("year_end")),
        year_theme=data.get("year_theme", ""),
        framework_subjects=list(data.get("subjects_subjects", [])),
        own_subjects=[OwnSubject(**own) for own in data.get("own_subjects", [])],
        last_name=data.get("account_last_name", ""),
        first_name=data.get("account_first_name", ""),
        username=data.get("account_username", ""),
        password=data.get("account_password", ""),
    )


def _stored(step: str, cleaned: dict) -> dict:
    """A step's input as the session keeps it (dates as text; never the password)."""
    if step == SUBJECTS:
        own = []
        for n in range(forms.OWN_ROWS):
            name_ky = (cleaned.get(f"own{n}_name_ky") or "").strip()
            name_ru = (cleaned.get(f"own{n}_name_ru") or "").strip()
            area = cleaned.get(f"own{n}_area") or ""
            if name_ky or name_ru or area:
                own.append({"name_ky": name_ky, "name_ru": name_ru, "area": area})
        return {"subjects_subjects": list(cleaned["subjects_subjects"]), "own_subjects": own}
    stored = {}
    for name, value in cleaned.items():
        if name in ("once", "account_password", "account_password_again"):
            continue
        stored[name] = value.isoformat() if isinstance(value, dt.date) else value
    return stored


def _initial(step: str, data: dict) -> dict:
    if step == SUBJECTS:
        initial = {
            "subjects_subjects": data.get(
                "subjects_subjects", [s.key for s in forms.framework_subjects()]
            )
        }
        for n, own in enumerate(data.get("own_subjects", [])[: forms.OWN_ROWS]):
            for name in ("name_ky", "name_ru", "area"):
                initial[f"own{n}_{name}"] = own[name]
        return initial
    if step == YEAR and "year_start" not in data:
        # The year in progress, or the one about to start (from June on).
        today = timezone.localdate()
        first = today.year if today.month >= 6 else today.year - 1
        return {"year_start": dt.date(first, 9, 1), "year_end": dt.date(first + 1, 5, 31)}
    return data


def _done(data: dict) -> list[str]:
    return [step for step in STEPS if data.get(f"done_{step}")]


def _first_open(data: dict) -> str:
    return next(step for step in STEPS if step == ACCOUNT or not data.get(f"done_{step}"))


def _put_errors(form, error: ValidationError) -> None:
    """The services' errors, on the fields of this step (``own_subjects[1].name_ky`` on the
    second row of the school's own subjects); an earlier step's, above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.error_dict.items():
        match = ROW_PATH.match(name)
        field = f"own{match['index']}_{match['field']}" if match else name
        if field not in form.fields:
            field = "own0_name_ky" if match and f"own{match['index']}_area" in form.fields else None
        for problem in problems:
            form.add_error(field, problem)


def _page(request, step: str, form, status: int = 200):
    data = _gathered(request)
    number = STEPS.index(step) + 1
    return render(
        request,
        f"setup/{step}.html",
        {
            "form": form,
            "step": step,
            "number": number,
            "count": len(STEPS),
            "steps": [(s, TITLES[s], s in _done(data) or s == step) for s in STEPS],
            "title": TITLES[step],
            "areas": Area,
        },
        status=status,
    )


@require_GET
def start(request):
    _closed()
    return redirect("setup:step", _first_open(_gathered(request)))


@require_http_methods(["GET", "POST"])
def step(request, step: str):
    if step not in FORMS:
        raise Http404
    data = _gathered(request)
    if request.method == "POST" and step == ACCOUNT:
        return _finish(request, data)
    _closed()
    earlier = STEPS[: STEPS.index(step)]
    if any(not data.get(f"done_{s}") for s in earlier):
        return redirect("setup:start")
    form_class = FORMS[step]
    if request.method == "GET":
        return _page(request, step, form_class(initial=_initial(step, data)))
    form = form_class(request.POST)
    if form.is_valid():
        gathered = {**data, **_stored(step, form.cleaned_data)}
        try:
            services.set_up_check(_setup(gathered), step)
        except ValidationError as error:
            _put_errors(form, error)
        except services.AlreadySetUp:
            raise Http404 from None
        else:
            gathered[f"done_{step}"] = True
            request.session[SESSION] = gathered
            return redirect("setup:step", STEPS[STEPS.index(step) + 1])
    return _page(request, step, form, status=400)


def _already_sent(token: str) -> bool:
    return bool(token) and SentForm.objects.filter(token=token).exists()


def _finish(request, data: dict):
    """The last step: everything is created, and the administrator is logged in."""
    form = forms.AccountStep(request.POST)
    token = request.POST.get("once", "")
    if state.installed():
        return _repeated(request, token)
    if any(not data.get(f"done_{s}") for s in STEPS[:-1]):
        return redirect("setup:start")
    if form.is_valid():
        cleaned = form.cleaned_data
        setup = _setup(
            {**data, **_stored(ACCOUNT, cleaned), "account_password": cleaned["account_password"]}
        )
        try:
            user = services.installation_set_up(setup, token=token)
        except ValidationError as error:
            _put_errors(form, error)
        except (services.AlreadySetUp, IntegrityError):
            # Two presses at once: the other one set Usul up.
            return _repeated(request, token)
        else:
            request.session.pop(SESSION, None)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _(
                    "Usul is set up. Next: bring in the staff from Excel (School → Staff → "
                    "roster), then create their log-ins."
                ),
            )
            return redirect("home:home")
    return _page(request, ACCOUNT, form, status=400)


def _repeated(request, token: str):
    if _already_sent(token):
        messages.info(request, _("Usul is already set up with this form: log in."))
        return redirect("accounts:login")
    raise Http404
