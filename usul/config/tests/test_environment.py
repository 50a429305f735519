"""Configuration by environment: USUL_HOME and USUL_DATABASE_URL, failing loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from usul.config import env


def test_a_bad_database_url_names_the_variable():
    os.environ["USUL_DATABASE_URL"] = "mysql://nope"
    try:
        with pytest.raises(env.ConfigurationError, match="USUL_DATABASE_URL"):
            env.database(Path("/tmp"))
    finally:
        del os.environ["USUL_DATABASE_URL"]


def test_postgres_urls_use_persistent_connections():
    os.environ["USUL_DATABASE_URL"] = "postgresql://u:p@localhost:5432/usul"
    try:
        config = env.database(Path("/tmp"))
    finally:
        del os.environ["USUL_DATABASE_URL"]
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "usul"
    assert config["CONN_MAX_AGE"] == 600


def test_the_default_database_is_sqlite_inside_usul_home(tmp_path):
    config = env.database(tmp_path)
    assert config["NAME"] == str(tmp_path / "usul.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode():
    if connection.vendor != "sqlite":
        assert connection.vendor == "postgresql"
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The in-memory test database reports "memory"; a file database reports "wal".
    assert mode in ("wal", "memory")


def test_the_usul_command_stops_with_one_clear_line_on_a_bad_setting(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "usul", "check"],
        env={**os.environ, "USUL_HOME": str(tmp_path), "USUL_DATABASE_URL": "oracle://x"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("usul: USUL_DATABASE_URL=")


def test_the_usul_command_prepares_a_fresh_database_by_itself(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "usul", "showmigrations", "--plan"],
        env={**os.environ, "USUL_HOME": str(tmp_path), "USUL_DATABASE_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0
    # showmigrations does not migrate by itself; a command that needs the database does.
    result = subprocess.run(
        [sys.executable, "-m", "usul", "diffsettings"],
        env={**os.environ, "USUL_HOME": str(tmp_path), "USUL_DATABASE_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "usul.sqlite3").exists()
    with subprocess.Popen(
        [sys.executable, "-m", "usul", "showmigrations", "accounts"],
        env={**os.environ, "USUL_HOME": str(tmp_path), "USUL_DATABASE_URL": ""},
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        out = proc.communicate(timeout=300)[0]
    assert "[X] 0001_initial" in out
