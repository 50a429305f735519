"""Pages of the bank of methodological ideas (SVC-T2, HEAD-D9, HEAD-D10). Thin: read input, ask
the policy, call a service, show the result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from usul.accounts.once import ALREADY_SENT, create_once
from usul.accounts.policy import can, get_visible, require
from usul.associations.models import Association
from usul.ideas import services
from usul.ideas.forms import EvaluationForm, MaterialForm
from usul.ideas.models import EDITABLE, EVALUABLE, Material, MaterialKind, MaterialStatus
from usul.ideas.selectors import Filters, bank_of, published_in_district
from usul.lib import uploads
from usul.lib.confirm import Confirmation, confirm_page
from usul.lib.forms import add_service_errors, run_with_message
from usul.lib.views import form_post, own_school_entry
from usul.schools.models import District, School, Subject
from usul.schools.selectors import visible_school

GRADES = range(1, 12)


@login_required
@require_GET
def index(request):
    """The menu's entry: the bank of the viewer's school, or of their district."""
    viewer = request.viewer
    if viewer.school_id is None and viewer.district_id is not None:
        district_key = District.objects.only("key").get(pk=viewer.district_id).key
        return redirect("ideas:district", district_key)
    return own_school_entry(
        request,
        "ideas:bank",
        title=_("Bank of methodological ideas"),
        explanation=_("Each school keeps its own bank; open a school to see its materials."),
    )


def _filter_context(filters: Filters) -> dict:
    return {
        "filters": filters,
        "kinds": MaterialKind.choices,
        "grades": GRADES,
        "searching": bool(filters.terms),
    }


@login_required
@require_GET
def bank(request, school: str):
    """SVC-T2: the school's bank as the viewer reads it, with filters and search."""
    viewer = request.viewer
    school_obj = visible_school(viewer, school)
    filters = Filters.from_query(request.GET)
    found = bank_of(viewer, school_obj, filters)
    return render(
        request,
        "ideas/bank.html",
        {
            "school": school_obj,
            "found": found,
            "subjects": Subject.objects.filter(school=school_obj),
            "associations": Association.objects.filter(school=school_obj).order_by("name"),
            "statuses": MaterialStatus.choices,
            "may_upload": can(viewer, "upload_material", school_obj),
            **_filter_context(filters),
        },
    )


@login_required
@require_GET
def district(request, district: str):
    """SVC-T2: the published materials of the district's schools, for its methodologist."""
    viewer = request.viewer
    district_obj = District.objects.filter(key=district).first()
    if district_obj is None or not (
        viewer.is_administrator or viewer.district_id == district_obj.pk
    ):
        raise Http404
    filters = Filters.from_query(request.GET)
    found = published_in_district(viewer, district_obj, filters)
    subjects = (
        Subject.objects.filter(school__district=district_obj)
        .order_by("name_ky")
        .values_list("name_ky", flat=True)
        .distinct()
    )
    return render(
        request,
        "ideas/district.html",
        {
            "district": district_obj,
            "found": found,
            "schools": School.objects.filter(district=district_obj).order_by("name"),
            "subjects": subjects,
            **_filter_context(filters),
        },
    )


def _mine(viewer, school: School):
    ids = viewer.member_association_ids | viewer.headed_association_ids
    return Association.objects.filter(school=school, pk__in=ids).order_by("name")


