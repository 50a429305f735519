"""``usul demo``: load the demo school and print how to log in as each role.

``make run`` calls ``usul demo --if-empty``: the demo is loaded only into a database without any
school, and the log-ins are printed every time, so whoever starts Usul knows how to get in.

Exit status: 0 done; 2 bad arguments (a one-line message names the option).
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from usul.bundle.management.commands.import_bundle import use_utf8
from usul.demo.services import DEMO_URL, demo_load, demo_logins
from usul.lib.dates import parse_date
from usul.schools.models import School


class Command(BaseCommand):
    help = "Load the demo school (a generated Kyrgyz school) and print the demo log-ins."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
        parser.add_argument(
            "--today",
            help="date the demo is built around, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="load only when the database has no school yet (used by `make run`)",
        )
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="language of the messages (default: ky)",
        )

    def handle(self, *args, **options):
        use_utf8(self.stdout)
        use_utf8(self.stderr)
        with translation.override(options["lang"]):
            today = timezone.localdate()
            if options["today"]:
                try:
                    today = parse_date(options["today"])
                except ValueError:
                    self.stderr.write(
                        _("usul demo: --today: expected a date YYYY-MM-DD, got %(value)s")
                        % {"value": options["today"]}
                    )
                    sys.exit(2)
            if options["if_empty"] and School.objects.exists():
                self.stdout.write(_("A school is already here: the demo school was not loaded."))
            else:
                summary = demo_load(seed=options["seed"], today=today)
                self.stdout.write(
                    _(
                        "Demo school loaded: %(school)s (%(key)s), %(staff)s staff, "
                        "%(associations)s methodological associations, school year %(year)s."
                    )
                    % {
                        "school": summary.school_name,
                        "key": summary.school_key,
                        "staff": summary.staff,
                        "associations": summary.associations,
                        "year": summary.year,
                    }
                )
            self._print_logins()

    def _print_logins(self) -> None:
        logins = demo_logins()
        if not logins:
            self.stdout.write(_("This database has no demo log-ins."))
            return
        self.stdout.write("")
        self.stdout.write(_("Open %(url)s and log in as:") % {"url": DEMO_URL})
        for persona, user in logins:
            # The role in both languages of the school, whatever the message language.
            with translation.override("ky"):
                kyrgyz = str(persona.label)
            with translation.override("ru"):
                russian = str(persona.label)
            self.stdout.write(f"  {kyrgyz} / {russian}")
            self.stdout.write(
                "      "
                + _("username: %(username)s   password: %(password)s")
                % {"username": user.username, "password": persona.password}
            )
