"""The cast of Usul's tests: two schools of two districts, with a person for every role.

School ``sch-17`` (district ``osh-city``) holds two MAs and everyone the policy tells apart:

- the STEM MA ``ma-stem``: its head Асанова (``head``), the teacher Бекова (``teacher``, the
  owner of the records below) and her colleague Өмүрбеков (``colleague``), supervised by the
  deputy for teaching and upbringing (УВР) Осмонова (``deputy``);
- the language MA ``ma-lang``: Токтосунова (``stranger``, a teacher of the school outside
  the STEM MA) and the class teacher Сатыбалдиева (``class_teacher``), supervised by the
  deputy for scientific-methodological work (НМР) Жумабаева (``deputy_nmr``);
- the director Токтогулов (``director``).

Its records, owned by the teacher: the STEM MA's work plan of 2025-2026 with one item she is
responsible for (and a linked material), a scheduled meeting with a resolution assigned to her,
her scheduled open lesson with the colleague signed up, the colleague's observation of it, and a
notification waiting for her.

School ``sch-99`` (district ``naryn``) is the outsider (Kolibri's two-facility pattern): its
deputy Сыдыков (``outsider``), its teacher Орозова and the MA ``ma-out`` hold records of the same
kinds, which nobody of ``sch-17`` may even learn exist (404).

Log-ins without a school: the methodologist of ``osh-city`` (``district``), the methodologist of
``naryn`` (``other_district``), the administrator (``admin``) and a user with no role
(``nobody``). Every log-in's password is ``test-pass-123``.

Memberships and positions run open-ended, so they hold "today" whatever day the tests run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from usul.associations.models import Association
from usul.orders.models import OrderKind
from usul.people.models import Role, Staff
from usul.schools.models import Area, School, SchoolYear
from usul.testing import factories as f

D = dt.date


@dataclass
class Records:
    """One school's records of every kind a page names, owned by one of its teachers."""

    school: School
    year: SchoolYear
    association: Association
    owner: Staff
    plan: object
    item: object
    material: object
    meeting: object
    resolution: object
    lesson: object
    observation: object
    notification: object
    appeal: object  # the owner's proposal (RIGHT-1)
    nomination: object  # the owner's nomination by the MA (RIGHT-4)
    mentorship: object  # the owner mentored by the observer (SVC-D5), with one logged meeting
    thematic_plan: object  # the owner's calendar-thematic plan with one lesson (DOC-11)
    idea: object  # the owner's material in the bank of ideas, sent to the MA head (SVC-T2)
    feed_token: str  # the owner's private calendar address (calendars:feed)
    # A council decision (GEN-6) and a district instruction (FUNC-1) that change no finding:
    # the decision approves no MA, the instruction is for a subject no MA teaches.
    decision: object = None
    instruction: object = None


@dataclass
class Scene:
    school: School
    stem: Association
    lang: Association
    director: Staff
    deputy: Staff  # for teaching and upbringing (УВР)
    deputy_nmr: Staff  # for scientific-methodological work (НМР)
    head: Staff
    teacher: Staff
    colleague: Staff
    stranger: Staff
    class_teacher: Staff
    outsider: School
    outsider_ma: Association
    outsider_staff: Staff
    outsider_deputy: Staff
    ours: Records | None = None
    theirs: Records | None = None
    users: dict = field(default_factory=dict)

    def records_of(self, school: School) -> Records:
        return self.ours if school.pk == self.school.pk else self.theirs

    def viewer(self, role: str, day: dt.date | None = None):
        """The policy's viewer of that member of the cast, with their roles on ``day``
        (default: today), as a page would pass it to a service."""
        from usul.accounts.policy import viewer_for

        return viewer_for(self.users[role], day)


def _records(association: Association, owner: Staff, observer: Staff) -> Records:
    from usul.accounts.policy import viewer_for
    from usul.calendars.services import calendar_feed_create
    from usul.planning.models import PlanItemMaterial

    school = association.school
    year = school.years.get(key="2025-2026")
    plan = f.make_plan(association, year=year)
    item = f.add_plan_item(plan, date=D(2025, 10, 20), responsible=owner, title="Семинар")
    material = PlanItemMaterial.objects.create(
        item=item, title="Семинардын презентациясы", link="https://example.org/seminar"
    )
    meeting = f.make_meeting(
        association, year=year, number=1, date=D(2025, 10, 14), status="scheduled", key="m-1"
    )
    resolution = f.make_resolution(meeting, responsible=owner, due=D(2025, 11, 14))
    lesson = f.make_open_lesson(
        association, teacher=owner, year=year, key="ol-1", visitors=[observer]
    )
    observation = f.make_observation(teacher=owner, observer=observer, open_lesson=lesson)
    notification = f.make_notification(owner)
    appeal, nomination = _rights_of(association, owner, resolution)
    mentorship = _mentorship_of(year, owner, observer)
    thematic_plan = _thematic_plan_of(year, owner)
    idea = _idea_of(association, year, owner)
    _, feed_token = calendar_feed_create(actor=viewer_for(owner.user), user=owner.user)
    decision, instruction = _council_and_district_of(year)
    return Records(
        school=school,
        year=year,
        association=association,
        owner=owner,
        plan=plan,
        item=item,
        material=material,
        meeting=meeting,
        resolution=resolution,
        lesson=lesson,
        observation=observation,
        notification=notification,
        appeal=appeal,
        nomination=nomination,
        mentorship=mentorship,
        thematic_plan=thematic_plan,
        idea=idea,
        feed_token=feed_token,
        decision=decision,
        instruction=instruction,
    )


