"""Configuration read from the environment, failing loudly on a bad value.

Usul is configured by environment variables (the README's configuration table): ``USUL_HOME`` —
the data folder —, ``USUL_DATABASE_URL``, ``USUL_HTTPS`` and the rest. Anything wrong stops the
program with one line that names the variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

CHECKOUT = Path(__file__).resolve().parents[2]


class ConfigurationError(Exception):
    """A setting from the environment cannot be used; the message names it."""


# The data folder holds a whole school's personal data (the database, its WAL, waiting bundle
# uploads, plan materials): what Usul creates there is readable by the service's user only.
PRIVATE_UMASK = 0o077
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def usul_home() -> Path:
    raw = os.environ.get("USUL_HOME") or str(CHECKOUT / "var")
    home = Path(raw).expanduser().resolve()
    # Files and folders this process creates (SQLite makes its WAL and SHM with the database's
    # mode, uploads wait in temporary files) are the service's alone.
    os.umask(PRIVATE_UMASK)
    try:
        home.mkdir(parents=True, exist_ok=True)
        if home.stat().st_uid == os.getuid():
            home.chmod(PRIVATE_FOLDER)
    except OSError as exc:
        raise ConfigurationError(
            f"USUL_HOME={raw!r}: cannot create the data folder ({exc})"
        ) from exc
    if not os.access(home, os.W_OK):
        raise ConfigurationError(f"USUL_HOME={raw!r}: the data folder is not writable")
    return home


def database(home: Path) -> dict:
    raw = os.environ.get("USUL_DATABASE_URL", "").strip()
    if not raw:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(home / "usul.sqlite3"),
            # WAL lets pages read while a write is in progress (init_command runs per connection).
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    if raw.startswith(("postgres://", "postgresql://")):
        try:
            config = dj_database_url.parse(raw, conn_max_age=600, conn_health_checks=True)
        except ValueError as exc:
            raise ConfigurationError(f"USUL_DATABASE_URL: {exc}") from exc
        if not config.get("NAME"):
            raise ConfigurationError("USUL_DATABASE_URL: the database name is missing")
        return config
    if raw.startswith("sqlite:///"):
        config = dj_database_url.parse(raw)
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        return config
    raise ConfigurationError(
        f"USUL_DATABASE_URL={raw!r}: expected postgresql://user:password@host:port/name "
        "or sqlite:///path/to/file"
    )


def secret_key(home: Path) -> str:
    path = home / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(PRIVATE_FILE)
    return path.read_text().strip()


def megabytes(name: str, default: int) -> int:
    """A size in whole megabytes (at least 1), returned in bytes."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default * 1024 * 1024
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name}={raw!r}: expected a whole number of megabytes, 1 or more")
    return int(raw) * 1024 * 1024


def allowed_hosts(https: bool) -> list[str]:
    """The host names Usul answers to. Never ``*`` by default: on a machine of its own Usul
    answers to the loopback names only, and in production (``USUL_HTTPS``) the names must be
    given, so that a forged Host header never reaches a page."""
    raw = os.environ.get("USUL_ALLOWED_HOSTS", "").strip()
    hosts = [h.strip() for h in raw.split(",") if h.strip()]
    if hosts:
        return hosts
    if https:
        raise ConfigurationError(
            "USUL_ALLOWED_HOSTS: with USUL_HTTPS=1 name the host(s) Usul is reached at, "
            "e.g. usul.school17.kg"
        )
    return ["localhost", "127.0.0.1", "[::1]"]


def whole_number(name: str, default: int) -> int:
    """A whole number, 1 or more."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name}={raw!r}: expected a whole number, 1 or more")
    return int(raw)


def flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name}={raw!r}: expected true or false")
