"""Writes of the bank of methodological ideas (SVC-T2, HEAD-D9, HEAD-D10). Each takes the actor
and checks the policy inside, in one transaction.

- ``material_create`` / ``material_update`` / ``material_submit``: a member uploads a material,
  changes it while it is a draft or returned, and sends it to the MA's head;
- ``material_evaluate``: the head's comment, and whether it is ready for publication (HEAD-D9);
- ``material_publish`` / ``material_unpublish``: the head or the leadership make a ready material
  the school's and the district's (HEAD-D10), or take it back.

Every save refreshes ``search_text``, which the full-text index of the database reads (the
SQLite index is updated by its triggers in the same transaction).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.ideas import search
from usul.ideas.models import (
    COMMENT_LIMIT,
    DESCRIPTION_LIMIT,
    EDITABLE,
    EVALUABLE,
    FIRST_GRADE,
    LAST_GRADE,
    TAGS_LIMIT,
    TITLE_LIMIT,
    Material,
    MaterialKind,
    MaterialStatus,
)
from usul.lib import uploads
from usul.lib.history import save_with_history
from usul.lib.text_limits import require_within
from usul.schools.models import School, Subject
from usul.schools.selectors import current_year

FOLDER = "ideas"
DESCRIBED = ["title", "kind", "description", "subject", "grade_from", "grade_to", "tags"]


def _next_key(school: School) -> str:
    # Lock the school so that two uploads sent at once never get the same number.
    School.objects.select_for_update().filter(pk=school.pk).first()
    number = Material.objects.filter(school=school).count() + 1
    while Material.objects.filter(school=school, key=f"idea-{number}").exists():
        number += 1
    return f"idea-{number}"


def _tags(text: str) -> str:
    """ "урок, Сабак,  урок" -> "урок, Сабак": one comma-separated list, each tag once."""
    seen: dict[str, str] = {}
    for tag in (text or "").split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return ", ".join(seen.values())


def _describe(
    material: Material,
    *,
    title: str,
    kind: str,
    description: str,
    subject: Subject | None,
    grade_from: int | None,
    grade_to: int | None,
    tags: str,
) -> None:
    title, description, tags = (title or "").strip(), (description or "").strip(), _tags(tags)
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Title of the material: write what it is called.")
    if kind not in MaterialKind.values:
        errors["kind"] = _("Kind of material: choose what it is.")
    if subject is not None and subject.school_id != material.school_id:
        errors["subject"] = _("Subject: choose one of this school's subjects.")
    for name, grade in (("grade_from", grade_from), ("grade_to", grade_to)):
        if grade is not None and not FIRST_GRADE <= grade <= LAST_GRADE:
            errors[name] = _("Grade: from %(first)s to %(last)s.") % {
                "first": FIRST_GRADE,
                "last": LAST_GRADE,
            }
    if "grade_from" not in errors and "grade_to" not in errors:
        if grade_from is not None and grade_to is not None and grade_from > grade_to:
            errors["grade_to"] = _("To grade: it cannot be below the first grade (%(first)s).") % {
                "first": grade_from
            }
    if errors:
        raise ValidationError(errors)
    require_within("title", _("Title of the material"), title, TITLE_LIMIT)
    require_within("description", _("Description of the material"), description, DESCRIPTION_LIMIT)
    require_within("tags", _("Tags"), tags, TAGS_LIMIT)
    if grade_from is not None and grade_to is None:
        grade_to = grade_from
    if grade_to is not None and grade_from is None:
        grade_from = grade_to
    material.title, material.kind, material.description = title, kind, description
    material.subject = subject
    material.grade_from, material.grade_to = grade_from, grade_to
    material.tags = tags
    material.search_text = " ".join(search.words(title, description, tags))


def _attach(material: Material, upload: UploadedFile) -> None:
    checked = uploads.check(upload, accept=uploads.ANY, field="file")
    # Everything else is valid before a file is stored: a refused form leaves no file behind.
    material.full_clean(exclude=["file", "file_name"])
    material.file = uploads.store(checked, folder=FOLDER)
    material.file_name = checked.name


@transaction.atomic
def material_create(
    *,
    actor: Viewer,
    school: School,
    association: Association | None,
    title: str,
    kind: str,
    upload: UploadedFile | None,
    description: str = "",
    subject: Subject | None = None,
    grade_from: int | None = None,
    grade_to: int | None = None,
    tags: str = "",
    send: bool = False,
) -> Material:
    """SVC-T2: a member's material for the bank, in one of their MAs, for the current school
    year; kept as a draft, or sent to the head at once (``send``)."""
    require(actor, "upload_material", school)
    author = actor.staff
    if author is None:  # the policy admits the school's staff only
        raise PermissionDenied("upload_material")
    mine = actor.member_association_ids | actor.headed_association_ids
    if association is None or association.pk not in mine or association.school_id != school.pk:
        raise ValidationError({"association": _("MA: choose one of the MAs you are a member of.")})
    year = current_year(school, actor.today)
    if year is None:
        raise ValidationError(
            {"association": _("The school has no school year yet; the deputy sets one up first.")}
        )
    material = Material(
        school=school, association=association, year=year, author=author, key=_next_key(school)
    )
    _describe(
        material,
        title=title,
        kind=kind,
        description=description,
        subject=subject,
        grade_from=grade_from,
        grade_to=grade_to,
        tags=tags,
    )
    if upload is None:
        raise ValidationError({"file": _("File: choose the file of the material.")})
    _attach(material, upload)
    material.status = MaterialStatus.SUBMITTED if send else MaterialStatus.DRAFT
    save_with_history(material, actor)
    return material


def _locked(material: Material) -> Material:
    return (
        Material.objects.select_for_update()
        .select_related("school", "association", "author")
        .get(pk=material.pk)
    )


@transaction.atomic
def material_update(
    *,
    actor: Viewer,
    material: Material,
    title: str,
    kind: str,
    description: str = "",
    subject: Subject | None = None,
    grade_from: int | None = None,
    grade_to: int | None = None,
    tags: str = "",
    upload: UploadedFile | None = None,
) -> Material:
    """The author changes a draft or a returned material; a new file replaces the old one in
    the material (the history keeps the earlier file's name)."""
    material = _locked(material)
    require(actor, "edit_material", material)
    if material.status not in EDITABLE:
        raise ValidationError(
            {"title": _("It has been sent to the MA head; it can be changed once returned.")}
        )
    _describe(
        material,
        title=title,
        kind=kind,
        description=description,
        subject=subject,
        grade_from=grade_from,
        grade_to=grade_to,
        tags=tags,
    )
    fields = [*DESCRIBED, "search_text"]
    if upload is not None:
        _attach(material, upload)
        fields += ["file", "file_name"]
    save_with_history(material, actor, fields)
    return material


@transaction.atomic
def material_submit(*, actor: Viewer, material: Material) -> Material:
    """The author sends a draft (or a returned material, improved) to the MA's head."""
    material = _locked(material)
    require(actor, "edit_material", material)
    if material.status not in EDITABLE:
        raise ValidationError({"status": _("It has been sent to the MA head already.")})
    material.status = MaterialStatus.SUBMITTED
    save_with_history(material, actor, ["status"])
    return material


@transaction.atomic
def material_evaluate(*, actor: Viewer, material: Material, comment: str, ready: bool) -> Material:
    """HEAD-D9: the head's evaluation with a comment. Ready for publication, or returned to the
    author, who improves it and sends it again; a returned material needs the comment."""
    material = _locked(material)
    require(actor, "evaluate_material", material)
    if actor.staff is None:  # heads and the leadership are on the school's staff
        raise PermissionDenied("evaluate_material")
    if material.status not in EVALUABLE:
        raise ValidationError(
            {
                "ready": _("It is a draft: the author has not sent it yet.")
                if material.status == MaterialStatus.DRAFT
                else _("It is published already; take it back from publication first.")
            }
        )
    comment = (comment or "").strip()
    if not ready and not comment:
        raise ValidationError(
            {"comment": _("Comment: write what the author should improve before publication.")}
        )
    require_within("comment", _("Comment"), comment, COMMENT_LIMIT)
    material.comment = comment
    material.status = MaterialStatus.READY if ready else MaterialStatus.RETURNED
    material.evaluated_by = actor.staff
    material.evaluated_on = actor.today
    save_with_history(material, actor, ["comment", "status", "evaluated_by", "evaluated_on"])
    return material


@transaction.atomic
def material_publish(*, actor: Viewer, material: Material) -> Material:
    """HEAD-D10: a material ready for publication becomes the school's and the district's."""
    material = _locked(material)
    require(actor, "publish_material", material)
    if actor.staff is None and not actor.is_administrator:
        raise PermissionDenied("publish_material")
    if material.status != MaterialStatus.READY:
        raise ValidationError(
            {"status": _("Only a material the MA head marked ready for publication is published.")}
        )
    material.status = MaterialStatus.PUBLISHED
    material.published_by = actor.staff
    material.published_on = actor.today
    save_with_history(material, actor, ["status", "published_by", "published_on"])
    return material


@transaction.atomic
def material_unpublish(*, actor: Viewer, material: Material) -> Material:
    """Taken back from publication: ready for publication again, read by its MA only."""
    material = _locked(material)
    require(actor, "publish_material", material)
    if material.status != MaterialStatus.PUBLISHED:
        raise ValidationError({"status": _("It is not published.")})
    material.status = MaterialStatus.READY
    save_with_history(material, actor, ["status"])
    return material
