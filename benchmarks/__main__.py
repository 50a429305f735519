"""Run every benchmark against the database of ``USUL_HOME`` (``make bench`` uses var/bench)."""

from __future__ import annotations

import os
import sys
from importlib import import_module


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usul.config.settings")
    import django

    django.setup()
    from usul.cli import prepare_database

    prepare_database()
    from benchmarks import BENCHMARKS

    within_target = True
    for name in BENCHMARKS:
        print(f"== {name}")
        within_target &= import_module(name).run()
    return 0 if within_target else 1


if __name__ == "__main__":
    sys.exit(main())
