"""Checking a school bundle (BUNDLE.md) before anything is written.

A bundle is all or nothing: ``validate`` returns **every** problem at once, each with its JSON
path (``associations[1].members[0].staff: unknown staff key "t-x"``), so that whoever prepared
the file can fix it in one go. Three kinds of problems are found:

- the shape of the document, against ``schema.json`` (missing field, wrong type, wrong enum
  value, a date that is not a date…);
- keys: duplicates per kind (meetings, open lessons and documents are unique per school across
  MAs) and references to keys the bundle does not define;
- what the database would refuse or misread: an interval that ends before it starts, a person
  listed twice in one attendance list, two plans of one MA for one year, too many decimals.

The project's own extension fields (docs/bundle-extensions.md) are checked the same way when a
bundle carries them: the people they name, the plan item a meeting or open lesson was scheduled
from, and scores against the observation form they were given on.

Messages are translated; the path stays as it is, in the bundle's own field names.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker

from usul.schools.validation import RESERVED_KEYS, check_key

SCHEMA_PATH = Path(__file__).with_name("schema.json")

PathParts = Sequence[str | int]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})",
    re.ASCII,
)


@dataclass(frozen=True)
class BundleError:
    """One problem of a bundle: where (JSON path) and what (a translated sentence)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class BundleInvalid(Exception):
    """The bundle cannot be imported; ``errors`` lists every problem found."""

    def __init__(self, errors: list[BundleError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def format_path(parts: PathParts) -> str:
    """``("associations", 1, "members", 0, "staff")`` → ``associations[1].members[0].staff``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "$"


def show(value) -> str:
    """A value as the bundle spells it (JSON), shortened so that one error stays one line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


# --- Reading the file ---------------------------------------------------------------------------

# The deepest record of BUNDLE.md (a material of a plan item of an MA's plan) lies 9 levels down;
# extension fields add a few. A document nested far deeper is not a bundle, and reading it would
# exhaust Python's recursion limit (a 500 page, a traceback in ``usul import``).
MAX_DEPTH = 32

# What the JSON parser says, in words a teacher can act on (its own messages are English).
_JSON_PROBLEMS = {
    "Expecting value": lambda: _("a value is missing (text in quotes, a number, a list…)"),
    "Expecting property name enclosed in double quotes": lambda: _(
        "a field name in double quotes is expected (is there a comma too many?)"
    ),
    "Expecting ',' delimiter": lambda: _("a comma is missing"),
    "Expecting ':' delimiter": lambda: _("a colon after the field name is missing"),
    "Unterminated string starting at": lambda: _("a text is not closed with a double quote"),
    "Invalid control character at": lambda: _("a text holds a line break or a tab"),
    "Extra data": lambda: _("something follows the end of the document"),
}


class BundleUnreadable(ValueError):
    """The file cannot be read as a bundle at all; the message is a translated sentence."""


def parse(text: str):
    """The bundle in ``text`` (JSON), or ``BundleUnreadable`` saying what is wrong and where."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = _JSON_PROBLEMS.get(exc.msg, lambda: _("the text cannot be read as JSON"))()
        raise BundleUnreadable(
            _("The file is not valid JSON: line %(line)s, column %(column)s: %(problem)s.")
            % {"line": exc.lineno, "column": exc.colno, "problem": problem}
        ) from None
    except RecursionError:
        too_deep = True  # nested deeper than the parser itself can follow
    else:
        too_deep = _depth(data) > MAX_DEPTH
    if too_deep:
        raise BundleUnreadable(
            _(
                "The file is nested more than %(limit)s levels deep, which a bundle never is: "
                "is it the right file?"
            )
            % {"limit": MAX_DEPTH}
        )
    return data


def _depth(data) -> int:
    """How many lists and objects lie inside each other, counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend(
                (child, level + 1) for child in (node.values() if isinstance(node, dict) else node)
            )
    return deepest


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _format_checker() -> FormatChecker:
    # Our own checker: jsonschema checks "date-time" only with an optional package installed,
    # and BUNDLE.md wants strict YYYY-MM-DD dates.
    checker = FormatChecker(formats=())

    @checker.checks("date", raises=ValueError)
    def is_date(value) -> bool:
        if not isinstance(value, str):
            return True
        return bool(_DATE.fullmatch(value)) and bool(dt.date.fromisoformat(value))

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value) -> bool:
        if not isinstance(value, str):
            return True
        return bool(_DATE_TIME.fullmatch(value)) and bool(dt.datetime.fromisoformat(value))

    return checker


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=_format_checker())


