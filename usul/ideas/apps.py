from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _ensure_search_index(sender, using, **kwargs) -> None:
    from usul.ideas.search import ensure_index

    ensure_index(connections[using])


class IdeasConfig(AppConfig):
    name = "usul.ideas"
    label = "ideas"

    def ready(self) -> None:
        # The tests create tables without migrations (--nomigrations), and a migration that
        # remakes the table on SQLite drops its triggers: after every migrate, the index is
        # there and in step.
        post_migrate.connect(_ensure_search_index, sender=self)
