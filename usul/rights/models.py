"""The rights of an MA and its members (RIGHT-1…RIGHT-4): what they may ask of the school.

- **RIGHT-1, RIGHT-2** A member submits a *proposal*: for improving the school's teaching
  process, or a form of qualification upgrading. The deputy director answers it; the head of
  the author's MA reads it too (HEAD-D6: the head organises the MA's methodological work).
- **RIGHT-3** A member asks the deputy director for a *consultation* on teaching or upbringing.
  It is between the teacher and the deputies: the MA's head does not read it.
- **RIGHT-4** An MA *nominates* a teacher for "Teacher of the Year" or "Best Class Teacher" by
  a resolution of its meeting (ORG-4); the nomination then goes through the contest's stages
  (school, district, region, republic) and ends with a result. Nominations are the school's
  public record of its teachers' recognition: every colleague reads them.

A proposal or consultation is one ``Appeal`` (the same life: asked, answered or declined,
possibly withdrawn); its ``kind`` says which right it uses and who reads it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field

# The longest real texts: a proposal is a page or two; an answer the same.
TITLE_LIMIT = 200
TEXT_LIMIT = 5_000


class AppealKind(models.TextChoices):
    TEACHING = "teaching", _("Proposal for improving the teaching process")  # RIGHT-1
    QUALIFICATION = "qualification", _("Proposal of a form of qualification upgrading")  # RIGHT-2
    CONSULTATION = "consultation", _("Request for a consultation")  # RIGHT-3


# Kinds the head of the author's MA reads (proposals, not consultations).
READ_BY_HEAD = frozenset({AppealKind.TEACHING, AppealKind.QUALIFICATION})


class AppealStatus(models.TextChoices):
    SUBMITTED = "submitted", _("waiting for an answer")
    ANSWERED = "answered", _("answered")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn by the author")


OPEN_STATUSES = frozenset({AppealStatus.SUBMITTED})


class Appeal(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    key = key_field()
    kind = models.CharField(_("kind"), max_length=20, choices=AppealKind.choices)
    author = models.ForeignKey(
        "people.Staff", on_delete=models.PROTECT, related_name="appeals", verbose_name=_("author")
    )
    # The author's MA when it was submitted: its head reads a proposal (HEAD-D6).
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name=_("MA"),
    )
    title = models.CharField(_("what it is about"), max_length=TITLE_LIMIT)
    text = models.TextField(_("text"), max_length=TEXT_LIMIT)
    status = models.CharField(
        _("status"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.SUBMITTED
    )
    answer = models.TextField(_("answer"), max_length=TEXT_LIMIT, blank=True)
    answered_by = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    # A consultation may be given at a meeting: when and where, as the deputy sets it.
    consultation_on = models.DateField(_("consultation on"), null=True, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposal or consultation request")
        verbose_name_plural = _("proposals and consultation requests")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="appeal_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Contest(models.TextChoices):
    TEACHER_OF_YEAR = "teacher_of_year", _("“Teacher of the Year”")
    BEST_CLASS_TEACHER = "best_class_teacher", _("“Best Class Teacher”")


class ContestStage(models.TextChoices):
    SCHOOL = "school", _("school stage")
    DISTRICT = "district", _("district stage")
    REGION = "region", _("regional stage")
    REPUBLIC = "republic", _("republican stage")


STAGE_ORDER = [s.value for s in ContestStage]


class NominationResult(models.TextChoices):
    TAKING_PART = "taking_part", _("taking part")
    PASSED = "passed", _("went on to the next stage")
    PRIZE = "prize", _("prize-winner")
    WINNER = "winner", _("winner")
    NOT_PASSED = "not_passed", _("did not go further")
    WITHDRAWN = "withdrawn", _("withdrawn")


FINAL_RESULTS = frozenset(
    {NominationResult.WINNER, NominationResult.NOT_PASSED, NominationResult.WITHDRAWN}
)


class Nomination(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("school year"),
    )
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("MA"),
    )
    nominee = models.ForeignKey(
        "people.Staff",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("nominee"),
    )
    contest = models.CharField(_("contest"), max_length=30, choices=Contest.choices)
    # RIGHT-4: the MA nominates by a resolution of its meeting (ORG-4).
    resolution = models.ForeignKey(
        "meetings.Resolution",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("resolution"),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=ContestStage.choices, default=ContestStage.SCHOOL
    )
    result = models.CharField(
        _("result"),
        max_length=20,
        choices=NominationResult.choices,
        default=NominationResult.TAKING_PART,
    )
    note = models.TextField(_("note"), max_length=1_000, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["-year__start", "contest", "nominee__last_name", "key"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="nomination_key_per_school"),
            # One nomination of a teacher for a contest in a year; a second is the same one.
            models.UniqueConstraint(
                fields=["year", "nominee", "contest"], name="one_nomination_per_contest_and_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} · {self.get_contest_display()}"