def validate(data) -> list[BundleError]:
    """Every problem of ``data`` (a parsed bundle), in the order they appear in the document."""
    found: dict[tuple, tuple[tuple, BundleError]] = {}
    for parts, message in [*_schema_errors(data), *_KeyChecks(data).run()]:
        error = BundleError(format_path(parts), message)
        found.setdefault((error.path, error.message), (tuple(parts), error))
    ordered = sorted(found.values(), key=lambda item: (_position(data, item[0]), item[1].message))
    return [error for _, error in ordered]


def _position(data, parts: PathParts) -> tuple[int, ...]:
    """Where a path lies in the document, so that errors come out in reading order."""
    position = []
    node = data
    for part in parts:
        if isinstance(part, int):
            position.append(part)
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict):
            keys = list(node)
            position.append(keys.index(part) if part in keys else len(keys))
            node = node.get(part)
        else:
            position.append(0)
            node = None
    return tuple(position)


# --- The shape of the document (schema.json) ----------------------------------------------------

_TYPE_MESSAGES = {
    ("string",): lambda: _("expected text"),
    ("null", "string"): lambda: _("expected text or null"),
    ("integer",): lambda: _("expected a whole number"),
    ("integer", "null"): lambda: _("expected a whole number or null"),
    ("number",): lambda: _("expected a number"),
    ("null", "number"): lambda: _("expected a number or null"),
    ("boolean",): lambda: _("expected true or false"),
    ("array",): lambda: _("expected a list"),
    ("object",): lambda: _("expected an object"),
    ("null", "object"): lambda: _("expected an object or null"),
}


def _schema_errors(data) -> Iterator[tuple[list, str]]:
    for error in _validator().iter_errors(data):
        parts = list(error.absolute_path)
        keyword, expected, value = error.validator, error.validator_value, error.instance
        if keyword == "required":
            for name in expected:
                if isinstance(value, dict) and name not in value:
                    yield [*parts, name], _("required field is missing")
        elif keyword == "type":
            types = tuple(sorted([expected] if isinstance(expected, str) else expected))
            message = _TYPE_MESSAGES.get(types, lambda: _("wrong type"))()
            yield (
                parts,
                _("%(message)s, not %(value)s")
                % {
                    "message": message,
                    "value": show(value),
                },
            )
        elif keyword == "enum":
            choices = ", ".join("null" if c is None else str(c) for c in expected)
            yield (
                parts,
                _("%(value)s is not one of: %(choices)s")
                % {
                    "value": show(value),
                    "choices": choices,
                },
            )
        elif keyword == "const":
            yield (
                parts,
                _("%(value)s is not allowed here; expected %(expected)s")
                % {
                    "value": show(value),
                    "expected": show(expected),
                },
            )
        elif keyword == "format" and expected == "date":
            yield parts, _("%(value)s is not a date") % {"value": show(value)}
        elif keyword == "format":
            yield parts, _("%(value)s is not a date and time") % {"value": show(value)}
        elif keyword == "pattern":  # the only pattern of schema.json: keys follow check_key
            yield parts, _("%(value)s is not a month (YYYY-MM)") % {"value": show(value)}
        elif keyword in ("minLength", "minItems"):
            yield parts, _("must not be empty")
        elif keyword == "maxLength":
            yield parts, _("is longer than %(limit)s characters") % {"limit": expected}
        elif keyword == "minimum":
            yield (
                parts,
                _("%(value)s is less than %(limit)s")
                % {
                    "value": show(value),
                    "limit": expected,
                },
            )
        elif keyword == "maximum":
            yield (
                parts,
                _("%(value)s is more than %(limit)s")
                % {
                    "value": show(value),
                    "limit": expected,
                },
            )
        else:  # pragma: no cover - every keyword of schema.json is handled above
            yield parts, error.message