def _council_and_district_of(year):
    from usul.orders.models import CouncilDecision
    from usul.schools.models import DistrictInstruction

    decision = CouncilDecision.objects.create(
        school=year.school,
        key="cd-scene",
        year=year,
        date=D(2025, 8, 27),
        text="Мектепте усулдук бирикмелердин саны бекитилсин.",
    )
    instruction = DistrictInstruction.objects.create(
        school=year.school,
        key="di-scene",
        year=year,
        number="07",
        date=D(2025, 8, 15),
        title="Физика сабагы боюнча",
        targets_all=False,
    )
    # The subject of the owner's calendar-thematic plan, which no MA names.
    instruction.target_subjects.set(year.school.subjects.filter(key="ctp-physics"))
    return decision, instruction


def _thematic_plan_of(year, teacher: Staff):
    from usul.people.models import ThematicPlan, ThematicPlanItem

    plan = ThematicPlan.objects.create(
        staff=teacher,
        year=year,
        subject=f.make_subject(year.school, key="ctp-physics", name="Физика"),
        grade=7,
        kind="subject",
    )
    ThematicPlanItem.objects.create(plan=plan, n=1, topic="Кыймыл", hours=1)
    return plan


def _idea_of(association: Association, year, author: Staff):
    from usul.ideas.models import Material
    from usul.ideas.search import words

    title, description = "Сабактын планы: бөлчөктөр", "Топтук иш менен сабак."
    return Material.objects.create(
        school=association.school,
        key="idea-1",
        association=association,
        year=year,
        author=author,
        title=title,
        kind="lesson_plan",
        description=description,
        # A stored file's name; a test that downloads it stores the file (test_url_table).
        file=f"ideas/{association.school.key}-idea-1.pdf",
        file_name="Сабактын планы.pdf",
        status="submitted",
        search_text=" ".join(words(title, description)),
    )


def _mentorship_of(year, mentee: Staff, mentor: Staff):
    from usul.mentoring.models import MentoringMeeting, Mentorship

    mentorship = Mentorship.objects.create(
        school=year.school,
        key="mt-1",
        year=year,
        mentee=mentee,
        mentor=mentor,
        reason="young_specialist",
        start=D(2025, 9, 15),
        plan="Сабак пландоо, баалоо",
    )
    MentoringMeeting.objects.create(mentorship=mentorship, date=D(2025, 10, 1), topic="Пландоо")
    return mentorship


def _rights_of(association: Association, owner: Staff, resolution):
    from usul.rights.models import Appeal, Nomination

    appeal = Appeal.objects.create(
        school=association.school,
        key="p-1",
        kind="teaching",
        author=owner,
        association=association,
        title="Сабакка окуучулардын катышуусу",
        text="Ар бир сабакта топтук иш.",
    )
    nomination = Nomination.objects.create(
        school=association.school,
        key="n-1",
        year=resolution.meeting.year,
        association=association,
        nominee=owner,
        contest="teacher_of_year",
        resolution=resolution,
    )
    return appeal, nomination


def make_schools() -> tuple[School, School]:
    """``sch-17`` of ``osh-city`` and the outsider ``sch-99`` of ``naryn``, each with 2025-2026."""
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(school)
    other = f.make_school(key="sch-99", name="№99 мектеп", district=f.make_district(key="naryn"))
    f.make_year(other)
    return school, other


