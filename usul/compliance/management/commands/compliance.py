"""``usul compliance``: check a school against its regulation (RULES.md) from the console.

    usul compliance --school KEY --year YEAR [--as-of YYYY-MM-DD] [--format text|json]
                    [--lang ky|ru|en]

Exit status: 0 when no finding is a violation, 1 when at least one is, 2 on bad arguments (one
line on standard error that names the problem). The text output is grouped by MA and meant for
a deputy director; the JSON output is RULES.md's findings, for machines.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from usul.compliance.registry import CLAUSE_RANGES, SEVERITY_NAMES
from usul.compliance.services import Report, build_report, default_as_of
from usul.lib.dates import format_date, parse_date
from usul.schools.models import School, SchoolYear

BAD_ARGUMENTS = 2


class Command(BaseCommand):
    help = "Check a school against the regulation (RULES.md) and list the findings."
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            # Bad arguments answer in one line that names the problem, with status 2.
            if getattr(parser, "called_from_command_line", False):
                sys.stderr.write(f"usul compliance: {message}\n")
                sys.exit(BAD_ARGUMENTS)
            raise CommandError(message, returncode=BAD_ARGUMENTS)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="the school's key")
        parser.add_argument("--year", required=True, help="the school year's key")
        parser.add_argument(
            "--as-of", dest="as_of", help="YYYY-MM-DD; default today, or the year's start"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_from_command_line", False):
                raise
            self.stderr.write(f"usul compliance: {exc}")
            sys.exit(exc.returncode)

    def run_from_argv(self, argv):
        self._from_command_line = True
        super().run_from_argv(argv)

    def handle(self, *args, **options):
        # Bad arguments are answered in the language asked for, like the report itself.
        with translation.override(options["lang"]):
            self.check_and_report(options)

    def check_and_report(self, options):
        school = School.objects.filter(key=options["school"]).first()
        if school is None:
            raise CommandError(
                _('--school: unknown school "%(school)s"') % {"school": options["school"]},
                returncode=BAD_ARGUMENTS,
            )
        year = SchoolYear.objects.filter(school=school, key=options["year"]).first()
        if year is None:
            raise CommandError(
                _('--year: school "%(school)s" has no year "%(year)s"')
                % {"school": school.key, "year": options["year"]},
                returncode=BAD_ARGUMENTS,
            )
        if options["as_of"]:
            try:
                as_of = parse_date(options["as_of"])
            except ValueError:
                raise CommandError(
                    _('--as-of: "%(value)s" is not a date (expected YYYY-MM-DD)')
                    % {"value": options["as_of"]},
                    returncode=BAD_ARGUMENTS,
                ) from None
        else:
            as_of = default_as_of(year, timezone.localdate())

        report = build_report(school=school, year=year, as_of=as_of)
        if options["format"] == "json":
            self.stdout.write(json.dumps(as_json(report), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(as_text(report))
        if report.violations:
            sys.exit(1)


def as_json(report: Report) -> dict:
    return {
        "school": report.school.key,
        "year": report.year.key,
        "as_of": report.as_of.isoformat(),
        "findings": [f.as_json() for f in report.findings],
    }


def clause_list(finding) -> str:
    if finding.rule in CLAUSE_RANGES:
        return "…".join(finding.clauses)
    return ", ".join(finding.clauses)


def as_text(report: Report) -> str:
    """The findings grouped by MA, in the active language, for a deputy director."""
    lines = [
        _("Compliance of %(school)s, school year %(year)s, as of %(date)s")
        % {
            "school": report.school.name,
            "year": report.year.key,
            "date": format_date(report.as_of),
        },
        "",
    ]

    def block(title: str, findings) -> None:
        lines.append(title)
        if not findings:
            lines.append("  " + _("No findings."))
        for finding in findings:
            severity = str(SEVERITY_NAMES[finding.severity]).upper()
            lines.append(f"  [{severity}] {finding.rule} ({clause_list(finding)})")
            lines.append(f"    {finding.message}")
        lines.append("")

    for association in report.active_associations:
        block(f"{association.name} ({association.key})", report.findings_of(association))
    block(_("School"), report.school_findings)
    lines.append(
        _("Total: %(violations)s violations, %(warnings)s warnings.")
        % {"violations": report.violations, "warnings": report.warnings}
    )
    return "\n".join(lines)
