"""Writes of the MA's rights (RIGHT-1…RIGHT-4). Each takes the actor and checks the policy.

- ``appeal_submit`` / ``appeal_answer`` / ``appeal_withdraw``: a member's proposal (RIGHT-1,
  RIGHT-2) or request for a consultation (RIGHT-3), answered by the deputy director.
- ``nomination_create`` / ``nomination_update``: the MA's nomination of a teacher for a contest
  by a resolution of its meeting (RIGHT-4), then its stage and result.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.associations.selectors import associations_of_staff_at, members_at
from usul.lib.history import save_with_history
from usul.lib.text_limits import require_within
from usul.meetings.models import MeetingStatus, Resolution
from usul.people.models import Staff
from usul.rights.models import (
    FINAL_RESULTS,
    STAGE_ORDER,
    TEXT_LIMIT,
    TITLE_LIMIT,
    Appeal,
    AppealKind,
    AppealStatus,
    Contest,
    ContestStage,
    Nomination,
    NominationResult,
)
from usul.schools.models import School

# The statuses a deputy may answer with.
ANSWERS = frozenset({AppealStatus.ANSWERED, AppealStatus.ACCEPTED, AppealStatus.DECLINED})


def _next_appeal_key(school: School) -> str:
    # Lock the school so that two requests sent at once never get the same number.
    School.objects.select_for_update().filter(pk=school.pk).first()
    taken = Appeal.objects.filter(school=school).count()
    number = taken + 1
    while Appeal.objects.filter(school=school, key=f"p-{number}").exists():
        number += 1
    return f"p-{number}"


@transaction.atomic
def appeal_submit(*, actor: Viewer, school: School, kind: str, title: str, text: str) -> Appeal:
    """A member's proposal or request for a consultation, addressed to the deputy director.
    A proposal remembers the author's MA at the time, whose head reads it too (HEAD-D6)."""
    require(actor, "submit_appeal", school)
    author = actor.staff
    if author is None:  # the policy admits the school's staff only
        raise PermissionDenied("submit_appeal")
    title, text = (title or "").strip(), (text or "").strip()
    errors: dict[str, str] = {}
    if kind not in AppealKind.values:
        errors["kind"] = _("Kind of request: choose what you are sending.")
    if not title:
        errors["title"] = _("What it is about: write it in a few words.")
    if not text:
        errors["text"] = _("Your proposal or question: write it out.")
    if errors:
        raise ValidationError(errors)
    require_within("title", _("What it is about"), title, TITLE_LIMIT)
    require_within("text", _("Your proposal or question"), text, TEXT_LIMIT)
    mine = associations_of_staff_at(author, actor.today)
    appeal = Appeal(
        school=school,
        key=_next_appeal_key(school),
        kind=kind,
        author=author,
        association=mine[0] if mine else None,
        title=title,
        text=text,
    )
    save_with_history(appeal, actor)
    return appeal


