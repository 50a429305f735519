"""Staff pages: the list with its filters, the card (DOC-9 data bank) and its forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.history import Ref, Source, change_history
from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require, visible
from usul.associations.models import Association, HeadTerm, Membership
from usul.lib import uploads
from usul.lib.charts import bar_groups
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.dates import covers, format_date
from usul.lib.forms import add_service_errors
from usul.lib.views import form_post
from usul.people import services
from usul.people.databank import composition, databank, filter_bank
from usul.people.forms import (
    MA_HEAD,
    CertificationForm,
    CourseEditForm,
    CourseForm,
    CreativeReportEditForm,
    CreativeReportForm,
    DatabankFilterForm,
    SelfDevelopmentForm,
    StaffCardForm,
    StaffFilterForm,
    formset_rows,
    section_formset,
)
from usul.people.models import (
    Category,
    Course,
    CreativeReport,
    Employment,
    Position,
    SelfDevelopmentTopic,
    Staff,
    Teaching,
)
from usul.people.selectors import (
    growth_due,
    growth_due_for,
    matches,
    personal_data,
    staff_at,
    staff_card,
)
from usul.schools.models import SchoolYear, Subject
from usul.schools.selectors import current_year, visible_school, year_asked

# Personal data (policy): shown, and kept in the history, only for those who may read it.
PERSONAL_SECTIONS = ("employment", "categories")
PERSONAL_CARD_FIELDS = frozenset({"birth_date", "email", "phone"})
# Sections only the school's leadership edits: positions give roles (and so permissions),
# categories come from certification, teaching from the school's timetable.
MANAGED_SECTIONS = ("positions", "categories", "teaching")


@login_required
def staff_list(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    associations = list(visible(viewer, Association.objects.filter(school=school)))
    filters = StaffFilterForm(request.GET or None, associations=associations)
    staff = visible(viewer, Staff.objects.filter(school=school)).prefetch_related(
        "positions",
        Prefetch("memberships", queryset=Membership.objects.select_related("association")),
        Prefetch("head_terms", queryset=HeadTerm.objects.select_related("association")),
    )
    rows = staff_at(staff, viewer.today)
    total = len(rows)
    if filters.is_valid():
        query, ma, role = (filters.cleaned_data[n] for n in ("q", "ma", "role"))
        if query:
            rows = [r for r in rows if matches(r.staff, query)]
        if ma:
            rows = [r for r in rows if any(a.key == ma for a in r.associations)]
        if role == MA_HEAD:
            rows = [r for r in rows if r.headed]
        elif role:
            rows = [r for r in rows if role in r.roles]
    context = {
        "school": school,
        "filters": filters,
        "rows": rows,
        "total": total,
        "can_manage": can(viewer, "manage_school", school),
        "can_import_roster": can(viewer, "import_roster", school),
        "can_export_roster": can(viewer, "export_roster", school),
        "can_view_databank": can(viewer, "view_databank", school),
    }
    if request.htmx:
        return render(request, "people/_table.html", context)
    return render(request, "people/list.html", context)


@login_required
def staff_detail(request, school, key):
    viewer = request.viewer
    today = viewer.today
    school = visible_school(viewer, school)
    staff = staff_card(viewer, school, key)
    personal = personal_data(viewer, staff, today)
    context = {
        "school": school,
        "staff": staff,
        "today": today,
        "personal": personal is not None,
        "row": staff_at([staff], today)[0],
        "positions": sorted(staff.positions.all(), key=lambda p: p.start, reverse=True),
        "teaching": sorted(
            staff.teaching.all(), key=lambda t: (t.year.start, t.subject.name), reverse=True
        ),
        "self_development": sorted(
            staff.self_development.all(), key=lambda t: t.year.start, reverse=True
        ),
        "thematic_plans": staff.thematic_plans.all(),
        "memberships": sorted(staff.memberships.all(), key=lambda m: m.start, reverse=True),
        "head_terms": sorted(staff.head_terms.all(), key=lambda t: t.start, reverse=True),
        "can_edit": can(viewer, "edit_own_card", staff),
    }
    if personal is not None:
        context |= personal
    context["history"] = change_history(_history_sources(staff, personal is not None))
    return render(request, "people/detail.html", context)


def _history_sources(staff: Staff, personal: bool) -> list[Source]:
    hidden = frozenset() if personal else PERSONAL_CARD_FIELDS
    sources = [
        Source(Staff.history.filter(id=staff.pk), lambda r: [_("Card")], hidden=hidden),
        Source(
            Position.history.filter(staff_id=staff.pk),
            lambda r: [_("Position")],
            hidden=frozenset({"staff"}),
        ),
        Source(
            Teaching.history.filter(staff_id=staff.pk),
            lambda r: [_("Teaching:"), Ref(Subject, r.subject_id), Ref(SchoolYear, r.year_id)],
            hidden=frozenset({"staff"}),
        ),
    ]
    if personal:
        sources += [
            Source(
                Employment.history.filter(staff_id=staff.pk),
                lambda r: [_("Employment:"), r.organization],
                hidden=frozenset({"staff"}),
            ),
            Source(
                Category.history.filter(staff_id=staff.pk),
                lambda r: [_("Category")],
                hidden=frozenset({"staff"}),
            ),
        ]
    return sources


@login_required
def staff_create(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school)
    require(viewer, "manage_school", school)
    form = StaffCardForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            created = create_once(
                request.user,
                form.cleaned_data["once"],
                lambda: services.staff_create(
                    actor=viewer,
                    school=school,
                    key=form.cleaned_data["key"],
                    **form.card_values(),
                ),
                lambda staff: reverse("people:edit", args=[school.key, staff.key]),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
                return redirect(created.address)
            staff = created.record
            messages.success(
                request,
                _("%(name)s is added. Now add the positions and the rest of the card.")
                % {"name": staff},
            )
            return redirect(reverse("people:edit", args=[school.key, staff.key]))
    return render(request, "people/form.html", {"school": school, "form": form, "sections": []})


SECTION_TITLES = {
    "positions": gettext_lazy("Positions"),
    "employment": gettext_lazy("Employment history"),
    "categories": gettext_lazy("Qualification categories"),
    "teaching": gettext_lazy("Teaching"),
}


@login_required
def staff_edit(request, school, key):
    """The whole card in one form, saved in one transaction (``staff_update``)."""
    viewer = request.viewer
    school = visible_school(viewer, school)
    staff = get_visible(
        viewer,
        Staff.objects.filter(school=school).prefetch_related(
            "positions", "employment", "categories", "teaching"
        ),
        key=key,
    )
    require(viewer, "edit_own_card", staff)
    manages = can(viewer, "manage_school", staff)
    sections = [
        s
        for s in ("positions", "employment", "categories", "teaching")
        if manages or s not in MANAGED_SECTIONS
    ]
    data = request.POST if request.method == "POST" else None
    form = StaffCardForm(
        data,
        initial={name: getattr(staff, name) for name in services.CARD_FIELDS},
        creating=False,
    )
    teaching_kwargs = {
        "years": visible(viewer, SchoolYear.objects.filter(school=school)),
        "subjects": visible(viewer, Subject.objects.filter(school=school)),
    }
    existing = {s: list(getattr(staff, s).all()) for s in sections}
    formsets = {
        s: section_formset(
            s,
            data=data,
            rows=existing[s],
            form_kwargs=teaching_kwargs if s == "teaching" else None,
        )
        for s in sections
    }
    if data is not None and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        rows, row_forms = {}, {}
        for section, formset in formsets.items():
            rows[section], row_forms[section] = formset_rows(formset, existing[section])
        try:
            services.staff_update(actor=viewer, staff=staff, values=form.card_values(), **rows)
        except ValidationError as exc:
            add_service_errors(form, exc, rows=row_forms)
        else:
            messages.success(request, _("The card is saved."))
            return redirect(reverse("people:detail", args=[school.key, staff.key]))
    return render(
        request,
        "people/form.html",
        {
            "school": school,
            "staff": staff,
            "form": form,
            "sections": [(s, SECTION_TITLES[s], formsets[s]) for s in sections],
            "manages": manages,
        },
    )


# Self-development (DOC-10, DUTY-1): the topic of each year with its plan, expected result and
# creative reports; the teacher keeps their own, the history of the years stays on the page.
def _self_development_context(request, school, staff, year, years, **forms) -> dict:
    viewer = request.viewer
    topics = list(
        SelfDevelopmentTopic.objects.filter(staff=staff)
        .select_related("year")
        .prefetch_related(Prefetch("reports", queryset=CreativeReport.objects.order_by("date")))
        .order_by("-year__start", "id")
    )
    current = next((t for t in topics if year is not None and t.year_id == year.pk), None)
    may_edit = can(viewer, "edit_own_card", staff) and year is not None
    context = {
        "school": school,
        "staff": staff,
        "year": year,
        "years": years,
        "topic": current,
        "topics": topics,
        "topic_form": None,
        "report_form": None,
    }
    if may_edit:
        context["topic_form"] = forms.get("topic_form") or SelfDevelopmentForm(
            initial={
                "topic": current.topic if current else "",
                "plan": current.plan if current else "",
                "expected_result": current.expected_result if current else "",
            }
        )
        if current is not None:
            context["report_form"] = forms.get("report_form") or CreativeReportForm(
                initial={"date": viewer.today}
            )
    return context


def _self_development_page(request, school: str, key: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    staff = get_visible(viewer, Staff.objects.filter(school=school_obj), key=key)
    year, years = year_asked(school_obj, viewer.today, request.GET, request.POST)
    return school_obj, staff, year, years


@login_required
@require_GET
def self_development(request, school, key):
    school_obj, staff, year, years = _self_development_page(request, school, key)
    context = _self_development_context(request, school_obj, staff, year, years)
    return render(request, "people/self_development.html", context)


def _back_to_year(school, staff, year, anchor: str = "") -> str:
    url = reverse("people:self_development", args=[school.key, staff.key])
    return f"{url}?year={year.key}{anchor}"


@login_required
@form_post
def self_development_save(request, school, key):
    viewer = request.viewer
    school_obj, staff, year, years = _self_development_page(request, school, key)
    require(viewer, "edit_own_card", staff)
    form = SelfDevelopmentForm(request.POST)
    if year is None:
        form.add_error(None, _("School year: the school has no school year yet."))
    if form.is_valid() and year is not None:
        try:
            services.self_development_save(
                actor=viewer, staff=staff, year=year, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The self-development topic is saved."))
            return redirect(_back_to_year(school_obj, staff, year))
    context = _self_development_context(request, school_obj, staff, year, years, topic_form=form)
    return render(request, "people/self_development.html", context, status=400)


@login_required
@form_post
def creative_report_add(request, school, key):
    viewer = request.viewer
    school_obj, staff, year, years = _self_development_page(request, school, key)
    require(viewer, "edit_own_card", staff)
    form = CreativeReportForm(request.POST)
    topic = (
        SelfDevelopmentTopic.objects.filter(staff=staff, year=year)
        .select_related("year", "staff")
        .order_by("id")
        .first()
    )
    if topic is None:
        form.add_error(None, _("Write the topic of the year first: a report is on a topic."))
    if form.is_valid() and topic is not None:
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.creative_report_add(
                    actor=viewer,
                    topic=topic,
                    date=data["date"],
                    form=data["form"],
                    materials=data["materials"],
                    link=data["link"],
                ),
                lambda _r: _back_to_year(school_obj, staff, topic.year, "#reports"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("The creative report is added."))
            return redirect(created.address)
    context = _self_development_context(request, school_obj, staff, year, years, report_form=form)
    return render(request, "people/self_development.html", context, status=400)


# Qualification upgrading and certification (HEAD-D3, SVC-D2, DUTY-1): personal data, read by
# the person, the head of their MA, the leadership and the district (the policy's
# ``view_personal``); anyone else is told the page does not exist.
def _qualification_page(request, school: str, key: str):
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    staff = get_visible(viewer, Staff.objects.filter(school=school_obj), key=key)
    if not can(viewer, "view_personal", staff):
        raise Http404
    return school_obj, staff


def _qualification_context(request, school, staff, course_form=None) -> dict:
    viewer = request.viewer
    today = viewer.today
    categories = list(
        visible(viewer, Category.objects.filter(staff=staff)).order_by("-awarded", "-id")
    )
    courses = list(visible(viewer, Course.objects.filter(staff=staff)).order_by("-start", "-id"))
    staff.school = school
    prefetch_related_objects([staff], "categories", "courses")
    may_edit = can(viewer, "edit_own_card", staff)
    return {
        "school": school,
        "staff": staff,
        "today": today,
        "categories": categories,
        "courses": courses,
        "due": growth_due(school, staff, today),
        "course_form": (course_form or CourseForm()) if may_edit else None,
        "can_manage": can(viewer, "manage_school", staff),
    }


@login_required
@require_GET
def qualification(request, school, key):
    school_obj, staff = _qualification_page(request, school, key)
    context = _qualification_context(request, school_obj, staff)
    return render(request, "people/qualification.html", context)


@login_required
@form_post
def course_add(request, school, key):
    viewer = request.viewer
    school_obj, staff = _qualification_page(request, school, key)
    require(viewer, "edit_own_card", staff)
    form = CourseForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.course_add(
                    actor=viewer,
                    staff=staff,
                    title=data["title"],
                    provider=data["provider"],
                    hours=data["hours"],
                    start=data["start"],
                    end=data["end"],
                    certificate=data["certificate"],
                    scan=data["scan"],
                ),
                lambda _c: (
                    reverse("qualification:person", args=[school_obj.key, staff.key]) + "#courses"
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            else:
                messages.success(request, _("The course is recorded."))
            return redirect(created.address)
    context = _qualification_context(request, school_obj, staff, course_form=form)
    return render(request, "people/qualification.html", context, status=400)


@login_required
@require_GET
def qualification_summary(request, school):
    """HEAD-D3, SVC-D2: who is due for certification or a course, per MA and for the school —
    of the people whose personal data the viewer reads."""
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    today = viewer.today
    rows = growth_due_for(viewer, school_obj, today)
    by_ma: dict = {}
    outside = []
    for row in rows:
        associations = [
            m.association for m in row.staff.memberships.all() if covers(m.start, m.end, today)
        ]
        for association in associations:
            by_ma.setdefault(association, []).append(row)
        if not associations:
            outside.append(row)
    groups = sorted(by_ma.items(), key=lambda pair: pair[0].name)
    context = {
        "school": school_obj,
        "today": today,
        "rows": rows,
        "groups": groups,
        "outside": outside,
        "category_due": sum(1 for r in rows if r.category is not None),
        "course_due": sum(1 for r in rows if r.course_due),
    }
    return render(request, "people/qualification_summary.html", context)


# The data bank (DOC-9): personal data of many people at once — for the leadership, the
# district, the administrator and an MA head (their members); a plain teacher is refused.
BANK_FILTERS = ("ma", "subject", "category", "education", "age_band", "experience_band")


@login_required
@require_GET
def databank_page(request, school):
    viewer = request.viewer
    school = visible_school(viewer, school, with_years=True)
    require(viewer, "view_databank", school)
    associations = list(visible(viewer, Association.objects.filter(school=school)).order_by("name"))
    subjects = sorted(
        visible(viewer, Subject.objects.filter(school=school)), key=lambda s: (s.name, s.key)
    )
    filters = DatabankFilterForm(
        request.GET or None,
        associations=associations,
        subjects=subjects,
        initial={"as_of": viewer.today},  # the date the page reads, shown in its field
    )
    chosen: dict = {}
    if filters.is_bound:
        filters.is_valid()  # a wrong field is named on the page; the others still apply
        chosen = filters.cleaned_data
    as_of = chosen.get("as_of") or viewer.today
    year = current_year(school, as_of)
    everyone = databank(viewer, school, as_of, year)
    rows = filter_bank(everyone, **{name: chosen.get(name) or "" for name in BANK_FILTERS})
    groups = composition([r.staff for r in rows], as_of)
    for association in associations:
        association.school = school  # the policy reads it: no query per MA
    documents = [a for a in associations if can(viewer, "generate_document", a)] if year else []
    context = {
        "school": school,
        "filters": filters,
        "as_of": as_of,
        "year": year,
        "rows": rows,
        "total": len(everyone),
        "groups": groups,
        # Drawn by usul.lib.charts, which escapes every label: the same SVG as in DOC-9.
        "chart": mark_safe(bar_groups(groups)) if rows else "",  # noqa: S308
        "documents": documents,
        "can_import_roster": can(viewer, "import_roster", school),
        "can_export_roster": can(viewer, "export_roster", school),
    }
    return render(request, "people/databank.html", context)


# Correcting and removing what was recorded (HEAD-D3, DOC-10): a form on a page of its own, a
# removal asked first (usul.lib.confirm); whoever may record a record corrects it, the history
# keeps what it said.
def _record_form(request, *, school, staff, title, back, form, remove="", note="", status=200):
    return render(
        request,
        "people/record_form.html",
        {
            "school": school,
            "staff": staff,
            "title": title,
            "back": back,
            "form": form,
            "remove": remove,
            "note": note,
        },
        status=status,
    )


def _correct_record(request, *, form_class, record, fields, save, saved: str, page: dict):
    """The correction page of a recorded course, certification or creative report (HEAD-D3,
    DOC-10): GET shows the form filled from ``record``; POST calls ``save`` with the form's
    values — the service checks the policy and the fields — and what it refuses is shown on
    the fields. ``page``: what ``_record_form`` shows around the form."""
    if request.method != "POST":
        form = form_class(initial={n: getattr(record, n) for n in fields})
        return _record_form(request, form=form, **page)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(page["back"])
    return _record_form(request, form=form, status=400, **page)


def _scan_note(course: Course) -> str:
    if not course.scan:
        return ""
    return _("The scan “%(name)s” is attached; a new file sent here replaces it.") % {
        "name": course.scan_name
    }


def _qualification_back(school, staff, anchor: str) -> str:
    return reverse("qualification:person", args=[school.key, staff.key]) + anchor


def _course_of(request, school: str, key: str, course):
    school_obj, staff = _qualification_page(request, school, key)
    found = get_object_or_404(
        visible(request.viewer, Course.objects.filter(staff=staff)), uuid=course
    )
    found.staff = staff
    return school_obj, staff, found


COURSE_FIELDS = ("title", "provider", "hours", "start", "end", "certificate")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_edit(request, school, key, course):
    viewer = request.viewer
    school_obj, staff, course_obj = _course_of(request, school, key, course)
    require(viewer, "edit_own_card", staff)
    return _correct_record(
        request,
        form_class=CourseEditForm,
        record=course_obj,
        fields=COURSE_FIELDS,
        save=lambda data: services.course_update(
            actor=viewer,
            course=course_obj,
            scan=data["scan"],
            **{n: data[n] for n in COURSE_FIELDS},
        ),
        saved=_("The course is corrected."),
        page={
            "school": school_obj,
            "staff": staff,
            "title": _("Correct the course"),
            "back": _qualification_back(school_obj, staff, "#courses"),
            "remove": reverse(
                "qualification:course_remove", args=[school_obj.key, staff.key, course]
            ),
            "note": _scan_note(course_obj),
        },
    )


@login_required
@require_GET
def course_scan(request, school, key, course):
    """The certificate's scan, as a download — to whoever reads the person's courses
    (view_personal: the person, the head of their MA, the leadership, the district); a
    colleague is told it does not exist."""
    _school, _staff, course_obj = _course_of(request, school, key, course)
    if not course_obj.scan:
        raise Http404
    return uploads.attachment(
        course_obj.scan.name, filename=course_obj.scan_name or course_obj.scan.name
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_remove(request, school, key, course):
    viewer = request.viewer
    school_obj, staff, course_obj = _course_of(request, school, key, course)
    require(viewer, "edit_own_card", staff)
    back = _qualification_back(school_obj, staff, "#courses")
    if request.method != "POST":
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the course “%(title)s”?") % {"title": course_obj.title},
                button=_("Remove the course"),
                back=back,
                ends=[
                    _(
                        "The course leaves the list of qualification upgrading; the history "
                        "of the card keeps that it was removed, and what it said."
                    )
                ],
                after=_("A course attended is recorded again with the form on the same page."),
            ),
            school=school_obj,
        )
    services.course_remove(actor=viewer, course=course_obj)
    messages.success(request, _("The course is removed."))
    return redirect(back)


def _category_of(request, school: str, key: str, category):
    school_obj, staff = _qualification_page(request, school, key)
    found = get_object_or_404(
        visible(request.viewer, Category.objects.filter(staff=staff)), uuid=category
    )
    found.staff = staff
    return school_obj, staff, found


CATEGORY_FIELDS = ("category", "awarded", "valid_until", "order")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def category_edit(request, school, key, category):
    viewer = request.viewer
    school_obj, staff, category_obj = _category_of(request, school, key, category)
    require(viewer, "manage_school", staff)
    back = _qualification_back(school_obj, staff, "#certification")
    remove = reverse("qualification:category_remove", args=[school_obj.key, staff.key, category])
    return _correct_record(
        request,
        form_class=CertificationForm,
        record=category_obj,
        fields=CATEGORY_FIELDS,
        save=lambda data: services.category_update(
            actor=viewer, award=category_obj, **{n: data[n] for n in CATEGORY_FIELDS}
        ),
        saved=_("The certification is corrected."),
        page={
            "school": school_obj,
            "staff": staff,
            "title": _("Correct the certification"),
            "back": back,
            "remove": remove,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def category_remove(request, school, key, category):
    viewer = request.viewer
    school_obj, staff, category_obj = _category_of(request, school, key, category)
    require(viewer, "manage_school", staff)
    back = _qualification_back(school_obj, staff, "#certification")
    if request.method != "POST":
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the %(category)s awarded on %(date)s?")
                % {
                    "category": category_obj.get_category_display(),
                    "date": format_date(category_obj.awarded),
                },
                button=_("Remove the certification"),
                back=back,
                ends=[
                    _(
                        "The category leaves the certification history, and the checks read "
                        "the person's category without it; the history of the card keeps it."
                    )
                ],
            ),
            school=school_obj,
        )
    services.category_remove(actor=viewer, award=category_obj)
    messages.success(request, _("The certification is removed."))
    return redirect(back)


def _report_of(request, school: str, key: str, report):
    school_obj, staff, _year, _years = _self_development_page(request, school, key)
    found = get_object_or_404(
        CreativeReport.objects.select_related("topic__year"), topic__staff=staff, uuid=report
    )
    found.topic.staff = staff
    return school_obj, staff, found


REPORT_FIELDS = ("date", "form", "materials", "link")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def creative_report_edit(request, school, key, report):
    viewer = request.viewer
    school_obj, staff, report_obj = _report_of(request, school, key, report)
    require(viewer, "edit_own_card", staff)
    back = _back_to_year(school_obj, staff, report_obj.topic.year, "#reports")
    remove = reverse("people:creative_report_remove", args=[school_obj.key, staff.key, report])
    return _correct_record(
        request,
        form_class=CreativeReportEditForm,
        record=report_obj,
        fields=REPORT_FIELDS,
        save=lambda data: services.creative_report_update(
            actor=viewer, report=report_obj, **{n: data[n] for n in REPORT_FIELDS}
        ),
        saved=_("The creative report is corrected."),
        page={
            "school": school_obj,
            "staff": staff,
            "title": _("Correct the creative report"),
            "back": back,
            "remove": remove,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def creative_report_remove(request, school, key, report):
    viewer = request.viewer
    school_obj, staff, report_obj = _report_of(request, school, key, report)
    require(viewer, "edit_own_card", staff)
    back = _back_to_year(school_obj, staff, report_obj.topic.year, "#reports")
    if request.method != "POST":
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the creative report “%(form)s” of %(date)s?")
                % {"form": report_obj.form, "date": format_date(report_obj.date)},
                button=_("Remove the report"),
                back=back,
                ends=[_("The report leaves the year's list; the history keeps what it said.")],
            ),
            school=school_obj,
        )
    services.creative_report_remove(actor=viewer, report=report_obj)
    messages.success(request, _("The creative report is removed."))
    return redirect(back)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def self_development_remove(request, school, key):
    viewer = request.viewer
    school_obj, staff, year, _years = _self_development_page(request, school, key)
    topic = (
        SelfDevelopmentTopic.objects.filter(staff=staff, year=year).order_by("id").first()
        if year is not None
        else None
    )
    if topic is None:
        raise Http404
    topic.staff = staff
    topic.year = year
    require(viewer, "edit_own_card", staff)
    back = _back_to_year(school_obj, staff, year)
    if request.method != "POST":
        return confirm_page(
            request,
            Confirmation(
                question=_("Remove the self-development topic of %(year)s?") % {"year": year.key},
                button=_("Remove the topic"),
                back=back,
                ends=[
                    _("The topic “%(topic)s” with its plan and expected result.")
                    % {"topic": topic.topic},
                    ngettext(
                        "Its %(count)s creative report.",
                        "Its %(count)s creative reports.",
                        topic.reports.count(),
                    )
                    % {"count": topic.reports.count()},
                ],
                after=_(
                    "The history keeps what they said. A topic for the year is written again "
                    "on the same page."
                ),
            ),
            school=school_obj,
        )
    services.self_development_remove(actor=viewer, topic=topic)
    messages.success(request, _("The self-development topic is removed."))
    return redirect(back)
