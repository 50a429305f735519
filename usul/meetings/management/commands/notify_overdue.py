"""``usul notify_overdue [--today YYYY-MM-DD]`` — run daily from cron.

Tells the responsible person and the MA's head of each open resolution past its due date
(DOC-12). Safe to run as often as you like: each resolution is reported once per due date.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.lib.dates import parse_date
from usul.meetings.services import resolutions_notify_overdue


class Command(BaseCommand):
    help = "Notify about open resolutions past their due date (once per resolution)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="the school day to check as of (YYYY-MM-DD); default: today"
        )

    def handle(self, *args, today=None, **options):
        if today:
            try:
                day = parse_date(today)
            except ValueError as exc:
                raise CommandError(
                    _("--today: expected a date as YYYY-MM-DD, got %(value)s") % {"value": today}
                ) from exc
        else:
            day = timezone.localdate()
        reported = resolutions_notify_overdue(today=day)
        self.stdout.write(_("Overdue resolutions reported: %(count)d") % {"count": reported})
