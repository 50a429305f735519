"""``usul export --school KEY [-o FILE]``: one school as a bundle (BUNDLE.md), UTF-8 JSON.

Writes to standard output unless ``-o`` is given. Exit status 2 on an unknown school or a file
that cannot be written.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from usul.accounts.policy import command_line_administrator
from usul.bundle.management.commands.import_bundle import use_utf8
from usul.bundle.services import bundle_export
from usul.schools.models import School


def bundle_text(data: dict) -> str:
    """The bundle as people read it: indented, Kyrgyz letters as they are (not \\u escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class Command(BaseCommand):
    help = "Export one school as a bundle (JSON, BUNDLE.md)."

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="the school's key, e.g. sch-17")
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")
        parser.add_argument(
            "--lang", choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE, help="language of the messages (default: ky)",
        )  # fmt: skip

    def handle(self, *args, **options):
        use_utf8(self.stdout)
        use_utf8(self.stderr)
        with translation.override(options["lang"]):
            school = School.objects.select_related("district").filter(key=options["school"])
            school = school.first()
            if school is None:
                self.stderr.write(
                    _("usul export: there is no school with the key %(key)s")
                    % {"key": options["school"]}
                )
                sys.exit(2)
            text = bundle_text(bundle_export(actor=command_line_administrator(), school=school))
            if not options["output"]:
                self.stdout.write(text, ending="")
                return
            try:
                with open(options["output"], "w", encoding="utf-8") as file:
                    file.write(text)
            except OSError as exc:
                self.stderr.write(
                    _("usul export: cannot write %(path)s: %(reason)s")
                    % {"path": options["output"], "reason": exc.strerror or exc}
                )
                sys.exit(2)
