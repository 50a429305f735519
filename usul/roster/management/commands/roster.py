"""``usul roster``: the staff roster from Excel (DOC-9 data bank).

    usul roster template [--lang ky|ru|en] -o FILE.xlsx
    usul roster import FILE.xlsx --school KEY [--format text|json] [--lang ky|ru|en]
    usul roster export --school KEY -o FILE.xlsx [--lang ky|ru|en]

Exit status: 0 done (an import prints how many people were created, updated, unchanged);
1 the roster is refused (every error, by row and column, and nothing imported); 2 the file
cannot be read, or the arguments are wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from usul.accounts.policy import command_line_administrator
from usul.bundle.management.commands.import_bundle import use_utf8
from usul.roster.services import (
    RosterInvalid,
    roster_export,
    roster_import,
    roster_template,
)
from usul.roster.workbook import Unreadable
from usul.schools.models import School

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def summary_line(result) -> str:
    return _("%(school)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
        "school": result.school.key,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
    }


class Command(BaseCommand):
    help = "The staff roster from Excel: write the template, import a roster, export one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        template = actions.add_parser("template", help="write the empty roster template")
        template.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
        imports = actions.add_parser("import", help="import a roster, all or nothing")
        imports.add_argument("file", help="the roster (.xlsx)")
        imports.add_argument("--school", required=True, help="the school's key")
        imports.add_argument("--format", choices=["text", "json"], default="text")
        export = actions.add_parser("export", help="write the school's staff as a roster")
        export.add_argument("--school", required=True, help="the school's key")
        export.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
        for sub in (template, imports, export):
            sub.add_argument(
                "--lang", choices=LANGUAGES, default=settings.LANGUAGE_CODE,
                help="language of the headers and messages (default: ky)",
            )  # fmt: skip

    def handle(self, *args, **options):
        use_utf8(self.stdout)
        use_utf8(self.stderr)
        with translation.override(options["lang"]):
            action = options["action"]
            if action == "template":
                self._write(options["output"], roster_template(language=options["lang"]))
                return
            school = School.objects.filter(key=options["school"]).first()
            if school is None:
                self._fail(
                    _("there is no school with the key “%(key)s”") % {"key": options["school"]},
                    options,
                )
            actor = command_line_administrator()
            if action == "export":
                data = roster_export(actor=actor, school=school, language=options["lang"])
                self._write(options["output"], data)
                return
            self._import(actor, school, options)

    def _import(self, actor, school, options):
        as_json = options["format"] == "json"
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as exc:
            self._fail(
                _("cannot read %(path)s: %(reason)s")
                % {"path": options["file"], "reason": exc.strerror or exc},
                options,
            )
        try:
            result = roster_import(actor=actor, school=school, data=data)
        except Unreadable as exc:
            self._fail(f"{options['file']}: {exc}", options)
        except RosterInvalid as invalid:
            if as_json:
                self.stdout.write(self._json({"errors": [e.as_dict() for e in invalid.errors]}))
            else:
                self.stderr.write(
                    _("The roster is refused; nothing was imported. Errors: %(count)s")
                    % {"count": len(invalid.errors)}
                )
                for error in invalid.errors:
                    self.stderr.write(str(error))
            sys.exit(1)
        if as_json:
            self.stdout.write(
                self._json(
                    {
                        "school": school.key,
                        "created": result.created,
                        "updated": result.updated,
                        "unchanged": result.unchanged,
                        "staff": [
                            {"row": p.row, "key": p.key, "result": p.action} for p in result.people
                        ],
                    }
                )  # fmt: skip
            )
        else:
            self.stdout.write(summary_line(result))

    def _write(self, path: str, data: bytes) -> None:
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self.stderr.write(
                "usul roster: "
                + _("cannot write %(path)s: %(reason)s")
                % {"path": path, "reason": exc.strerror or exc}
            )
            sys.exit(2)

    def _fail(self, message: str, options) -> None:
        if options.get("format") == "json":
            self.stdout.write(
                self._json({"errors": [{"row": None, "column": None, "message": message}]})
            )
        self.stderr.write(f"usul roster: {message}")
        sys.exit(2)

    @staticmethod
    def _json(value) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2)
