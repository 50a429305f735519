"""``usul document``: make one of the MA's twelve documents from the records, for batch printing
and for checks.

    usul document DOC-N --school KEY --association KEY --year YYYY-YYYY [--staff KEY]
                  [--as-of YYYY-MM-DD] [--lang ky|ru] [--format pdf|docx] -o FILE

``--staff`` chooses one teacher's calendar-thematic plan (DOC-11; without it, every member's);
``--as-of`` is the date experience and age are counted at (DOC-9) and the document's date
(default today). The document is made exactly as the register page makes it — the school's
own template when it has one — but is not added to the register.

Exit status: 0 the file was written; 1 refused, with a message in the chosen language saying
what the records lack (no plan for that year, no meeting held…); 2 bad arguments (one line on
standard error that names the problem).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from usul.accounts.policy import command_line_administrator, require
from usul.associations.models import Association
from usul.documents.contents import Refusal
from usul.documents.services import TYPES, make_document
from usul.lib.dates import parse_date
from usul.people.models import Staff
from usul.schools.models import School, SchoolYear

REFUSED = 1
BAD_ARGUMENTS = 2


class Command(BaseCommand):
    help = "Make one of the MA's twelve documents (DOC-1…DOC-12) as PDF or DOCX."
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message):
            if getattr(parser, "called_from_command_line", False):
                sys.stderr.write(f"usul document: {message}\n")
                sys.exit(BAD_ARGUMENTS)
            raise CommandError(message, returncode=BAD_ARGUMENTS)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("document", help="DOC-1 … DOC-12")
        parser.add_argument("--school", required=True, help="the school's key")
        parser.add_argument("--association", required=True, help="the MA's key")
        parser.add_argument("--year", required=True, help="the school year's key, YYYY-YYYY")
        parser.add_argument("--staff", help="a teacher's key (DOC-11)")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD; default today")
        parser.add_argument("--lang", choices=["ky", "ru"], default="ky")
        parser.add_argument("--format", choices=["pdf", "docx"], default="pdf")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_from_command_line", False):
                raise
            self.stderr.write(f"usul document: {exc}")
            sys.exit(exc.returncode)

    def run_from_argv(self, argv):
        self._from_command_line = True
        super().run_from_argv(argv)

    def handle(self, *args, **options):
        # Every message, like the document itself, in the language asked for.
        with translation.override(options["lang"]):
            self.make(options)

    def bad(self, message: str) -> CommandError:
        return CommandError(message, returncode=BAD_ARGUMENTS)

    def make(self, options):
        doc_type = options["document"].upper()
        if doc_type not in TYPES:
            raise self.bad(
                _('"%(value)s" is not a document of the regulation (DOC-1 … DOC-12)')
                % {"value": options["document"]}
            )
        school = School.objects.filter(key=options["school"]).first()
        if school is None:
            raise self.bad(
                _('--school: unknown school "%(school)s"') % {"school": options["school"]}
            )
        association = (
            Association.objects.filter(school=school, key=options["association"])
            .select_related("school")
            .first()
        )
        if association is None:
            raise self.bad(
                _('--association: school "%(school)s" has no MA "%(key)s"')
                % {"school": school.key, "key": options["association"]}
            )
        year = SchoolYear.objects.filter(school=school, key=options["year"]).first()
        if year is None:
            raise self.bad(
                _('--year: school "%(school)s" has no year "%(year)s"')
                % {"school": school.key, "year": options["year"]}
            )
        year.school = school
        staff = None
        if options["staff"]:
            staff = Staff.objects.filter(school=school, key=options["staff"]).first()
            if staff is None:
                raise self.bad(
                    _('--staff: school "%(school)s" has no staff member "%(key)s"')
                    % {"school": school.key, "key": options["staff"]}
                )
        if options["as_of"]:
            try:
                as_of = parse_date(options["as_of"])
            except ValueError:
                raise self.bad(
                    _('--as-of: "%(value)s" is not a date (expected YYYY-MM-DD)')
                    % {"value": options["as_of"]}
                ) from None
        else:
            as_of = timezone.localdate()
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise self.bad(
                _('-o: the folder "%(folder)s" does not exist') % {"folder": str(output.parent)}
            )
        # The command line acts as the installation's administrator (it holds the database).
        require(command_line_administrator(as_of), "generate_document", association)
        try:
            data, _template = make_document(
                association=association,
                year=year,
                doc_type=doc_type,
                language=options["lang"],
                format=options["format"],
                as_of=as_of,
                staff=staff,
            )
        except Refusal as refusal:
            self.stderr.write(f"usul document: {refusal.message}")
            sys.exit(REFUSED)
        # Written whole or not at all: a refused or failed run leaves no half-written file.
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".usul-document-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, output)
        self.stdout.write(
            _("%(document)s written to %(file)s (%(size)s bytes).")
            % {"document": doc_type, "file": str(output), "size": len(data)}
        )
