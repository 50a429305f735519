"""The bank's tests: the cast of usul/testing/scene.py, files stored in a folder of the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from usul.ideas import services
from usul.lib.tests import hostile_files


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return Path(settings.MEDIA_ROOT)


def a_pdf(name: str = "Сабак.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, hostile_files.pdf(), "application/pdf")


def upload(
    scene,
    role: str = "teacher",
    *,
    title: str,
    description: str = "",
    tags: str = "",
    send: bool = True,
    association=None,
    **fields,
):
    """A material uploaded through the service by that member of the cast."""
    return services.material_create(
        actor=scene.viewer(role),
        school=scene.school,
        association=association or scene.stem,
        title=title,
        kind=fields.pop("kind", "lesson_plan"),
        description=description,
        tags=tags,
        upload=a_pdf(),
        send=send,
        **fields,
    )


def publish(scene, material):
    """Evaluated ready by the STEM MA's head and published by the head."""
    services.material_evaluate(
        actor=scene.viewer("head"), material=material, comment="", ready=True
    )
    return services.material_publish(actor=scene.viewer("head"), material=material)