def _locked_appeal(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().select_related("school", "author").get(pk=appeal.pk)


@transaction.atomic
def appeal_answer(
    *,
    actor: Viewer,
    appeal: Appeal,
    status: str,
    answer: str,
    consultation_on: dt.date | None = None,
) -> Appeal:
    """The deputy's answer: accepted, declined or answered, with a text the author reads. An
    answer may be corrected later (the history keeps every version); a withdrawn request is
    closed."""
    appeal = _locked_appeal(appeal)
    require(actor, "answer_appeal", appeal)
    if appeal.status == AppealStatus.WITHDRAWN:
        raise ValidationError(
            {"status": _("Status: the author has withdrawn this request; it is closed.")}
        )
    answer = (answer or "").strip()
    if status not in ANSWERS:
        raise ValidationError({"status": _("Decision: choose accepted, declined or answered.")})
    if not answer:
        raise ValidationError({"answer": _("Answer: write what you answer the author.")})
    require_within("answer", _("Answer"), answer, TEXT_LIMIT)
    if consultation_on is not None and appeal.kind != AppealKind.CONSULTATION:
        raise ValidationError(
            {"consultation_on": _("Consultation date: only a consultation request has one.")}
        )
    if actor.staff is None:  # the leadership of a school is on its staff
        raise PermissionDenied("answer_appeal")
    appeal.status = status
    appeal.answer = answer
    appeal.answered_by = actor.staff
    appeal.answered_on = actor.today
    appeal.consultation_on = consultation_on
    save_with_history(
        appeal, actor, ["status", "answer", "answered_by", "answered_on", "consultation_on"]
    )
    return appeal


@transaction.atomic
def appeal_withdraw(*, actor: Viewer, appeal: Appeal) -> Appeal:
    """The author takes back a request not yet answered. Nothing is deleted: it stays, marked
    withdrawn, in the author's list and the deputy's."""
    appeal = _locked_appeal(appeal)
    require(actor, "withdraw_appeal", appeal)
    if appeal.status != AppealStatus.SUBMITTED:
        raise ValidationError(
            {"status": _("Status: it has been answered already and can no longer be withdrawn.")}
        )
    appeal.status = AppealStatus.WITHDRAWN
    save_with_history(appeal, actor, ["status"])
    return appeal


@transaction.atomic
def nomination_create(
    *, actor: Viewer, resolution: Resolution, nominee: Staff | None, contest: str, note: str = ""
) -> Nomination:
    """RIGHT-4: the MA nominates one of its teachers by a resolution of a held meeting. The
    school year and the MA are the meeting's; the nomination starts at the school stage."""
    meeting = resolution.meeting
    association: Association = meeting.association
    require(actor, "manage_association", association)
    if nominee is None:
        raise ValidationError({"nominee": _("Teacher: choose the teacher the MA nominates.")})
    errors: dict[str, str] = {}
    if meeting.status != MeetingStatus.HELD:
        errors["resolution"] = _(
            "Resolution: the meeting has not been held yet; an MA nominates by the resolution "
            "of a held meeting."
        )
    if contest not in Contest.values:
        errors["contest"] = _("Contest: choose the contest.")
    if nominee.school_id != association.school_id:
        errors["nominee"] = _("Teacher: the teacher is not on this school's staff.")
    elif meeting.date is not None and nominee.pk not in {
        s.pk for s in members_at(association, meeting.date)
    }:
        errors["nominee"] = _(
            "Teacher: %(name)s was not a member of the MA on the day of the meeting."
        ) % {"name": nominee.short_name}
    note = (note or "").strip()
    if errors:
        raise ValidationError(errors)
    require_within("note", _("Note"), note, 1_000)
    earlier = Nomination.objects.filter(
        year_id=meeting.year_id, nominee=nominee, contest=contest
    ).first()
    if earlier is not None:
        raise ValidationError(
            {
                "nominee": _(
                    "Teacher: %(name)s is already nominated for %(contest)s this school year."
                )
                % {"name": nominee.short_name, "contest": earlier.get_contest_display()}
            }
        )
    nomination = Nomination(
        school_id=association.school_id,
        key=f"{meeting.year.key}-{contest}-{nominee.key}"[:100],
        year_id=meeting.year_id,
        association=association,
        nominee=nominee,
        contest=contest,
        resolution=resolution,
        note=note,
    )
    save_with_history(nomination, actor)
    return nomination


@transaction.atomic
def nomination_update(
    *, actor: Viewer, nomination: Nomination, stage: str, result: str, note: str = ""
) -> Nomination:
    """The contest's progress: the stage reached and the result there. A stage is never gone
    back to — the record of an earlier stage is in the history — and nothing comes after the
    republican stage."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    require(actor, "manage_association", nomination)
    errors: dict[str, str] = {}
    if stage not in ContestStage.values:
        errors["stage"] = _("Stage: choose the stage of the contest.")
    elif STAGE_ORDER.index(stage) < STAGE_ORDER.index(nomination.stage):
        errors["stage"] = _(
            "Stage: the nomination has reached the %(stage)s already; a stage is not gone back to."
        ) % {"stage": nomination.get_stage_display()}
    if result not in NominationResult.values:
        errors["result"] = _("Result: choose the result.")
    elif result == NominationResult.PASSED and stage == ContestStage.REPUBLIC:
        errors["result"] = _(
            "Result: the republican stage is the last one; choose winner, prize-winner or "
            "did not go further."
        )
    elif (
        nomination.result in FINAL_RESULTS
        and stage != nomination.stage
        and STAGE_ORDER.index(stage) > STAGE_ORDER.index(nomination.stage)
    ):
        errors["stage"] = _(
            "Stage: the nomination ended at the %(stage)s (%(result)s); it does not go further."
        ) % {"stage": nomination.get_stage_display(), "result": nomination.get_result_display()}
    note = (note or "").strip()
    if errors:
        raise ValidationError(errors)
    require_within("note", _("Note"), note, 1_000)
    nomination.stage = stage
    nomination.result = result
    nomination.note = note
    save_with_history(nomination, actor, ["stage", "result", "note"])
    return nomination