def build_scene(
    school: School | None = None,
    director: Staff | None = None,
    deputy: Staff | None = None,
    outsider_school: School | None = None,
) -> Scene:
    """The whole cast; the schools and the two leaders are made unless given."""
    if school is None or outsider_school is None:
        school, outsider_school = make_schools()
    director = director or f.make_staff(
        school, roles=(Role.DIRECTOR,), last_name="Токтогулов", first_name="Бакыт"
    )
    deputy = deputy or f.make_staff(
        school, roles=(Role.DEPUTY_ACADEMIC,), last_name="Осмонова", first_name="Гүлнара"
    )
    math = f.make_subject(school, key="math", name="Математика")
    kyrgyz = f.make_subject(school, key="kyrgyz", area=Area.LANGUAGES, name="Кыргыз тили")
    director.key, deputy.key = "t-director", "t-deputy"
    director.save(update_fields=["key"])
    deputy.save(update_fields=["key"])
    deputy_nmr = f.make_staff(
        school,
        key="t-deputy-nmr",
        roles=(Role.DEPUTY_METHODICAL,),
        last_name="Жумабаева",
        first_name="Айпери",
    )
    head = f.make_staff(
        school,
        key="t-head",
        last_name="Асанова",
        first_name="Айгүл",
        birth_date=D(1980, 3, 12),
        education_level="higher",
        education_specialty="Математика",
    )
    f.make_employment(head, start=D(2002, 9, 1))
    f.make_category(head, category="first", awarded=D(2021, 4, 10))
    teacher = f.make_staff(
        school,
        key="t-bekova",
        last_name="Бекова",
        first_name="Жаңыл",
        birth_date=D(1990, 5, 5),
        education_level="higher",
    )
    f.make_employment(teacher, start=D(2012, 9, 1), organization="№5 мектеп")
    f.make_category(teacher, category="second", awarded=D(2022, 1, 15))
    colleague = f.make_staff(
        school, key="t-omur", last_name="Өмүрбеков", first_name="Үсөн", birth_date=D(1985, 1, 2)
    )
    stranger = f.make_staff(
        school,
        key="t-stranger",
        last_name="Токтосунова",
        first_name="Нуриза",
        birth_date=D(1975, 7, 7),
    )
    f.make_employment(stranger, start=D(1998, 9, 1))
    class_teacher = f.make_staff(
        school,
        key="t-class",
        roles=(Role.TEACHER, Role.CLASS_TEACHER),
        last_name="Сатыбалдиева",
        first_name="Гүлмира",
        birth_date=D(1988, 2, 2),
    )
    stem = f.make_association(
        school, key="ma-stem", name="Табигый-математикалык цикл", subjects=[math]
    )
    order = stem.created_by
    order.proposed_by, order.signed_by = deputy, director
    order.save(update_fields=["proposed_by", "signed_by"])
    for person in (head, teacher, colleague):
        f.add_member(stem, person)
    f.add_head(
        stem,
        head,
        order=f.make_order(
            school, kind=OrderKind.HEAD_CONFIRM, association=stem, signed_by=director
        ),
    )
    f.add_supervisor(stem, deputy)
    lang = f.make_association(school, key="ma-lang", name="Тил цикли", subjects=[kyrgyz])
    f.add_member(lang, stranger)
    f.add_member(lang, class_teacher)
    f.add_supervisor(lang, deputy_nmr)

    out_deputy = f.make_staff(
        outsider_school,
        key="t-deputy",
        roles=(Role.DEPUTY_ACADEMIC,),
        last_name="Сыдыков",
        first_name="Марат",
    )
    outsider_staff = f.make_staff(
        outsider_school,
        key="t-out",
        last_name="Орозова",
        first_name="Бермет",
        birth_date=D(1970, 1, 1),
    )
    out_colleague = f.make_staff(
        outsider_school, key="t-out-colleague", last_name="Маматов", first_name="Азамат"
    )
    outsider_ma = f.make_association(outsider_school, key="ma-out", name="Сырттагы бирикме")
    f.add_member(outsider_ma, outsider_staff)
    f.add_member(outsider_ma, out_colleague)
    f.add_supervisor(outsider_ma, out_deputy)

    users = {
        "director": f.make_user(director, username="director"),
        "deputy": f.make_user(deputy, username="deputy"),
        "deputy_nmr": f.make_user(deputy_nmr, username="deputy-nmr"),
        "head": f.make_user(head, username="head"),
        "teacher": f.make_user(teacher, username="teacher"),
        "colleague": f.make_user(colleague, username="colleague"),
        "stranger": f.make_user(stranger, username="stranger"),
        "class_teacher": f.make_user(class_teacher, username="class-teacher"),
        "district": f.make_user(username="district", district=school.district),
        "other_district": f.make_user(username="naryn", district=outsider_school.district),
        "admin": f.make_user(username="admin", is_administrator=True),
        "nobody": f.make_user(username="nobody"),
        "outsider": f.make_user(out_deputy, username="outsider"),
        "outsider_teacher": f.make_user(outsider_staff, username="orozova"),
    }
    return Scene(
        school=school,
        stem=stem,
        lang=lang,
        director=director,
        deputy=deputy,
        deputy_nmr=deputy_nmr,
        head=head,
        teacher=teacher,
        colleague=colleague,
        stranger=stranger,
        class_teacher=class_teacher,
        outsider=outsider_school,
        outsider_ma=outsider_ma,
        outsider_staff=outsider_staff,
        outsider_deputy=out_deputy,
        ours=_records(stem, teacher, colleague),
        theirs=_records(outsider_ma, outsider_staff, out_colleague),
        users=users,
    )
