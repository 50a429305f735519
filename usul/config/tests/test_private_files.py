"""What Usul writes under USUL_HOME is readable by the service's user only (folders 0700,
files 0600): the database and its WAL, waiting bundle uploads, plan materials."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from usul.config import env


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """A process started with the usual umask 022, which makes files world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_database_its_wal_and_the_data_folder_are_the_services_alone(tmp_path):
    home = tmp_path / "home"
    # While the connection is open SQLite keeps the -wal and -shm files next to the database.
    probe = (
        "import os, stat\n"
        "os.umask(0o022)\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'usul.config.settings'\n"
        "import django\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "connection.cursor().execute('create table probe (x integer)')\n"
        "home = os.environ['USUL_HOME']\n"
        "for name in ('usul.sqlite3', 'usul.sqlite3-wal', 'usul.sqlite3-shm', 'secret_key'):\n"
        "    print(name, oct(stat.S_IMODE(os.stat(os.path.join(home, name)).st_mode)))\n"
        "print('home', oct(stat.S_IMODE(os.stat(home).st_mode)))\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe],
        env={**os.environ, "USUL_HOME": str(home), "USUL_DATABASE_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    modes = dict(line.split() for line in result.stdout.split("\n") if line.strip())
    assert modes == {
        "usul.sqlite3": "0o600",
        "usul.sqlite3-wal": "0o600",
        "usul.sqlite3-shm": "0o600",
        "secret_key": "0o600",
        "home": "0o700",
    }


def test_an_existing_world_readable_data_folder_is_closed(tmp_path, monkeypatch, open_umask):
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    monkeypatch.setenv("USUL_HOME", str(home))
    assert env.usul_home() == home
    assert mode(home) == 0o700
    assert os.umask(0o022) == env.PRIVATE_UMASK  # what the process creates from now on


@pytest.mark.django_db
def test_a_plan_material_is_stored_readable_by_the_service_only(
    settings, tmp_path, open_umask, school
):
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path / "files"
    name = default_storage.save(
        "plan-materials/2025/10/slides.pdf", SimpleUploadedFile("slides.pdf", b"%PDF")
    )
    stored = Path(settings.MEDIA_ROOT) / name
    assert mode(stored) == 0o600
    assert mode(stored.parent) == 0o700
    assert mode(stored.parent.parent) == 0o700


@pytest.mark.django_db
def test_a_waiting_bundle_upload_is_readable_by_the_service_only(
    client, settings, tmp_path, open_umask
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from usul.accounts.models import User

    settings.USUL_HOME = tmp_path
    client.force_login(User.objects.create(username="admin", is_administrator=True))
    from usul.bundle.tests.conftest import EXAMPLE

    upload = SimpleUploadedFile("b.json", EXAMPLE.read_bytes(), "application/json")
    preview = client.post("/bundle/upload/", {"bundle": upload})
    assert preview.status_code == 200
    waiting = list((tmp_path / "files" / "bundles").glob("*.json"))
    assert len(waiting) == 1
    assert mode(waiting[0]) == 0o600
    assert mode(waiting[0].parent) == 0o700
