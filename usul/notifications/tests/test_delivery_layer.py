"""Notifications are a delivery layer: the MA's work calls them, they call none of it back."""

from __future__ import annotations

import ast
from pathlib import Path

import usul.notifications

# The apps that tell people things; a notification must not need to know any of them.
CALLERS = ("usul.planning", "usul.meetings", "usul.lessons", "usul.analysis", "usul.compliance")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_notifications_app_imports_none_of_the_apps_that_call_it():
    root = Path(usul.notifications.__file__).parent
    found = {
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        for name in _imports(path)
        if name.startswith(CALLERS)
    }
    assert found == set()


def test_the_overdue_reminder_lives_with_the_resolutions_it_remembers():
    from usul.meetings.models import Resolution, ResolutionReminder

    reminder = ResolutionReminder._meta
    assert reminder.app_label == "meetings"
    assert reminder.get_field("resolution").related_model is Resolution
    # The table kept its name through the move (a database from before reads the same rows).
    assert reminder.db_table == "notifications_resolutionreminder"