def _material_form(request, school: School, data=None, files=None, material=None) -> MaterialForm:
    subjects = Subject.objects.filter(school=school)
    if material is not None:
        initial = {
            "title": material.title,
            "kind": material.kind,
            "subject": material.subject.key if material.subject else "",
            "grade_from": material.grade_from,
            "grade_to": material.grade_to,
            "tags": material.tags,
            "description": material.description,
        }
        return MaterialForm(
            data, files, associations=None, subjects=subjects, file_required=False, initial=initial
        )
    return MaterialForm(data, files, associations=_mine(request.viewer, school), subjects=subjects)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, school: str):
    """SVC-T2: a member uploads a material, as a draft or sent to the MA's head at once."""
    viewer = request.viewer
    school_obj = visible_school(viewer, school, with_years=True)
    require(viewer, "upload_material", school_obj)
    if request.method == "GET":
        form = _material_form(request, school_obj)
        return render(request, "ideas/upload.html", {"school": school_obj, "form": form})
    form = _material_form(request, school_obj, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        send = request.POST.get("send") == "1"
        try:
            created = create_once(
                request.user,
                data["once"],
                lambda: services.material_create(
                    actor=viewer,
                    school=school_obj,
                    association=data["association"],
                    title=data["title"],
                    kind=data["kind"],
                    description=data["description"],
                    subject=data["subject"],
                    grade_from=data["grade_from"],
                    grade_to=data["grade_to"],
                    tags=data["tags"],
                    upload=data["file"],
                    send=send,
                ),
                lambda m: reverse("ideas:material", args=[school_obj.key, m.key]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created.repeated:
                messages.info(request, ALREADY_SENT)
            elif send:
                messages.success(request, _("Uploaded and sent to the head of your MA."))
            else:
                messages.success(
                    request, _("Saved as a draft. Only you see it until you send it to the head.")
                )
            return redirect(created.address)
    return render(request, "ideas/upload.html", {"school": school_obj, "form": form}, status=400)


def _material(request, school: str, key: str) -> Material:
    return get_visible(
        request.viewer,
        Material.objects.select_related(
            "school", "association", "author", "subject", "year", "evaluated_by", "published_by"
        ),
        school__key=school,
        key=key,
    )


def _detail_context(request, material: Material, evaluation=None) -> dict:
    viewer = request.viewer
    may_evaluate = material.status in EVALUABLE and can(viewer, "evaluate_material", material)
    if may_evaluate and evaluation is None:
        evaluation = EvaluationForm(
            initial={
                "decision": "ready" if material.status == MaterialStatus.READY else "",
                "comment": material.comment,
            }
        )
    may_edit = material.status in EDITABLE and can(viewer, "edit_material", material)
    may_publish = can(viewer, "publish_material", material)
    return {
        "school": material.school,
        "material": material,
        "evaluation": evaluation if may_evaluate else None,
        "may_edit": may_edit,
        "may_publish": may_publish and material.status == MaterialStatus.READY,
        "may_unpublish": may_publish and material.status == MaterialStatus.PUBLISHED,
    }


@login_required
@require_GET
def material(request, school: str, key: str):
    material_obj = _material(request, school, key)
    return render(request, "ideas/material.html", _detail_context(request, material_obj))


@login_required
@require_GET
def material_file(request, school: str, key: str):
    """The file, as an attachment, to whoever reads the material (BankRule)."""
    material_obj = _material(request, school, key)
    if not material_obj.file:
        raise Http404
    return uploads.attachment(material_obj.file.name, filename=material_obj.file_name)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, school: str, key: str):
    """The author changes a draft or a returned material (and may replace its file)."""
    material_obj = _material(request, school, key)
    require(request.viewer, "edit_material", material_obj)
    detail = reverse("ideas:material", args=[school, key])
    if material_obj.status not in EDITABLE:
        messages.error(
            request, _("It has been sent to the MA head; it can be changed once returned.")
        )
        return redirect(detail)
    context = {"school": material_obj.school, "material": material_obj}
    if request.method == "GET":
        form = _material_form(request, material_obj.school, material=material_obj)
        return render(request, "ideas/edit.html", {**context, "form": form})
    form = _material_form(
        request, material_obj.school, request.POST, request.FILES, material=material_obj
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.material_update(
                actor=request.viewer,
                material=material_obj,
                title=data["title"],
                kind=data["kind"],
                description=data["description"],
                subject=data["subject"],
                grade_from=data["grade_from"],
                grade_to=data["grade_to"],
                tags=data["tags"],
                upload=data["file"],
            )
            if request.POST.get("send") == "1":
                services.material_submit(actor=request.viewer, material=material_obj)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(detail)
    return render(request, "ideas/edit.html", {**context, "form": form}, status=400)


@login_required
@form_post
def send(request, school: str, key: str):
    material_obj = _material(request, school, key)
    require(request.viewer, "edit_material", material_obj)
    run_with_message(
        request,
        lambda: services.material_submit(actor=request.viewer, material=material_obj),
        _("Sent to the head of your MA, who will evaluate it here."),
    )
    return redirect("ideas:material", school, key)


@login_required
@form_post
def evaluate(request, school: str, key: str):
    """HEAD-D9: the head's comment, and ready for publication or returned to the author."""
    material_obj = _material(request, school, key)
    require(request.viewer, "evaluate_material", material_obj)
    form = EvaluationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.material_evaluate(
                actor=request.viewer,
                material=material_obj,
                comment=data["comment"],
                ready=data["decision"] == "ready",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The evaluation is saved; the author reads it here."))
            return redirect("ideas:material", school, key)
    context = _detail_context(request, material_obj, evaluation=form)
    return render(request, "ideas/material.html", context, status=400)


@login_required
@form_post
def publish(request, school: str, key: str):
    """HEAD-D10: what is ready for publication becomes the school's and the district's."""
    material_obj = _material(request, school, key)
    require(request.viewer, "publish_material", material_obj)
    run_with_message(
        request,
        lambda: services.material_publish(actor=request.viewer, material=material_obj),
        _("Published: the whole school and the district's methodologists read it now."),
    )
    return redirect("ideas:material", school, key)


@login_required
@require_http_methods(["GET", "POST"])
def unpublish(request, school: str, key: str):
    """Taking a material back from publication asks first (a confirm step)."""
    material_obj = _material(request, school, key)
    require(request.viewer, "publish_material", material_obj)
    detail = reverse("ideas:material", args=[school, key])
    if request.method == "POST":
        run_with_message(
            request,
            lambda: services.material_unpublish(actor=request.viewer, material=material_obj),
            _("Taken back from publication: it is ready for publication again."),
        )
        return redirect(detail)
    if material_obj.status != MaterialStatus.PUBLISHED:
        messages.error(request, _("It is not published."))
        return redirect(detail)
    confirmation = Confirmation(
        question=_("Take “%(title)s” back from publication?") % {"title": material_obj.title},
        button=_("Take back from publication"),
        back=detail,
        ends=[
            _(
                "Colleagues outside its MA and the district's methodologists will no longer "
                "find it in the bank."
            )
        ],
        keeps=[_("The material, its file and the MA head's evaluation stay.")],
        after=_("It stays ready for publication: it can be published again on its page."),
    )
    return confirm_page(request, confirmation, school=material_obj.school)
