"""The ``usul`` console command.

Passes every Django management command through (``usul migrate``, ``usul createsuperuser``…)
and names Usul's own: ``serve``, ``demo``, ``import``, ``export``, ``compliance``,
``document``. Every command prepares the database on first use, so nothing has to be
remembered.
"""

from __future__ import annotations

import os
import sys

# Commands whose names Python would not accept as module names.
ALIASES = {"import": "import_bundle", "export": "export_bundle"}
# Commands that must not trigger the automatic migration.
NO_AUTO_MIGRATE = {
    "migrate",
    "makemigrations",
    "help",
    "version",
    "--help",
    "-h",
    "--version",
    "check",
    "compilemessages",
    "makemessages",
    "shell",
    "dbshell",
    "sqlmigrate",
    "showmigrations",
    "test",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usul.config.settings")
    from usul.config.env import ConfigurationError

    try:
        import django

        django.setup()
    except ConfigurationError as exc:
        sys.stderr.write(f"usul: {exc}\n")
        raise SystemExit(2) from None

    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
        if argv[1] not in NO_AUTO_MIGRATE:
            prepare_database()

    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


def prepare_database() -> None:
    """Apply pending migrations, quietly, so that a fresh data folder just works."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import OperationalError

    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as exc:
        sys.stderr.write(f"usul: cannot reach the database: {exc}\n")
        raise SystemExit(2) from None
    if plan:
        call_command("migrate", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