# --- Keys, references and what the database would refuse --------------------------------------

# Per kind: (unknown reference, duplicate key). Whole sentences, so that each translates well.
_KIND_MESSAGES = {
    "years": (
        lambda k: _('unknown year key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate year key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "subjects": (
        lambda k: _('unknown subject key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate subject key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "staff": (
        lambda k: _('unknown staff key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate staff key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "orders": (
        lambda k: _('unknown order key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate order key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "council_decisions": (
        lambda k: _('unknown council decision key "%(key)s"') % {"key": k},
        lambda k, at: (
            _('duplicate council decision key "%(key)s" (first at %(at)s)') % {"key": k, "at": at}
        ),
    ),
    "district_instructions": (
        lambda k: _('unknown instruction key "%(key)s"') % {"key": k},
        lambda k, at: (
            _('duplicate instruction key "%(key)s" (first at %(at)s)') % {"key": k, "at": at}
        ),
    ),
    "associations": (
        lambda k: _('unknown MA key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate MA key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "meetings": (
        lambda k: _('unknown meeting key "%(key)s"') % {"key": k},
        lambda k, at: _('duplicate meeting key "%(key)s" (first at %(at)s)') % {"key": k, "at": at},
    ),
    "open_lessons": (
        lambda k: _('unknown open lesson key "%(key)s"') % {"key": k},
        lambda k, at: (
            _('duplicate open lesson key "%(key)s" (first at %(at)s)') % {"key": k, "at": at}
        ),
    ),
    "documents": (
        lambda k: _('unknown document key "%(key)s"') % {"key": k},
        lambda k, at: (
            _('duplicate document key "%(key)s" (first at %(at)s)') % {"key": k, "at": at}
        ),
    ),
}

# Staff and MA intervals: (start field, end field); both ends included, the end may be empty.
_INTERVALS = {
    "positions": ("from", "to"),
    "employment": ("from", "to"),
    "categories": ("awarded", "valid_until"),
    "courses": ("from", "to"),
    "supervisors": ("from", "to"),
    "members": ("from", "to"),
    "heads": ("from", "to"),
}


def _items(node, name: str) -> Iterator[tuple[int, dict]]:
    """The objects of list ``node[name]``; anything malformed is the schema's to report."""
    value = node.get(name) if isinstance(node, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _date(value) -> dt.date | None:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _moment(value) -> dt.datetime | None:
    if isinstance(value, str) and _DATE_TIME.fullmatch(value):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


class _KeyChecks:
    def __init__(self, data):
        self.data = data if isinstance(data, dict) else {}
        self.keys: dict[str, dict[str, str]] = {kind: {} for kind in _KIND_MESSAGES}
        self.errors: list[tuple[list, str]] = []
        # Extension: the school's observation forms by version (their key).
        self.templates: dict[int, dict] = {}

    def run(self) -> list[tuple[list, str]]:
        data = self.data
        for kind in (
            "years",
            "subjects",
            "staff",
            "orders",
            "council_decisions",
            "district_instructions",
            "associations",
        ):
            for index, item in _items(data, kind):
                self.define(kind, [kind, index], item)
        for section in ("district", "school"):
            if isinstance(data.get(section), dict) and isinstance(data[section].get("key"), str):
                self.key_rule([section, "key"], data[section]["key"])
        for a, association in _items(data, "associations"):
            for kind in ("meetings", "open_lessons", "documents"):
                for index, item in _items(association, kind):
                    self.define(kind, ["associations", a, kind, index], item)
        self.define_templates()

        for index, year in _items(data, "years"):
            self.interval(["years", index], year, "start", "end")
        for index, staff in _items(data, "staff"):
            self.staff(["staff", index], staff)
        for index, order in _items(data, "orders"):
            at = ["orders", index]
            self.ref(at, order, "association", "associations")
            self.ref(at, order, "proposed_by", "staff")
            self.ref(at, order, "signed_by", "staff")
        for index, decision in _items(data, "council_decisions"):
            at = ["council_decisions", index]
            self.ref(at, decision, "year", "years")
            self.refs(at, decision, "associations", "associations")
        for index, instruction in _items(data, "district_instructions"):
            at = ["district_instructions", index]
            self.ref(at, instruction, "year", "years")
            self.targets(at, instruction)
        for index, association in _items(data, "associations"):
            self.association(["associations", index], association)
        # Extensions: the school's observation forms and the observations outside open lessons.
        for index, template in _items(data, "observation_templates"):
            self.template(["observation_templates", index], template)
        for index, observation in _items(data, "observations"):
            at = ["observations", index]
            self.ref(at, observation, "teacher", "staff")
            self.observation(at, observation)
        return self.errors

    # -- helpers

    def error(self, parts: list, message: str) -> None:
        self.errors.append((parts, message))

    def define(self, kind: str, parts: list, item: dict) -> None:
        key = item.get("key")
        if not isinstance(key, str):
            return
        self.key_rule([*parts, "key"], key)
        first = self.keys[kind].setdefault(key, format_path(parts))
        if first != format_path(parts):
            self.error([*parts, "key"], _KIND_MESSAGES[kind][1](key, first))

    def key_rule(self, parts: list, key: str) -> None:
        """The rule the forms apply to a new key (Latin letters, digits, "." "_" "-"; not a word
        the URLs use, such as "new"): keys travel in URLs, so a bundle may not bring others."""
        if not key:
            return  # "must not be empty", from the schema
        try:
            check_key(key)
        except DjangoValidationError:
            if key in RESERVED_KEYS:
                message = _("%(value)s names a page of Usul and cannot be a key; choose another")
            else:
                message = _(
                    "%(value)s is not a valid key: use Latin letters, digits, “.”, “_” or “-”, "
                    "beginning with a letter or a digit"
                )
            self.error(parts, message % {"value": show(key)})

    def ref(self, parts: list, item: dict, field: str, kind: str) -> None:
        value = item.get(field)
        if isinstance(value, str) and value not in self.keys[kind]:
            self.error([*parts, field], _KIND_MESSAGES[kind][0](value))

    def refs(self, parts: list, item: dict, field: str, kind: str) -> None:
        """A list of keys: each must exist, none twice (each pair is stored once)."""
        values = item.get(field)
        if not isinstance(values, list):
            return
        seen = set()
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if value in seen:
                self.error([*parts, field, index], self.twice(value))
            seen.add(value)
            if value not in self.keys[kind]:
                self.error([*parts, field, index], _KIND_MESSAGES[kind][0](value))

    @staticmethod
    def twice(value) -> str:
        return _("%(value)s is listed more than once") % {"value": show(value)}

    def once_each(self, parts: list, node: dict, section: str, field: str) -> None:
        """No staff member twice in one list (attendance, KTU values)."""
        seen: set = set()
        for index, item in _items(node, section):
            value = item.get(field)
            if isinstance(value, str):
                if value in seen:
                    self.error([*parts, section, index, field], self.twice(value))
                seen.add(value)

    def interval(self, parts: list, item: dict, start_field: str, end_field: str) -> None:
        start, end = _date(item.get(start_field)), _date(item.get(end_field))
        if start and end and end < start:
            self.error(
                [*parts, end_field],
                _('%(end)s is earlier than "%(field)s" (%(start)s)')
                % {
                    "end": show(item[end_field]),
                    "field": start_field,
                    "start": show(item[start_field]),
                },
            )

    def decimals(self, parts: list, item: dict, field: str, places: int) -> None:
        value = item.get(field)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return
        try:
            exponent = Decimal(str(value)).normalize().as_tuple().exponent
        except InvalidOperation:
            return
        if isinstance(exponent, int) and -exponent > places:
            self.error(
                [*parts, field],
                _("%(value)s has more than %(places)s decimal places")
                % {"value": show(value), "places": places},
            )

    def once_per_year(self, parts: list, node: dict, section: str, message) -> None:
        first: dict[str, str] = {}
        for index, item in _items(node, section):
            year = item.get("year")
            if not isinstance(year, str):
                continue
            at = format_path([*parts, section, index])
            if year in first:
                self.error([*parts, section, index, "year"], message(year, first[year]))
            else:
                first[year] = at

    # -- sections

    def staff(self, parts: list, staff: dict) -> None:
        for section, (start, end) in _INTERVALS.items():
            for index, item in _items(staff, section):
                self.interval([*parts, section, index], item, start, end)
        for section in ("teaching", "thematic_plans"):
            for index, item in _items(staff, section):
                self.ref([*parts, section, index], item, "year", "years")
                self.ref([*parts, section, index], item, "subject", "subjects")
        for index, item in _items(staff, "teaching"):
            self.decimals([*parts, "teaching", index], item, "hours_per_week", 1)
        for index, item in _items(staff, "self_development"):
            self.ref([*parts, "self_development", index], item, "year", "years")
        for index, plan in _items(staff, "thematic_plans"):
            for n, lesson in _items(plan, "items"):
                self.decimals([*parts, "thematic_plans", index, "items", n], lesson, "hours", 1)

    def targets(self, parts: list, instruction: dict) -> None:
        targets = instruction.get("targets")
        if not isinstance(targets, list):
            return
        if "all" in targets:
            # BUNDLE.md: ["all"] or a list of subject keys — never both.
            if len(targets) > 1:
                self.error([*parts, "targets"], _('"all" cannot be combined with subject keys'))
            return
        self.refs(parts, instruction, "targets", "subjects")

    def association(self, parts: list, association: dict) -> None:
        self.refs(parts, association, "subjects", "subjects")
        self.ref(parts, association, "created_by", "orders")
        self.ref(parts, association, "liquidated_by", "orders")
        for section in ("supervisors", "members", "heads"):
            for index, item in _items(association, section):
                self.ref([*parts, section, index], item, "staff", "staff")
                self.interval([*parts, section, index], item, "from", "to")
        for index, head in _items(association, "heads"):
            self.ref([*parts, "heads", index], head, "elected_at", "meetings")
            self.ref([*parts, "heads", index], head, "order", "orders")

        self.once_per_year(
            parts,
            association,
            "plans",
            lambda year, at: (
                _('a second plan for year "%(year)s" (first at %(at)s)') % {"year": year, "at": at}
            ),
        )
        for index, plan in _items(association, "plans"):
            at = [*parts, "plans", index]
            self.ref(at, plan, "year", "years")
            self.ref(at, plan, "approved_by", "staff")
            reflects = plan.get("reflects")
            if isinstance(reflects, dict):
                self.refs([*at, "reflects"], reflects, "instructions", "district_instructions")
            for n, item in _items(plan, "items"):
                self.ref([*at, "items", n], item, "responsible", "staff")
                # Extensions: who took part, who added a material (FUNC-3, FUNC-4).
                self.refs([*at, "items", n], item, "participants", "staff")
                for m, material in _items(item, "materials"):
                    self.ref([*at, "items", n, "materials", m], material, "added_by", "staff")
                    self.link([*at, "items", n, "materials", m], material)
            self.plan_history(at, plan)

        # The plan items a meeting or an open lesson was scheduled from (extension), by their
        # place in the MA's plan of the same year.
        plan_items = {
            plan["year"]: plan.get("items")
            for _n, plan in _items(association, "plans")
            if isinstance(plan.get("year"), str)
        }
        for index, meeting in _items(association, "meetings"):
            at = [*parts, "meetings", index]
            self.ref(at, meeting, "year", "years")
            self.plan_item(at, meeting, plan_items, "meeting")
            for n, row in _items(meeting, "attendance"):
                self.ref([*at, "attendance", n], row, "staff", "staff")
            self.once_each(at, meeting, "attendance", "staff")
            for n, row in _items(meeting, "resolutions"):
                self.ref([*at, "resolutions", n], row, "responsible", "staff")

        for index, lesson in _items(association, "open_lessons"):
            at = [*parts, "open_lessons", index]
            self.ref(at, lesson, "year", "years")
            self.ref(at, lesson, "teacher", "staff")
            self.ref(at, lesson, "subject", "subjects")
            self.plan_item(at, lesson, plan_items, "open_lesson")
            self.refs(at, lesson, "visitors", "staff")
            for n, row in _items(lesson, "observations"):
                self.observation([*at, "observations", n], row)

        for index, analysis in _items(association, "analyses"):
            at = [*parts, "analyses", index]
            self.ref(at, analysis, "year", "years")
            self.ref(at, analysis, "author", "staff")
            self.ref(at, analysis, "presented_at", "meetings")

        # One KTU record per MA and year (FUNC-5).
        self.once_per_year(
            parts,
            association,
            "ktu",
            lambda year, at: (
                _('a second KTU record for year "%(year)s" (first at %(at)s)')
                % {"year": year, "at": at}
            ),
        )
        for index, record in _items(association, "ktu"):
            at = [*parts, "ktu", index]
            self.ref(at, record, "year", "years")
            self.refs(at, record, "commission", "staff")
            for n, row in _items(record, "values"):
                self.ref([*at, "values", n], row, "staff", "staff")
                self.decimals([*at, "values", n], row, "value", 3)
            self.once_each(at, record, "values", "staff")

        for index, document in _items(association, "documents"):
            self.ref([*parts, "documents", index], document, "year", "years")

    # -- the project's extensions (docs/bundle-extensions.md)

    def define_templates(self) -> None:
        """Observation forms are named by their version, unique per school."""
        first: dict[int, str] = {}
        for index, template in _items(self.data, "observation_templates"):
            version = template.get("version")
            if not isinstance(version, int) or isinstance(version, bool):
                continue
            at = ["observation_templates", index]
            if version in first:
                self.error(
                    [*at, "version"],
                    _("duplicate observation form version %(version)s (first at %(at)s)")
                    % {"version": version, "at": first[version]},
                )
            else:
                first[version] = format_path(at)
                self.templates[version] = template

    def plan_history(self, parts: list, plan: dict) -> None:
        """Approved versions (one per number) and the steps of the plan (ORG-2)."""
        first: dict[int, str] = {}
        for n, version in _items(plan, "versions"):
            at = [*parts, "versions", n]
            self.ref(at, version, "approved_by", "staff")
            number = version.get("number")
            if not isinstance(number, int) or isinstance(number, bool):
                continue
            if number in first:
                self.error(
                    [*at, "number"],
                    _("a second version %(number)s of this plan (first at %(at)s)")
                    % {"number": number, "at": first[number]},
                )
            else:
                first[number] = format_path(at)
        # A step is its kind at its moment: two alike could not be told apart on re-import.
        steps: dict[tuple, str] = {}
        for n, event in _items(plan, "events"):
            at = [*parts, "events", n]
            self.ref(at, event, "by", "staff")
            moment = _moment(event.get("at"))
            if moment is None:
                continue
            step = (event.get("kind"), moment)
            if step in steps:
                self.error(
                    [*at, "at"],
                    _("a second step of this kind at the same moment (first at %(at)s)")
                    % {"at": steps[step]},
                )
            else:
                steps[step] = format_path(at)

    def link(self, parts: list, material: dict) -> None:
        """A material's link is a web address, as Usul's own form requires."""
        value = material.get("link")
        if not isinstance(value, str) or not value:
            return
        try:
            URLValidator()(value)
        except DjangoValidationError:
            self.error(
                [*parts, "link"], _("%(value)s is not a web address") % {"value": show(value)}
            )

    def plan_item(self, parts: list, record: dict, plan_items: dict, kind: str) -> None:
        """``plan_item`` is the place of an item in the MA's plan of the record's year; the
        item must be of the record's kind, as when it is scheduled in Usul (ORG-3, ORG-4)."""
        index = record.get("plan_item")
        year = record.get("year")
        if not isinstance(index, int) or isinstance(index, bool) or not isinstance(year, str):
            return
        items = plan_items.get(year)
        if not isinstance(items, list):
            self.error(
                [*parts, "plan_item"],
                _('this MA has no plan for year "%(year)s" to take item %(index)s from')
                % {"year": year, "index": index},
            )
        elif index >= len(items):
            self.error(
                [*parts, "plan_item"],
                _('the plan of this MA for year "%(year)s" has no item %(index)s')
                % {"year": year, "index": index},
            )
        elif isinstance(items[index], dict) and items[index].get("kind") != kind:
            self.error(
                [*parts, "plan_item"],
                _('item %(index)s of the plan is of kind "%(kind)s", not "%(expected)s"')
                % {"index": index, "kind": items[index].get("kind"), "expected": kind},
            )

    def template(self, parts: list, template: dict) -> None:
        """An observation form: a scale whose top is above its bottom, distinct entry keys."""
        low, high = template.get("scale_min"), template.get("scale_max")
        if isinstance(low, int) and isinstance(high, int) and high <= low:
            self.error(
                [*parts, "scale_max"],
                _('%(max)s is not above "scale_min" (%(min)s)') % {"max": high, "min": low},
            )
        for section in ("criteria", "judgements"):
            self.once_each(parts, template, section, "key")

    def observation(self, parts: list, observation: dict) -> None:
        """Who observed, the form the observation was filled in with, and its scores and
        judgement against it (HEAD-D1, SVC-D4): a score for a criterion the form has, within its
        scale."""
        self.ref(parts, observation, "observer", "staff")
        version = observation.get("template")
        scores = observation.get("scores")
        judgement = observation.get("judgement")
        if version is None:
            if scores or judgement:
                self.error(
                    [*parts, "template"],
                    _("scores and a judgement need the observation form they were given on"),
                )
            return
        if not isinstance(version, int) or isinstance(version, bool):
            return
        template = self.templates.get(version)
        if template is None:
            self.error(
                [*parts, "template"],
                _("unknown observation form version %(version)s") % {"version": version},
            )
            return
        criteria = {c.get("key") for _n, c in _items(template, "criteria")}
        low, high = template.get("scale_min"), template.get("scale_max")
        for key, score in (scores if isinstance(scores, dict) else {}).items():
            if key not in criteria:
                self.error(
                    [*parts, "scores", key],
                    _('unknown criterion "%(key)s" of observation form version %(version)s')
                    % {"key": key, "version": version},
                )
            elif (
                isinstance(score, int)
                and isinstance(low, int)
                and isinstance(high, int)
                and not low <= score <= high
            ):
                self.error(
                    [*parts, "scores", key],
                    _("%(score)s is outside the form's scale %(min)s–%(max)s")
                    % {"score": score, "min": low, "max": high},
                )
        judgements = {j.get("key") for _n, j in _items(template, "judgements")}
        if isinstance(judgement, str) and judgement and judgement not in judgements:
            self.error(
                [*parts, "judgement"],
                _('"%(value)s" is not an overall judgement of observation form version %(version)s')
                % {"value": judgement, "version": version},
            )
