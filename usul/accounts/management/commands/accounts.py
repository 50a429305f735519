"""``usul accounts``: log-ins from the console.

    usul accounts create --school KEY (--all | --staff KEY [KEY …]) [--format text|json]
    usul accounts methodologist --district KEY --username U [--format text|json]
    usul accounts deactivate-leavers                       # daily, from cron

``create`` makes a log-in with a proposed user name and a one-time password for each staff
member named (or everyone of the school without one); JSON output is a list of
``{"staff": KEY, "username": …, "password": …}``. ``methodologist`` makes a district
methodologist's log-in with a one-time password. ``deactivate-leavers`` switches off the
log-ins of staff with no position left.

Exit status: 0 done, 1 refused (nothing changed; the reason on standard error), 2 bad arguments
(one line on standard error that names the problem). Whoever runs it holds the installation
already, so it acts as the administrator (``command_line_administrator``).
"""

from __future__ import annotations

import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from usul.accounts.policy import command_line_administrator
from usul.accounts.services import (
    NewLogin,
    user_create,
    users_create_for_staff,
    users_deactivate_leavers,
)
from usul.people.models import Staff
from usul.schools.models import District, School

REFUSED = 1
BAD_ARGUMENTS = 2


class Command(BaseCommand):
    help = "Create log-ins with one-time passwords; switch off the log-ins of leavers."
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        self._one_line_errors(parser)
        return parser

    def _one_line_errors(self, parser):
        def one_line_error(message):
            if getattr(parser, "called_from_command_line", False) or self._from_command_line:
                sys.stderr.write(f"usul accounts: {message}\n")
                sys.exit(BAD_ARGUMENTS)
            raise CommandError(message, returncode=BAD_ARGUMENTS)

        parser.error = one_line_error

    _from_command_line = False

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = commands.add_parser("create", help="log-ins for staff of a school")
        create.add_argument("--school", required=True, help="the school's key")
        who = create.add_mutually_exclusive_group(required=True)
        who.add_argument("--all", action="store_true", help="everyone without a log-in")
        who.add_argument("--staff", nargs="+", metavar="KEY", help="staff keys")
        create.add_argument("--format", choices=["text", "json"], default="text")
        methodologist = commands.add_parser("methodologist", help="a district methodologist")
        methodologist.add_argument("--district", required=True, help="the district's key")
        methodologist.add_argument("--username", required=True)
        methodologist.add_argument("--format", choices=["text", "json"], default="text")
        commands.add_parser("deactivate-leavers", help="switch off the log-ins of leavers")
        for sub in (create, methodologist):
            self._one_line_errors(sub)

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not self._from_command_line:
                raise
            self.stderr.write(f"usul accounts: {exc}")
            sys.exit(exc.returncode)

    def run_from_argv(self, argv):
        self._from_command_line = True
        super().run_from_argv(argv)

    def handle(self, *args, **options):
        actor = command_line_administrator()
        try:
            if options["action"] == "create":
                self.output(self.create(actor, options), options["format"], "staff")
            elif options["action"] == "methodologist":
                self.output([self.methodologist(actor, options)], options["format"], "district")
            else:
                for user in users_deactivate_leavers(actor=actor):
                    self.stdout.write(f"{user.username}\t{user}")
        except ValidationError as error:
            raise CommandError("; ".join(error.messages), returncode=REFUSED) from None

    def create(self, actor, options) -> list[NewLogin]:
        school = School.objects.filter(key=options["school"]).first()
        if school is None:
            raise CommandError(
                _('--school: unknown school "%(school)s"') % {"school": options["school"]},
                returncode=BAD_ARGUMENTS,
            )
        staff = None
        if options["staff"]:
            asked = Staff.objects.filter(school=school, key__in=options["staff"])
            found = {person.key: person for person in asked}
            unknown = [key for key in options["staff"] if key not in found]
            if unknown:
                raise CommandError(
                    _('--staff: school "%(school)s" has no staff "%(keys)s"')
                    % {"school": school.key, "keys": ", ".join(unknown)},
                    returncode=BAD_ARGUMENTS,
                )
            staff = [found[key] for key in dict.fromkeys(options["staff"])]
        return users_create_for_staff(actor=actor, school=school, staff=staff)

    def methodologist(self, actor, options) -> NewLogin:
        district = District.objects.filter(key=options["district"]).first()
        if district is None:
            raise CommandError(
                _('--district: unknown district "%(district)s"')
                % {"district": options["district"]},
                returncode=BAD_ARGUMENTS,
            )
        return user_create(actor=actor, district=district, username=options["username"])

    def output(self, made: list[NewLogin], form: str, of: str) -> None:
        """JSON: ``[{"staff": KEY, "username": …, "password": …}]`` (a methodologist's log-in
        names its ``district`` instead)."""
        rows = [
            {
                of: _owner_key(login, of),
                "username": login.user.username,
                "password": login.password,
            }
            for login in made
        ]
        if form == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for login in made:
            name = login.staff.full_name if login.staff else str(login.user)
            self.stdout.write(f"{login.user.username}\t{login.password}\t{name}")


def _owner_key(login: NewLogin, of: str) -> str | None:
    if of == "staff":
        return login.staff.key if login.staff else None
    district = login.user.district
    return district.key if district else None
