"""``usul retention``: what of the MAs' documentation is due for the archive, and what may be
disposed of (ORG-6), as of a date.

    usul retention [--school KEY] [--as-of YYYY-MM-DD] [--format text|json] [--lang ky|ru|en]

Without ``--school``, every school of the installation. The lists are the archive page's (the
same function, ``usul.documents.retention``); the command changes nothing — handing over is
done on the archive page, and disposal needs an act signed by the director.

Exit status: 0 the lists were printed (empty ones too); 2 bad arguments (one line on standard
error, in the chosen language, default Kyrgyz).
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from usul.documents.retention import retention_of
from usul.lib.dates import format_date, parse_date
from usul.schools.models import School

BAD_ARGUMENTS = 2


def _language(argv) -> str:
    for n, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
    return "ky"


class Command(BaseCommand):
    help = "List the MAs' documents due for the archive and those that may be disposed of."
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            if getattr(parser, "called_from_command_line", False):
                sys.stderr.write(f"usul retention: {message}\n")
                sys.exit(BAD_ARGUMENTS)
            raise CommandError(message, returncode=BAD_ARGUMENTS)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--school", help="the school's key; default every school")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD; default today")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--lang", choices=["ky", "ru", "en"], default="ky")

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_from_command_line", False):
                raise
            self.stderr.write(f"usul retention: {exc}")
            sys.exit(exc.returncode)

    def run_from_argv(self, argv):
        self._from_command_line = True
        language = _language(argv)
        # Even a refused argument is told in the language asked for.
        with translation.override(language if language in ("ky", "ru", "en") else "ky"):
            super().run_from_argv(argv)

    def handle(self, *args, **options):
        with translation.override(options["lang"]):
            self.report(options)

    def report(self, options):
        if options["school"]:
            schools = list(School.objects.filter(key=options["school"]))
            if not schools:
                raise CommandError(
                    _('--school: unknown school "%(school)s"') % {"school": options["school"]},
                    returncode=BAD_ARGUMENTS,
                )
        else:
            schools = list(School.objects.order_by("key"))
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
            as_of = timezone.localdate()
        results = [(school, retention_of(school, as_of)) for school in schools]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(self.as_json(results, as_of), ensure_ascii=False, indent=2)
            )
        else:
            self.stdout.write(self.as_text(results, as_of))

    @staticmethod
    def _item(item) -> dict:
        entry = item.entry
        return {
            "document": entry.key,
            "type": entry.type,
            "title": entry.title or str(entry.get_type_display()),
            "association": entry.association.key,
            "year": entry.year.key,
            "location": entry.location,
            "limit": item.limit.isoformat(),
        }

    def as_json(self, results, as_of) -> dict:
        return {
            "as_of": as_of.isoformat(),
            "schools": [
                {
                    "school": school.key,
                    "transfer": [self._item(i) for i in result.transfer],
                    "dispose": [self._item(i) for i in result.dispose],
                }
                for school, result in results
            ],
        }

    @staticmethod
    def _line(item, limit_words: str) -> str:
        entry = item.entry
        title = entry.title or str(entry.get_type_display())
        return (
            f"  {entry.type}  {title} — {entry.association.name}, {entry.year.key} "
            f"[{entry.key}] ({limit_words} {format_date(item.limit)})"
        )

    def as_text(self, results, as_of) -> str:
        lines = [
            _("Keeping of the MAs' documentation on %(date)s (ORG-6)")
            % {"date": format_date(as_of)}
        ]
        for school, result in results:
            lines.append("")
            lines.append(f"{school.name} ({school.key})")
            if result.empty:
                lines.append("  " + _("Nothing is due for the archive or for disposal."))
                continue
            lines.append(_("Due for the archive (%(count)s):") % {"count": len(result.transfer)})
            lines.extend(self._line(i, _("due after")) for i in result.transfer)
            lines.append(
                _("Keeping time over, may be listed in a disposal act (%(count)s):")
                % {"count": len(result.dispose)}
            )
            lines.extend(self._line(i, _("kept until")) for i in result.dispose)
        return "\n".join(lines)
