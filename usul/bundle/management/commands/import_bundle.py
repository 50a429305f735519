"""``usul import FILE``: bring a school bundle (BUNDLE.md) into this installation.

Exit status: 0 imported; 1 the bundle is invalid (every error on stderr, one per line, nothing
imported); 2 the file cannot be read or is not JSON.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_import
from usul.bundle.services.summary import SECTION_LABELS
from usul.bundle.validation import BundleInvalid, BundleUnreadable, parse


def read_bundle(path: str):
    """The parsed JSON of ``path``; raises ``ValueError`` with a sentence a user can act on."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError as exc:
        raise ValueError(
            _("cannot read %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror or exc}
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValueError(_("%(path)s is not UTF-8 text") % {"path": path}) from exc
    try:
        return parse(text)
    except BundleUnreadable as exc:
        raise ValueError(f"{path}: {exc}") from exc


def summary_line(summary) -> str:
    return _(
        "%(school)s: %(created)s created, %(updated)s updated, %(deleted)s deleted, "
        "%(unchanged)s unchanged, %(kept)s not in the bundle and kept"
    ) % {
        "school": summary.school,
        "created": summary.total("created"),
        "updated": summary.total("updated"),
        "deleted": summary.total("deleted"),
        "unchanged": summary.total("unchanged"),
        "kept": summary.total("kept"),
    }


def record_lines(summary) -> list[str]:
    """Who and what, record by record: each change with its fields old → new, each deletion,
    each row kept because it was recorded here after the bundle was exported."""
    lines = []
    for name, changes in summary.sections.items():
        section = SECTION_LABELS[name]
        for change in changes.changes:
            fields = "; ".join(f"{f.field}: {f.old} → {f.new}" for f in change.fields)
            lines.append(
                _("changed: %(section)s: %(record)s (%(owner)s): %(fields)s")
                % {"section": section, "record": change.record, "owner": change.owner,
                   "fields": fields}
            )  # fmt: skip
        for gone in changes.deletions:
            lines.append(
                _("deleted: %(section)s (%(owner)s): %(record)s")
                % {"section": section, "owner": gone.owner, "record": gone.record}
            )
        for gone in changes.spared:
            lines.append(
                _(
                    "kept, recorded here after the bundle was exported (--delete-newer deletes "
                    "it): %(section)s (%(owner)s): %(record)s"
                )
                % {"section": section, "owner": gone.owner, "record": gone.record}
            )
    return lines


def use_utf8(stream) -> None:
    """Kyrgyz letters must reach the terminal or file even under a C locale."""
    target = getattr(stream, "_out", stream)
    if hasattr(target, "reconfigure"):
        target.reconfigure(encoding="utf-8")


class Command(BaseCommand):
    help = "Import a school bundle (JSON, BUNDLE.md): all or nothing, in place by keys."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the bundle file (JSON)")
        parser.add_argument(
            "--delete-newer", action="store_true",
            help="also delete rows recorded here after the bundle was exported",
        )  # fmt: skip
        parser.add_argument(
            "--lang", choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE, help="language of the messages (default: ky)",
        )  # fmt: skip

    def handle(self, *args, **options):
        use_utf8(self.stdout)
        use_utf8(self.stderr)
        with translation.override(options["lang"]):
            try:
                data = read_bundle(options["file"])
            except ValueError as exc:
                self.stderr.write(f"usul import: {exc}")
                sys.exit(2)
            try:
                summary = bundle_import(
                    actor=command_line_administrator(),
                    data=data,
                    delete_newer=options["delete_newer"],
                )
            except BundleInvalid as invalid:
                for error in invalid.errors:
                    self.stderr.write(str(error))
                sys.exit(1)
            self.stdout.write(summary_line(summary))
            for line in record_lines(summary):
                self.stdout.write(line)
