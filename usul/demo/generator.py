"""The demo school: a seeded generator of a realistic Kyrgyz school, as a bundle (BUNDLE.md).

``generate(seed=…, today=…)`` returns a bundle dict that ``usul demo`` imports through the
bundle importer, like any school's data. Nothing is written by hand: one ``random.Random(seed)``
draws every name and date, so the same seed and the same ``today`` give the same school and
another seed gives another one.

The school, dated relative to ``today`` so that the demo always looks current:

- staff with the data bank of DOC-9 (birth dates, education, employment, categories, teaching,
  self-development topics, courses, calendar-thematic plans), a director and the two deputies
  of GEN-8 (teaching and upbringing; scientific-methodological work), teachers of Kyrgyz- and
  Russian-language classes (5А/5Б…), class teachers and an educator;
- one MA per grouping of the framework curriculum (GEN-2), a larger school splitting a grouping
  in two, plus the MA of class teachers (GEN-5); each created by the director's order on a
  deputy's proposal (GEN-8), supervised by a deputy (GEN-9), with a head elected at a meeting
  and confirmed by order (ORG-1, DOC-2), listed by the methodological council (GEN-4, GEN-6);
- the **previous school year complete**: approved plans (ORG-2), five meetings with resolutions
  (ORG-4), open lessons with observations (ORG-3, HEAD-D1), the deputy's analysis with proposals
  (ORG-5), KTU (FUNC-5) and the documentation register (DOC-1…DOC-12);
- the **school year in progress** at ``today``: what lies before ``today`` has happened (held,
  done, some resolutions still open past their due date), what lies after is scheduled;
- a few **deliberate gaps** for the compliance page (RULES.md), listed in ``Demo.gaps``.

School years run 1 September – 31 May. In June–August the year being prepared counts as the
current one (its MAs meet in late August); the spec is silent there.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from usul.demo import vocabulary as v
from usul.lib.dates import add_years, covers, month_key

D = dt.date

MIN_STAFF = 32  # the fewest staff for which every MA keeps three members (GEN-2)
MIN_ASSOCIATIONS = 5  # four groupings (GEN-2) + class teachers (GEN-5)
MAX_ASSOCIATIONS = MIN_ASSOCIATIONS + len(v.SPLIT_ORDER)
CLASS_LABELS = [f"{grade}А" for grade in range(5, 12)] + [f"{grade}Б" for grade in range(5, 10)]


@dataclass(frozen=True)
class Year:
    key: str
    start: dt.date
    end: dt.date

    @classmethod
    def starting(cls, first: int) -> Year:
        return cls(f"{first}-{first + 1}", D(first, 9, 1), D(first + 1, 5, 31))


def current_year(today: dt.date) -> Year:
    """The school year in progress at ``today``; in summer, the one being prepared."""
    return Year.starting(today.year if today.month >= 6 else today.year - 1)


@dataclass
class Demo:
    """What ``build`` makes: the bundle, who logs in as which role, and the deliberate gaps."""

    bundle: dict
    # persona ("director", "deputy_academic", "deputy_methodical", "ma_head", "teacher",
    # "class_teacher") → staff key
    personas: dict[str, str]
    # The findings compliance must report for the current year at ``today``, as
    # (rule, subject type, subject key) — RULES.md.
    gaps: list[tuple[str, str, str]]


def generate(
    *, seed: int = 2025, today: dt.date, staff_count: int = 44, associations: int = 6
) -> dict:
    """A bundle of the demo school (BUNDLE.md, version 1)."""
    return build(seed=seed, today=today, staff_count=staff_count, associations=associations).bundle


def build(
    *, seed: int = 2025, today: dt.date, staff_count: int = 44, associations: int = 6
) -> Demo:
    if staff_count < MIN_STAFF:
        raise ValueError(f"staff_count must be at least {MIN_STAFF} (got {staff_count})")
    if not MIN_ASSOCIATIONS <= associations <= MAX_ASSOCIATIONS:
        raise ValueError(
            f"associations must be between {MIN_ASSOCIATIONS} and {MAX_ASSOCIATIONS} "
            f"(got {associations})"
        )
    return _DemoSchool(random.Random(seed), today, staff_count, associations).build()


# --- People --------------------------------------------------------------------------------


@dataclass(eq=False)
class Person:
    """One staff member while the school is being made up; becomes a bundle ``staff`` entry."""

    role: str  # the main position: teacher, director, deputy_academic, …
    profile: v.Profile | None = None
    russian: bool = False  # teaches in the Russian-language classes
    grade: int | None = None  # a primary teacher's class this year
    letter: str = "А"  # the classes they teach: "Б" are the Russian-language ones
    senior: bool = False  # experienced enough to head an MA (GEN-3, HEAD-1)
    young: bool = False  # a young specialist in their first year (SVC-D5)
    expired_category: bool = False  # the head whose category ran out (HEAD-CATEGORY gap)
    newcomer: bool = False  # newly arrived this year, not yet in an MA (SVC-D6)
    class_label: str | None = None  # class teacher of this class
    class_teacher_since: dt.date | None = None
    association: str | None = None  # the subject MA (key)
    gender: str = "f"
    # Filled in by ``_DemoSchool._describe``:
    key: str = ""
    last_name: str = ""
    first_name: str = ""
    patronymic: str = ""
    joined: dt.date = D(2000, 9, 1)
    record: dict = field(default_factory=dict)
    # year key → [(subject key, grades)]
    teaching: dict[str, list[tuple[str, list[int]]]] = field(default_factory=dict)

    @property
    def short_name(self) -> str:
        return f"{self.last_name} {self.first_name[0]}.{self.patronymic[0]}."

    @property
    def area(self) -> str:
        return self.profile.area if self.profile else "class_teachers"


@dataclass(eq=False)
class Association:
    info: v.AssociationInfo
    supervisor: Person
    created: dt.date
    members: list[tuple[Person, dt.date]] = field(default_factory=list)
    # year key → [(number, date, status)]
    meetings: dict[str, list[tuple[int, dt.date, str]]] = field(default_factory=dict)
    subjects: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def short(self) -> str:
        return self.info.key.removeprefix("ma-")

    @property
    def head(self) -> Person:
        return self.members[0][0]

    def members_at(self, day: dt.date) -> list[Person]:
        return [person for person, since in self.members if since <= day]


def _school_day(day: dt.date) -> dt.date:
    """The nearest working day on or before ``day``: a meeting planned for a Saturday is
    held on Friday (and the year's last meeting stays within May)."""
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _next_school_day(day: dt.date) -> dt.date:
    """The nearest working day on or after ``day``."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


class _DemoSchool:
    def __init__(self, rng: random.Random, today: dt.date, staff_count: int, associations: int):
        self.rng = rng
        self.today = today
        self.current = current_year(today)
        self.previous = Year.starting(self.current.start.year - 1)
        self.years = [self.previous, self.current]
        self.s = self.current.start.year  # the current year's first calendar year
        self.staff_count = staff_count
        self.splits = v.SPLIT_ORDER[: associations - MIN_ASSOCIATIONS]
        self.infos: list[v.AssociationInfo] = []
        for whole in v.WHOLE_AREAS:
            self.infos.extend(v.SPLITS[whole.area] if whole.area in self.splits else [whole])
        self.infos.append(v.CLASS_TEACHERS)
        self.people: list[Person] = []
        self.associations: list[Association] = []
        self.orders: list[dict] = []
        self.order_keys: dict[tuple, str] = {}
        self.used_names: set[tuple[str, str]] = set()
        self.used_keys: set[str] = set()

    def past(self, day: dt.date) -> bool:
        """Has it happened by ``today``? What lies on or after ``today`` is still ahead."""
        return day < self.today

    # -- the whole school

    def build(self) -> Demo:
        self._cast()
        for person in self.people:
            self._describe(person)
        self._form_associations()
        self._schedule_meetings()
        self._write_orders()
        bundle = {
            "format": "usul-bundle",
            "version": 1,
            "exported_at": f"{self.today.isoformat()}T00:00:00Z",
            "district": dict(v.DISTRICT),
            "school": {
                **v.SCHOOL,
                "settings": {
                    "plan_deadline_days": 14,
                    "young_specialist_years": 3,
                    "newly_arrived_days": 365,
                    "ktu_required": True,
                },
            },
            "years": [
                {
                    "key": y.key,
                    "start": y.start.isoformat(),
                    "end": y.end.isoformat(),
                    "theme": v.SCHOOL_THEMES[(y.start.year + self.rng.randint(0, 1)) % 4],
                }
                for y in self.years
            ],
            "subjects": [
                {"key": s.key, "name": {"ky": s.ky, "ru": s.ru, "en": s.en}, "area": s.area}
                for s in v.SUBJECTS
            ],
            "staff": [],
            "orders": [],
            "council_decisions": self._council_decisions(),
            "district_instructions": self._instructions(),
            "associations": [],
        }
        instructions = bundle["district_instructions"]
        bundle["associations"] = [self._association(a, instructions) for a in self.associations]
        bundle["staff"] = [p.record for p in self._staff_order()]
        bundle["orders"] = self.orders
        return Demo(bundle=bundle, personas=self._personas(), gaps=self._gaps())

    # -- who works here

    def _cast(self) -> None:
        """Decide who the school's people are: leadership, teachers by profile, class teachers."""
        rng = self.rng
        leaders = [
            Person("director", v.PROFILE["history"], gender="m", senior=True),
            Person("deputy_academic", v.PROFILE["math"], senior=True),
            Person("deputy_methodical", v.PROFILE["kyrgyz"], senior=True),
            Person("educator"),
            Person("other"),
            # SVC-D6: arrived a few weeks ago and not yet in an MA — SCHOOL-UNASSIGNED.
            Person("teacher", v.PROFILE["english"], newcomer=True),
        ]
        teachers: list[Person] = []
        for profile, count in self._allocate(self.staff_count - len(leaders)).items():
            for index in range(count):
                person = Person("teacher", v.PROFILE[profile])
                if profile == "primary":
                    person.grade = 1 + index % 4
                    person.letter = "АБВГ"[index // 4 % 4]
                person.gender = "f" if rng.random() < _female_share(profile) else "m"
                # Teachers of the Russian-language classes ("Б"): Russian names.
                person.russian = (
                    profile == "russian"
                    or (profile == "primary" and person.letter == "Б")
                    or rng.random() < 0.1
                )
                if profile != "primary":
                    person.letter = "Б" if person.russian else "А"
                teachers.append(person)

        for person in teachers:
            person.association = self._association_key_for(person)
        by_association: dict[str, list[Person]] = {}
        for person in teachers:
            by_association.setdefault(person.association, []).append(person)
        for members in by_association.values():
            members[0].senior = True  # the head (GEN-3, HEAD-1)
        # The deliberate HEAD-CATEGORY gap: the first arts-and-social MA's head.
        arts_social = next(i.key for i in self.infos if i.area == "arts_social")
        by_association[arts_social][0].expired_category = True

        # SVC-D5: the last mathematics teacher is a young specialist in the first year.
        [*_, young] = [p for p in teachers if p.profile.key == "math"]
        young.young = True

        # Class teachers of grades 5–11 form their own MA (GEN-5); the first one heads it.
        candidates = [
            p for p in teachers if p.profile.key != "primary" and not p.senior and not p.young
        ]
        rng.shuffle(candidates)
        count = min(len(CLASS_LABELS), max(3, len(candidates) // 2))
        for label in CLASS_LABELS[:count]:
            russian_class = label.endswith("Б")
            person = next(
                (p for p in candidates if p.russian == russian_class and not p.class_label),
                next(p for p in candidates if not p.class_label),
            )
            person.class_label = label
        class_teachers = [p for p in candidates if p.class_label]
        class_teachers.sort(key=lambda p: CLASS_LABELS.index(p.class_label))
        class_teachers[0].senior = True
        self.class_teachers = class_teachers

        self.leaders = leaders
        self.people = [*leaders, *teachers]

    def _allocate(self, total: int) -> dict[str, int]:
        """Teachers per profile: everyone's minimum, then each to the profile furthest below
        its share."""
        counts = {p.key: p.minimum for p in v.PROFILES}
        if "primary" in self.splits:
            counts["primary"] = max(counts["primary"], 8)  # two MAs of at least four
        weights = sum(p.weight for p in v.PROFILES)
        while sum(counts.values()) < total:
            best = max(v.PROFILES, key=lambda p: p.weight * total / weights - counts[p.key])
            counts[best.key] += 1
        return counts

    def _association_key_for(self, person: Person) -> str:
        profile = person.profile
        if profile.area not in self.splits:
            return next(a.key for a in self.infos if a.area == profile.area)
        branch = profile.branch or ("1-2" if person.grade <= 2 else "3-4")
        return next(a.key for a in self.infos if branch in a.branches)

    # -- one person's record

    def _describe(self, person: Person) -> None:
        rng = self.rng
        s = self.s
        self._name(person)

        # Experience decides the rest: career start, age, category.
        if person.young:
            experience = 0
            career_start = D(s, 8, 25)
        elif person.role == "director":
            experience = rng.randint(28, 33)
        elif person.role.startswith("deputy"):
            experience = rng.randint(20, 27)
        elif person.senior:
            experience = rng.randint(15, 30)
        elif person.newcomer:
            experience = rng.randint(4, 8)
        else:
            experience = int(rng.triangular(2, 35, 10))
        if not person.young:
            career_start = D(s - experience, 9, 1)
        college = (
            not person.senior
            and person.role == "teacher"
            and rng.random() < (0.3 if person.profile.key == "primary" else 0.05)
        )
        age_at_start = rng.randint(19, 20) if college else rng.randint(22, 24)
        birth = D(career_start.year - age_at_start, rng.randint(1, 12), rng.randint(1, 28))

        if person.young:
            joined = career_start
        elif person.newcomer:
            # Arrived a few weeks ago (never before the year's start, never after today).
            joined = min(self.today, max(self.current.start, self.today - dt.timedelta(days=20)))
        elif person.role == "director" or person.role.startswith("deputy"):
            joined = D(s - rng.randint(12, 18), 9, 1)
        else:
            # A future head has been here at least two years: a member when elected (ORG-1).
            earliest = 2 if person.senior else 1
            joined = D(s - rng.randint(earliest, experience), 9, 1) if rng.random() < 0.45 else None
            joined = joined if joined and joined > career_start else career_start
        person.joined = joined

        education = {
            "level": "secondary_professional" if college else "higher",
            "institution": rng.choice(
                v.COLLEGES
                if college
                else [v.RUSSIAN_UNIVERSITY, *v.UNIVERSITIES[:2]]
                if person.russian
                else v.UNIVERSITIES
            ),
            "graduated": career_start.year,
            "specialty": self._specialty(person),
        }
        person.record = {
            "key": person.key,
            "last_name": person.last_name,
            "first_name": person.first_name,
            "patronymic": person.patronymic,
            "birth_date": birth.isoformat(),
            "gender": person.gender,
            "education": education,
            "positions": self._positions(person),
            "employment": self._employment(person, career_start),
            "categories": self._categories(person, experience),
            "teaching": [],
            "self_development": [],
            "courses": self._courses(person, experience),
            "thematic_plans": [],
        }
        self._teaching(person)
        self._self_development(person)

    def _name(self, person: Person) -> None:
        rng = self.rng
        female = person.gender == "f"
        while True:
            if person.russian:
                first = rng.choice(v.RUSSIAN_FEMALE if female else v.RUSSIAN_MALE)
                last = rng.choice(v.RUSSIAN_SURNAMES)
                if female and last.endswith(("ов", "ев", "ин")):
                    last += "а"
                father = rng.choice(list(v.RUSSIAN_PATRONYMICS))
                patronymic = v.RUSSIAN_PATRONYMICS[father][1 if female else 0]
            else:
                first = rng.choice(v.KYRGYZ_FEMALE if female else v.KYRGYZ_MALE)
                last = rng.choice(v.KYRGYZ_SURNAMES) + ("а" if female else "")
                father = rng.choice(v.KYRGYZ_MALE)
                if rng.random() < 0.15:
                    patronymic = f"{father} {'кызы' if female else 'уулу'}"
                else:
                    patronymic = father + ("овна" if female else "ович")
            if (last, first) not in self.used_names:
                break
        self.used_names.add((last, first))
        person.last_name, person.first_name, person.patronymic = last, first, patronymic
        key = f"t-{v.latin(last)}"
        if key in self.used_keys:
            key = f"{key}-{v.latin(first)}"
        self.used_keys.add(key)
        person.key = key

    @staticmethod
    def _specialty(person: Person) -> str:
        if person.role == "educator":
            return "Педагог-уюштуруучу"
        if person.role == "other":
            return "Педагог-психолог"
        return person.profile.specialty

    def _positions(self, person: Person) -> list[dict]:
        """Roles with dates (RULES.md "Role at D"): the leadership held theirs before any MA
        was created, so that every creating order is proposed and signed in role (GEN-8)."""
        s = self.s
        joined = person.joined
        since = {
            "director": D(s - 10, 8, 1),
            "deputy_academic": D(s - 9, 8, 1),
            "deputy_methodical": D(s - 8, 8, 1),
        }
        rows = []
        if person.role == "director":
            rows.append(_interval("teacher", joined, since["director"] - dt.timedelta(days=1)))
            rows.append(_interval("director", since["director"], None))
        elif person.role in since:
            rows.append(_interval("teacher", joined, None))
            rows.append(_interval(person.role, since[person.role], None))
        else:
            rows.append(_interval(person.role, joined, None))
        if person.profile and person.profile.key == "primary":
            rows.append(_interval("class_teacher", joined, None))
        if person.class_label:
            start = max(joined, D(s - self.rng.randint(2 if person.senior else 1, 5), 9, 1))
            person.class_teacher_since = start
            rows.append(_interval("class_teacher", start, None))
        return rows

    def _employment(self, person: Person, career_start: dt.date) -> list[dict]:
        """The employment history; experience in education counts the ``in_education`` days
        (HEAD-1)."""
        rng = self.rng
        here = v.SCHOOL["name"]
        position = {
            "director": "директор",
            "deputy_academic": "директордун окуу-тарбия иштери боюнча орун басары",
            "deputy_methodical": "директордун илимий-усулдук иштери боюнча орун басары",
            "educator": "педагог-уюштуруучу",
            "other": "психолог",
        }.get(person.role, "мугалим")
        rows = []
        if person.joined > career_start:
            elsewhere = rng.choice(v.OTHER_SCHOOLS).format(n=rng.randint(1, 60))
            if person.newcomer:
                elsewhere = f"Нарын шаарындагы №{rng.randint(1, 12)} орто мектеби"
            before = person.joined - dt.timedelta(days=1)
            span = (before - career_start).days
            if span > 8 * 365 and rng.random() < 0.3:
                # A few years outside education: they do not count for HEAD-1.
                left = career_start + dt.timedelta(days=span // 2)
                back = left + dt.timedelta(days=rng.randint(365, 3 * 365))
                organization, job = rng.choice(v.OUTSIDE_EDUCATION)
                rows.append(_job(elsewhere, "мугалим", career_start, left, True))
                rows.append(_job(organization, job, left + dt.timedelta(days=1), back, False))
                rows.append(_job(elsewhere, "мугалим", back + dt.timedelta(days=1), before, True))
            else:
                rows.append(_job(elsewhere, "мугалим", career_start, before, True))
        rows.append(_job(here, position, person.joined, None, True))
        return rows

    def _categories(self, person: Person, experience: int) -> list[dict]:
        """Qualification categories, five years each (GEN-3). A head's is valid today — except
        the one deliberate gap, whose category ran out a few weeks ago (HEAD-CATEGORY)."""
        rng = self.rng
        if experience < 3:
            return []
        if person.expired_category:
            expired = max(self.today - dt.timedelta(days=25), self.current.start)
            if expired >= self.today:
                expired = self.today - dt.timedelta(days=1)
            awarded = add_years(expired, -5)
            return [
                _category("second", add_years(awarded, -5), awarded - dt.timedelta(days=1)),
                _category("first", awarded, expired),
            ]
        # Awarded in the last four springs, so still valid through the current year.
        awarded = D(self.s - rng.randint(0, 3), 4, rng.randint(1, 28))
        if not self.past(awarded):
            awarded = add_years(awarded, -1)
        if person.senior or experience >= 15:
            level = "highest" if rng.random() < 0.6 else "first"
        elif experience >= 8:
            level = "first"
        else:
            level = "second"
        rows = [_category(level, awarded, add_years(awarded, 5))]
        if experience >= 10:
            earlier = add_years(awarded, -5)
            lower = {"highest": "first", "first": "second", "second": "second"}[level]
            rows.insert(0, _category(lower, earlier, awarded - dt.timedelta(days=1)))
        return rows

    def _courses(self, person: Person, experience: int) -> list[dict]:
        """Qualification upgrading in past summers (DUTY-1)."""
        rng = self.rng
        if experience < 2:
            return []
        rows = []
        for years_ago in sorted(rng.sample(range(1, 5), rng.randint(1, 2)), reverse=True):
            start = _next_school_day(D(self.s - years_ago, 6, rng.randint(2, 10)))
            title = rng.choice(
                v.COURSE_TITLES[-1:] if person.role == "educator" else v.COURSE_TITLES[:-1]
            )
            rows.append(
                {
                    "title": title,
                    "provider": rng.choice(v.COURSE_PROVIDERS),
                    "hours": rng.choice([36, 72, 72]),
                    "from": start.isoformat(),
                    "to": (start + dt.timedelta(days=11)).isoformat(),
                    "certificate": f"№ {rng.randint(1000, 9999)}",
                }
            )
        return rows

    def _teaching(self, person: Person) -> None:
        """What the person teaches each year (GEN-7), and a calendar-thematic plan for every
        subject and grade of it (DOC-11, STAFF-CTP)."""
        rng = self.rng
        if person.profile is None or person.role == "director":
            return
        for year in self.years:
            if not (person.joined <= year.start or (person.newcomer and year is self.current)):
                continue
            if person.profile.key == "primary":
                # A primary teacher follows the class: last year it was a grade lower.
                grades = [person.grade if year is self.current else (person.grade - 2) % 4 + 1]
            else:
                low, high = person.profile.grades
                span = list(range(low, high + 1))
                subject = person.profile.subjects[0]
                if person.role.startswith("deputy"):
                    picks = rng.randint(1, 2)
                elif v.HOURS_PER_GRADE[subject] <= 2:
                    picks = min(len(span), rng.randint(3, 5))
                else:
                    picks = rng.randint(2, 3)
                grades = sorted(rng.sample(span, picks))
            assigned = []
            for subject in person.profile.subjects:
                parallels = 1 if person.profile.key == "primary" else rng.randint(1, 2)
                person.record["teaching"].append(
                    {
                        "year": year.key,
                        "subject": subject,
                        "grades": grades,
                        "hours_per_week": v.HOURS_PER_GRADE[subject] * len(grades) * parallels,
                    }
                )
                assigned.append((subject, grades))
                for grade in grades:
                    person.record["thematic_plans"].append(
                        self._thematic_plan(year, subject, grade, "subject")
                    )
            # A few teachers also lead a subject club (ийрим) with its own plan.
            if person.profile.key != "primary" and rng.random() < 0.15:
                subject, grades = assigned[0]
                person.record["thematic_plans"].append(
                    self._thematic_plan(year, subject, grades[-1], "club")
                )
            person.teaching[year.key] = assigned

    def _thematic_plan(self, year: Year, subject: str, grade: int, kind: str) -> dict:
        topics = v.LESSON_TOPICS[subject]
        items = []
        for n in range(1, 5):
            planned = _next_school_day(year.start + dt.timedelta(days=7 * (n - 1) + grade % 3))
            items.append(
                {
                    "n": n,
                    "topic": topics[(grade + n) % len(topics)],
                    "hours": 1,
                    "planned": planned.isoformat(),
                    "done": planned.isoformat() if self.past(planned) else None,
                }
            )
        return {"year": year.key, "subject": subject, "grade": grade, "kind": kind, "items": items}

    def _self_development(self, person: Person) -> None:
        """A self-development topic per year (DOC-10, DUTY-1) — except the young specialist,
        who has not chosen one yet (the deliberate STAFF-SELFDEV gap)."""
        rng = self.rng
        pool = v.SELF_DEVELOPMENT[person.area]
        topic = rng.choice(pool)
        for year in self.years:
            here = person.joined <= year.start or (person.newcomer and year is self.current)
            if not here or person.young:
                continue
            if rng.random() < 0.4:
                topic = rng.choice(pool)
            person.record["self_development"].append({"year": year.key, "topic": topic})

    # -- methodological associations

    def _form_associations(self) -> None:
        """GEN-2, GEN-5, GEN-8, GEN-9: the MAs, their members and the deputy each reports to."""
        rng = self.rng
        s = self.s
        director, academic, methodical = self.leaders[:3]
        # GEN-9: the deputy for teaching and upbringing supervises languages, primary classes
        # and class teachers; the deputy for scientific-methodological work, the rest.
        for info in self.infos:
            supervisor = methodical if info.area in ("stem", "arts_social") else academic
            created = _school_day(D(s - rng.randint(2, 7), 8, rng.randint(20, 29)))
            self.associations.append(Association(info, supervisor, created))
        by_key = {a.key: a for a in self.associations}

        teachers = [p for p in self.people if p.role == "teacher" and not p.newcomer]
        for person in teachers:
            association = by_key[person.association]
            association.members.append((person, max(association.created, person.joined)))
        # The deputies teach too and belong to their subject's MA (not as heads).
        for deputy in (academic, methodical):
            deputy.association = self._association_key_for(deputy)
            association = by_key[deputy.association]
            association.members.append((deputy, max(association.created, deputy.joined)))
        class_ma = by_key[v.CLASS_TEACHERS.key]
        for person in self.class_teachers:
            class_ma.members.append(
                (person, max(class_ma.created, person.class_teacher_since or person.joined))
            )
        educator = self.leaders[3]
        class_ma.members.append((educator, max(class_ma.created, educator.joined)))

        for association in self.associations:
            # GEN-7: a subject MA covers the subjects its teachers teach.
            subjects: list[str] = []
            for person, _since in association.members:
                if association.info.area != "class_teachers":
                    subjects += [k for k in person.profile.subjects if k not in subjects]
            order = [subject.key for subject in v.SUBJECTS]
            association.subjects = sorted(subjects, key=order.index)

        # The deliberate gaps live in fixed groupings so that the demo tells the same story
        # whatever the seed and the number of MAs.
        self.unapproved = self._first_of("primary")
        self.expired_head_ma = self._first_of("arts_social")
        self.incomplete_register = self._first_of("languages")

    def _first_of(self, area: str) -> Association:
        return next(a for a in self.associations if a.info.area == area)

    def _schedule_meetings(self) -> None:
        """ORG-4: five meetings a year — late August, after each quarter, and in May."""
        rng = self.rng
        postponed = self.associations[1].key  # one MA had to postpone a meeting last year
        for association in self.associations:
            for year in self.years:
                x = year.start.year
                dates = [
                    _school_day(D(x, 8, rng.randint(26, 30))),
                    _school_day(D(x, 11, rng.randint(3, 10))),
                    _school_day(D(x + 1, 1, rng.randint(12, 20))),
                    _school_day(D(x + 1, 3, rng.randint(14, 24))),
                    _school_day(D(x + 1, 5, rng.randint(22, 28))),
                ]
                rows = []
                for day in dates:
                    if year is self.previous and association.key == postponed and day.month == 1:
                        rows.append((day, "cancelled"))
                        day = _school_day(day + dt.timedelta(days=14))
                    rows.append((day, "held" if self.past(day) else "scheduled"))
                association.meetings[year.key] = [
                    (number, day, status) for number, (day, status) in enumerate(rows, start=1)
                ]

    def _first_meeting(self, association: Association, year: Year) -> tuple[int, dt.date, str]:
        return association.meetings[year.key][0]

    # -- the director's orders

    def _write_orders(self) -> None:
        """GEN-6, GEN-8, DOC-1, DOC-2, FUNC-5: orders creating MAs, confirming heads, fixing the
        number of MAs and forming the KTU commissions; numbered per calendar year."""
        director, academic, methodical = self.leaders[:3]
        drafts = []
        for association in self.associations:
            drafts.append(
                _Order(
                    association.created, "ma_create", association.key, None,
                    association.supervisor, f"«{association.info.name}» түзүлсүн.",
                )
            )  # fmt: skip
            for year in self.years:
                _number, held, status = self._first_meeting(association, year)
                if status == "held":
                    drafts.append(
                        _Order(
                            _next_school_day(held + dt.timedelta(days=2)), "head_confirm",
                            association.key, year.key, association.supervisor,
                            f"{year.key} окуу жылына УБдун жетекчиси бекитилсин.",
                        )
                    )  # fmt: skip
        for year in self.years:
            x = year.start.year
            drafts.append(
                _Order(
                    _school_day(D(x, 8, 30)), "ma_count", None, year.key, methodical,
                    f"{year.key} окуу жылында {len(self.associations)} усулдук бирикме иштесин "
                    "(усулдук кеңештин чечими боюнча).",
                )
            )  # fmt: skip
            drafts.append(
                _Order(
                    _next_school_day(D(x, 9, 12)), "ktu_commission", None, year.key, academic,
                    f"{year.key} окуу жылына усулдук бирикмелердин КТУ комиссиялары түзүлсүн.",
                )
            )  # fmt: skip
        drafts = sorted(
            (d for d in drafts if self.past(d.day)),
            key=lambda d: (d.day, d.kind, d.association or ""),
        )
        numbers: dict[int, int] = {}
        for draft in drafts:
            calendar_year = draft.day.year
            number = numbers.get(calendar_year, self.rng.randint(20, 40)) + self.rng.randint(1, 3)
            numbers[calendar_year] = number
            key = f"o-{calendar_year}-{number:03d}"
            self.orders.append(
                {
                    "key": key,
                    "number": str(number),
                    "date": draft.day.isoformat(),
                    "kind": draft.kind,
                    "association": draft.association,
                    "proposed_by": draft.proposed_by.key,
                    "signed_by": director.key,
                    "text": draft.text,
                }
            )
            self.order_keys[(draft.kind, draft.association, draft.year)] = key

    # -- council and district

    def _council_decisions(self) -> list[dict]:
        """GEN-4, GEN-6: the methodological council approves the MAs' directions and number."""
        every = [a.key for a in self.associations]
        subject_mas = [a.key for a in self.associations if a.info.area != "class_teachers"]
        rows = []
        for year in self.years:
            x = year.start.year
            plans = [
                (
                    _school_day(D(x, 8, 27)),
                    "Усулдук бирикмелердин саны, иш багыттары жана мазмуну бекитилсин.",
                    every,
                ),
                (
                    _school_day(D(x + 1, 1, 9)),
                    "Биринчи жарым жылдыктын усулдук ишинин "
                    "жыйынтыктары угулсун; программанын аткарылышы көзөмөлгө алынсын.",
                    subject_mas,
                ),
                (
                    _school_day(D(x + 1, 5, 29)),
                    "Окуу жылынын усулдук ишинин жыйынтыктары бекитилсин.",
                    every,
                ),
            ]
            for number, (day, text, associations) in enumerate(plans, start=1):
                if self.past(day):
                    rows.append(
                        {
                            "key": f"cd-{x}-{number}",
                            "year": year.key,
                            "date": day.isoformat(),
                            "text": text,
                            "associations": associations,
                        }
                    )
        return rows

    def _instructions(self) -> list[dict]:
        """FUNC-1: instructions of the district (city) methodological office."""
        rows = []
        for year in self.years:
            x = year.start.year
            plans = [
                (
                    "01",
                    D(x, 8, 12),
                    f"{year.key} окуу жылында мектептердин усулдук ишин уюштуруу жөнүндө",
                    ["all"],
                ),
                (
                    "02",
                    D(x, 8, 18),
                    "Окуучулардын математикалык жана табигый-илимий "
                    "сабаттуулугун баалоо (PISA тибиндеги тапшырмалар)",
                    ["math", "physics", "informatics"],
                ),
                (
                    "03",
                    D(x, 8, 21),
                    "Мамлекеттик тилди окутуунун сапатын жогорулатуу",
                    ["kyrgyz-lang", "kyrgyz-lit"],
                )
                if year is self.current
                else (
                    "03",
                    D(x, 8, 21),
                    "Чет тилдерин окутууда коммуникативдик ыкмалар",
                    ["english", "russian-lang"],
                ),
            ]
            for number, day, title, targets in plans:
                day = _school_day(day)
                if self.past(day):
                    rows.append(
                        {
                            "key": f"di-{x}-{number}",
                            "year": year.key,
                            "number": number,
                            "date": day.isoformat(),
                            "title": title,
                            "targets": targets,
                        }
                    )
        return rows

    # -- one MA's records

    def _association(self, association: Association, instructions: list[dict]) -> dict:
        key = association.key
        head = association.head
        # Drawn once: the plan's schedule of open lessons (DOC-7) lists these very lessons.
        lessons = {y.key: self._open_lessons(association, y) for y in self.years}
        return {
            "key": key,
            "name": association.info.name,
            "kind": "class_teachers" if association.info.area == "class_teachers" else "subject",
            "subjects": association.subjects,
            "created_by": self.order_keys.get(("ma_create", key, None)),
            "liquidated_by": None,
            "supervisors": [
                {
                    "staff": association.supervisor.key,
                    "from": association.created.isoformat(),
                    "to": None,
                }
            ],
            "members": [
                {"staff": p.key, "from": since.isoformat(), "to": None}
                for p, since in association.members
            ],
            "heads": self._head_terms(association, head),
            "plans": [self._plan(association, y, instructions, lessons[y.key]) for y in self.years],
            "meetings": [m for y in self.years for m in self._meetings(association, y)],
            "open_lessons": [lesson for y in self.years for lesson in lessons[y.key]],
            "analyses": self._analyses(association),
            "ktu": self._ktu(association),
            "documents": self._documents(association),
        }

    def _meeting_key(self, association: Association, year: Year, number: int) -> str:
        return f"m-{association.short}-{year.start.year}-{number}"

    def _head_terms(self, association: Association, head: Person) -> list[dict]:
        """ORG-1, DOC-2: the head is elected at each year's first meeting and confirmed by
        order; last year's term ends the day before this year's election."""
        terms = []
        for year in self.years:
            number, day, status = self._first_meeting(association, year)
            if status != "held":
                continue
            if terms:
                terms[-1]["to"] = (day - dt.timedelta(days=1)).isoformat()
            terms.append(
                {
                    "staff": head.key,
                    "from": day.isoformat(),
                    "to": None,
                    "elected_at": self._meeting_key(association, year, number),
                    "order": self.order_keys.get(("head_confirm", association.key, year.key)),
                }
            )
        return terms

    def _meetings(self, association: Association, year: Year) -> list[dict]:
        """ORG-4, DOC-12, DUTY-2: meetings with agenda, attendance and resolutions."""
        rng = self.rng
        rows = []
        held_numbers = [
            n for n, _d, status in association.meetings[year.key] if status != "cancelled"
        ]
        for number, day, status in association.meetings[year.key]:
            stage = held_numbers.index(number) if number in held_numbers else 2
            agenda = list(v.AGENDAS[min(stage, 4)])
            attendance, resolutions = [], []
            if status == "held":
                for person in association.members_at(day):
                    draw = rng.random()
                    mark = "present" if draw < 0.88 else "excused" if draw < 0.96 else "absent"
                    attendance.append({"staff": person.key, "status": mark})
                members = association.members_at(day)
                for n, text in enumerate(v.RESOLUTIONS[min(stage, 4)], start=1):
                    responsible = association.head if n == 1 else rng.choice(members)
                    due = day + dt.timedelta(days=rng.randint(10, 35))
                    carried_out = rng.random() < 0.7
                    if year is self.previous or (self.past(due) and carried_out):
                        state = "done"
                    else:
                        state = "open"  # some of them past due: overdue on home pages
                    resolutions.append(
                        {
                            "number": n,
                            "text": text,
                            "responsible": responsible.key,
                            "due": due.isoformat(),
                            "status": state,
                        }
                    )
                if stage == 0:
                    resolutions.append(
                        {
                            "number": len(resolutions) + 1,
                            "text": "Усулдук бирикменин жетекчиси болуп "
                            f"{association.head.short_name} шайлансын.",
                            "responsible": None,
                            "due": None,
                            "status": "done",
                        }
                    )
            rows.append(
                {
                    "key": self._meeting_key(association, year, number),
                    "year": year.key,
                    "number": number,
                    "date": day.isoformat(),
                    "status": status,
                    "agenda": agenda,
                    "attendance": attendance,
                    "resolutions": resolutions,
                }
            )
        if year is self.current and association is self._persona_association():
            self._assign_overdue(rows)
        return rows

    def _assign_overdue(self, meetings: list[dict]) -> None:
        """The demo teacher has one resolution past its due date, for their home page."""
        teacher = self._persona_teacher()
        for meeting in reversed(meetings):
            for resolution in meeting["resolutions"]:
                if resolution["due"] and self.past(D.fromisoformat(resolution["due"])):
                    if covers(teacher.joined, None, D.fromisoformat(meeting["date"])):
                        resolution["responsible"] = teacher.key
                        resolution["status"] = "open"
                        return

    def _open_lessons(self, association: Association, year: Year) -> list[dict]:
        """ORG-3, FUNC-3, HEAD-D1: a cycle of open lessons, observed by the head and colleagues."""
        rng = self.rng
        mid_year = year.start + dt.timedelta(days=60)
        candidates = [
            p
            for p in association.members_at(max(mid_year, year.start))
            if not p.role.startswith("deputy") and p.role != "educator"
        ]
        half = 0 if year is self.previous else 1
        givers = candidates[half::2] or candidates[:2]
        if len(givers) < 2:
            givers = candidates[:2]
        rows = []
        first, last = D(year.start.year, 10, 1), D(year.start.year + 1, 4, 25)
        step = (last - first).days // max(1, len(givers))
        for n, teacher in enumerate(givers, start=1):
            day = _school_day(first + dt.timedelta(days=step * (n - 1) + rng.randint(0, 6)))
            day = max(day, _next_school_day(teacher.joined + dt.timedelta(days=30)))
            if association.info.area == "class_teachers":
                subject = None
                grade = int(teacher.class_label[:-1]) if teacher.class_label else None
                topic = rng.choice(v.CLASS_HOUR_TOPICS)
            else:
                taught = [
                    (s, g)
                    for s, g in teacher.teaching.get(year.key, [])
                    if s in association.subjects
                ]
                if not taught:
                    continue
                subject, grades = rng.choice(taught)
                grade = rng.choice(grades)
                topic = rng.choice(v.LESSON_TOPICS[subject])
            held = self.past(day)
            observations = []
            if held:
                first_observer = (
                    association.head if teacher is not association.head else association.supervisor
                )
                observers = [first_observer]
                colleagues = [p for p in candidates if p not in (teacher, first_observer)]
                if colleagues and rng.random() < 0.6:
                    observers.append(rng.choice(colleagues))
                for observer in observers:
                    observations.append(
                        {
                            "observer": observer.key,
                            "date": day.isoformat(),
                            "summary": rng.choice(v.OBSERVATION_SUMMARIES),
                            "recommendations": rng.choice(v.OBSERVATION_RECOMMENDATIONS),
                        }
                    )
            rows.append(
                {
                    "key": f"ol-{association.short}-{year.start.year}-{n}",
                    "year": year.key,
                    "teacher": teacher.key,
                    "subject": subject,
                    "grade": grade,
                    "topic": topic,
                    "date": day.isoformat(),
                    "status": "held" if held else "scheduled",
                    "observations": observations,
                }
            )
        return rows

    def _plan(
        self, association: Association, year: Year, instructions: list[dict], lessons: list[dict]
    ) -> dict:
        """ORG-2, FUNC-1, DOC-6…DOC-8: the year's plan, approved by the supervising deputy
        before the deadline — except the deliberate PLAN-APPROVED gap, still waiting."""
        rng = self.rng
        x = year.start.year
        approved_on = _school_day(D(x, 9, rng.randint(3, 12)))
        approved = self.past(approved_on) and not (
            year is self.current and association is self.unapproved
        )
        subjects = set(association.subjects)
        reflected = sorted(
            i["key"]
            for i in instructions
            if i["year"] == year.key and (i["targets"] == ["all"] or subjects & set(i["targets"]))
        )
        return {
            "year": year.key,
            "theme": v.MA_THEMES[association.info.area],
            "goal": v.MA_GOAL,
            "tasks": sorted(rng.sample(v.MA_TASKS, 3), key=v.MA_TASKS.index),
            "status": "approved" if approved else "submitted",
            "approved_by": association.supervisor.key if approved else None,
            "approved_at": approved_on.isoformat() if approved else None,
            "reflects": {"school_theme": True, "instructions": reflected},
            "items": self._plan_items(association, year, lessons),
        }

    def _plan_items(self, association: Association, year: Year, lessons: list[dict]) -> list[dict]:
        """DOC-8: something in every month of the year — meetings, open lessons, a seminar, a
        training, extracurricular work, control works and lesson observations (FUNC-2…4)."""
        rng = self.rng
        x = year.start.year
        head = association.head
        class_ma = association.info.area == "class_teachers"
        items: list[tuple[dt.date, str, str, Person | None, str]] = []
        for number, day, status in association.meetings[year.key]:
            items.append((day, "meeting", f"Усулдук бирикменин №{number} отуруму", head, status))
        items.extend(self._open_lesson_items(lessons))
        fixed = [
            (D(x, 9, rng.randint(8, 12)), "other", v.CTP_CHECK_ITEM),
            (D(x, 10, rng.randint(15, 25)), "seminar", rng.choice(v.SEMINARS)),
            (
                D(x, 12, rng.randint(1, 8)),
                "extracurricular",
                "Жаңы жылдык тарбиялык иш-чаралар" if class_ma else v.EXTRACURRICULAR["olympiad"],
            ),
            (D(x + 1, 1, rng.randint(20, 28)), "observation", v.OBSERVATION_ITEM),
            (D(x + 1, 2, rng.randint(5, 12)), "training", rng.choice(v.TRAININGS)),
            (
                D(x + 1, 2, rng.randint(16, 26)),
                "extracurricular",
                v.EXTRACURRICULAR["class_week" if class_ma else "week"],
            ),
        ]
        if not class_ma:
            fixed.append((D(x, 12, rng.randint(10, 20)), "control_work", v.CONTROL_WORK))
            fixed.append((D(x + 1, 4, rng.randint(10, 20)), "control_work", v.CONTROL_WORK))
        else:
            fixed.append(
                (
                    D(x + 1, 4, rng.randint(10, 20)),
                    "other",
                    "Ата-энелер менен жалпы мектептик жолугушуу",
                )
            )
        cancel_training = year is self.previous and association is self.associations[0]
        for day, kind, title in fixed:
            day = _school_day(day)
            status = "done" if self.past(day) else "planned"
            if kind == "training" and cancel_training:
                status = "cancelled"  # February still has the subject week
            items.append((day, kind, title, head, status))
        items.sort(key=lambda item: (item[0], item[1]))
        statuses = {"held": "done", "scheduled": "planned"}
        return [
            {
                "month": month_key(day),
                "date": day.isoformat(),
                "kind": kind,
                "title": title,
                "responsible": who.key if who else None,
                "status": statuses.get(status, status),
            }
            for day, kind, title, who, status in items
        ]

    def _open_lesson_items(self, lessons: list[dict]):
        """The open lessons as plan items (DOC-7: the schedule of open lessons)."""
        people = {p.key: p for p in self.people}
        for lesson in lessons:
            teacher = people[lesson["teacher"]]
            day = D.fromisoformat(lesson["date"])
            if lesson["subject"] is None:  # an open class hour, in the class teacher's class
                where = teacher.class_label
            else:
                where = f"{lesson['grade']}{teacher.letter}"
            subject = (
                next(s.ky for s in v.SUBJECTS if s.key == lesson["subject"])
                if lesson["subject"]
                else "класстык саат"
            )
            title = f"Ачык сабак: {teacher.short_name}, {subject}, {where}-класс"
            status = "done" if lesson["status"] == "held" else "planned"
            yield (day, "open_lesson", title, teacher, status)

    def _analyses(self, association: Association) -> list[dict]:
        """ORG-5, DOC-5: the deputy's analysis of last year, presented at its last meeting."""
        rng = self.rng
        rows = []
        for year in self.years:
            meetings = [m for m in association.meetings[year.key] if m[2] == "held"]
            if not meetings or not self.past(year.end):
                continue
            number, last, _status = meetings[-1]
            written = _school_day(last - dt.timedelta(days=rng.randint(3, 8)))
            members = len(association.members_at(year.end))
            text = (
                f"{year.key} окуу жылында усулдук бирикме {len(meetings)} отурум өткөрдү, "
                f"{members} мүчө иштеди. Иш планы негизинен аткарылды; ачык сабактар графикке "
                "ылайык өттү жана талдоого алынды. Окуучулардын билимин объективдүү баалоого "
                "жана программанын аткарылышына көзөмөл жүргүзүлдү."
            )
            rows.append(
                {
                    "year": year.key,
                    "author": association.supervisor.key,
                    "date": written.isoformat(),
                    "text": text,
                    "proposals": sorted(
                        rng.sample(v.ANALYSIS_PROPOSALS, rng.randint(2, 3)),
                        key=v.ANALYSIS_PROPOSALS.index,
                    ),
                    "presented_at": self._meeting_key(association, year, number),
                }
            )
        return rows

    def _ktu(self, association: Association) -> list[dict]:
        """FUNC-5: the KTU commission each year; the values once the year is over."""
        rng = self.rng
        rows = []
        for year in self.years:
            formed = self.order_keys.get(("ktu_commission", None, year.key))
            if not formed:
                continue
            members = association.members_at(year.end)
            commission = [association.head.key, association.supervisor.key]
            others = [p for p in members if p is not association.head]
            if others:
                commission.insert(1, others[0].key)
            values = []
            if self.past(year.end):
                values = [
                    {"staff": p.key, "value": round(rng.uniform(0.85, 1.3), 2)} for p in members
                ]
            rows.append({"year": year.key, "commission": commission, "values": values})
        return rows

    def _documents(self, association: Association) -> list[dict]:
        """DOC-1…DOC-12 in the register, kept at school (ORG-6: three years). The standing
        documents (DOC-1…DOC-4) were registered last year and count for this one; the
        languages MA has not registered its calendar-thematic planning (DOC-11) this year."""
        rows = []
        previous, current = self.previous, self.current
        created = association.created

        def add(year: Year, number: int, title: str, day: dt.date | None) -> None:
            if day is None or not self.past(day):
                return
            rows.append(
                {
                    "key": f"d-{association.short}-{year.start.year}-{number:02d}",
                    "year": year.key,
                    "type": f"DOC-{number}",
                    "title": title,
                    "date": day.isoformat(),
                    "location": "school",
                }
            )

        def order_date(kind: str, year: Year | None) -> dt.date | None:
            key = self.order_keys.get((kind, association.key, year.key if year else None))
            order = next((o for o in self.orders if o["key"] == key), None)
            return D.fromisoformat(order["date"]) if order else None

        add(previous, 1, "Усулдук бирикмени ачуу жөнүндө буйрук", order_date("ma_create", None))
        add(previous, 3, "Усулдук бирикме жөнүндө жобо", _school_day(D(created.year, 8, 31)))
        add(
            previous,
            4,
            "Усулдук бирикменин мугалимдеринин функциялык милдеттери",
            _school_day(D(created.year, 8, 31)),
        )
        for year in (previous, current):
            x = year.start.year
            _n, first_meeting, _status = self._first_meeting(association, year)
            add(year, 2, "УБдун жетекчисин шайлоо жөнүндө буйрук", order_date("head_confirm", year))
            add(
                year,
                5,
                f"{x - 1}-{x} окуу жылындагы УБдун ишинин анализи",
                _school_day(D(x, 8, 25)),
            )
            add(year, 6, "Усулдук тема, максат, негизги багыттар жана милдеттер", first_meeting)
            add(year, 7, "Иш планы жана ачык сабактардын графиги", _next_school_day(D(x, 9, 3)))
            add(year, 8, "Ар бир айга план сеткасы", _next_school_day(D(x, 9, 3)))
            add(year, 9, "Мугалимдер жөнүндө маалыматтар банкы", _next_school_day(D(x, 9, 5)))
            add(year, 10, "Өзүн-өзү өнүктүрүү темалары", _next_school_day(D(x, 9, 10)))
            if not (year is current and association is self.incomplete_register):
                add(year, 11, "Календардык-тематикалык пландаштыруу", _next_school_day(D(x, 9, 6)))
            add(year, 12, "Усулдук бирикменин отурумдарынын токтомдору", first_meeting)
        rows.sort(key=lambda r: (r["year"], int(r["type"].split("-")[1])))
        return rows

    # -- staff list, personas and gaps

    def _staff_order(self) -> list[Person]:
        leaders = self.leaders[:3]
        rest = sorted(
            (p for p in self.people if p not in leaders),
            key=lambda p: (p.last_name, p.first_name),
        )
        return [*leaders, *rest]

    def _persona_association(self) -> Association:
        return self._first_of("stem")

    def _persona_teacher(self) -> Person:
        return next(p for p in self.people if p.young)

    def _personas(self) -> dict[str, str]:
        director, academic, methodical = self.leaders[:3]
        return {
            "director": director.key,
            "deputy_academic": academic.key,
            "deputy_methodical": methodical.key,
            "ma_head": self._persona_association().head.key,
            "teacher": self._persona_teacher().key,
            "class_teacher": self.class_teachers[1].key,
        }

    def _gaps(self) -> list[tuple[str, str, str]]:
        newcomer = next(p for p in self.people if p.newcomer)
        return sorted(
            [
                ("PLAN-APPROVED", "association", self.unapproved.key),
                ("HEAD-CATEGORY", "association", self.expired_head_ma.key),
                ("DOCS", "association", self.incomplete_register.key),
                ("STAFF-SELFDEV", "staff", self._persona_teacher().key),
                ("SCHOOL-UNASSIGNED", "staff", newcomer.key),
            ]
        )


@dataclass(frozen=True)
class _Order:
    """A director's order before it gets its number (numbers follow the date)."""

    day: dt.date
    kind: str
    association: str | None
    year: str | None  # the school year it is for (None: for good, like creating an MA)
    proposed_by: Person
    text: str


def _female_share(profile: str) -> float:
    return {"primary": 0.95, "pe": 0.3, "technology": 0.5, "physics": 0.5}.get(profile, 0.82)


def _interval(role: str, start: dt.date, end: dt.date | None) -> dict:
    return {"role": role, "from": start.isoformat(), "to": end.isoformat() if end else None}


def _job(organization: str, position: str, start, end, in_education: bool) -> dict:
    return {
        "organization": organization,
        "position": position,
        "from": start.isoformat(),
        "to": end.isoformat() if end else None,
        "in_education": in_education,
    }


def _category(level: str, awarded: dt.date, valid_until: dt.date | None) -> dict:
    return {
        "category": level,
        "awarded": awarded.isoformat(),
        "valid_until": valid_until.isoformat() if valid_until else None,
    }
