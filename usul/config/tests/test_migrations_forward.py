"""A database made before records moved between apps migrates forward with nothing lost.

The year-end analysis left ``planning`` (ORG-5, DOC-5), the resolution reminders left
``notifications`` (DOC-12, ORG-4) and the director's orders and the methodological council's
decisions left ``schools`` (GEN-4, GEN-6, GEN-8, DOC-1, DOC-2) through state-only migrations:
the tables keep their names, so
a school's rows and their history stay where they are and are read by the models in their new
apps. This test runs on the real migrations in every run: with ``--nomigrations`` the tables
come from the models, so it first records them as migrated, then goes back to the state before
the moves, writes rows as the old code would, and migrates forward again.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from usul.testing import factories as f

# The last migration of each app before its records moved out or in.
BEFORE_THE_MOVES = [
    ("analysis", None),  # the analysis app did not exist yet
    ("orders", None),  # nor the orders app
    ("schools", "0001_initial"),
    ("associations", "0003_history_of_subjects"),
    ("planning", "0002_plan_versions_events_materials"),
    ("meetings", "0002_initial"),
    ("notifications", "0001_notifications_and_reminders"),
]


def _migrate(targets) -> object:
    """Migrate to ``targets`` and return the apps (historical models) of the state reached."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
@override_settings(MIGRATION_MODULES={})  # the real migrations, whatever the run's options
def test_a_database_from_before_the_moves_migrates_forward_with_nothing_lost():
    # With --nomigrations the tables were made from the models and no migration is recorded:
    # record them as applied (a real-migrations run has nothing left to record).
    MigrationExecutor(connection).migrate(_latest(), fake=True)
    school = f.make_school(key="sch-17")
    year = f.make_year(school)
    ma = f.make_association(school, name="Тил жана адабият", key="ma-lang")
    deputy = f.make_staff(school, last_name="Садыкова", first_name="Айгүл")
    meeting = f.make_meeting(ma, year=year, date=dt.date(2026, 5, 20), key="m-5")
    resolution = f.make_resolution(meeting, text="Ачык сабактарды талдоо", due=dt.date(2026, 6, 1))

    old = _migrate(BEFORE_THE_MOVES)
    # Written as the code before the moves wrote them: models of their old apps.
    old.get_model("notifications", "ResolutionReminder").objects.create(
        resolution_id=resolution.pk, due=dt.date(2026, 6, 1)
    )
    old_analysis = old.get_model("planning", "YearAnalysis").objects.create(
        association_id=ma.pk,
        year_id=year.pk,
        author_id=deputy.pk,
        date=dt.date(2026, 5, 25),
        text="Бирикме жылдык планын аткарды.",
        proposals=["Ачык сабактарды көбөйтүү"],
        presented_at_id=meeting.pk,
    )
    old.get_model("planning", "HistoricalYearAnalysis").objects.create(
        id=old_analysis.pk,
        association_id=ma.pk,
        year_id=year.pk,
        date=dt.date(2026, 5, 25),
        text="Бирикме жылдык планын аткарды.",
        created_at=dt.datetime(2026, 5, 25, 9, tzinfo=dt.UTC),
        updated_at=dt.datetime(2026, 5, 25, 9, tzinfo=dt.UTC),
        history_date=dt.datetime(2026, 5, 25, 9, tzinfo=dt.UTC),
        history_type="+",
    )

    old_order = old.get_model("schools", "Order").objects.create(
        school_id=school.pk,
        key="o-2025-1",
        number="41",
        date=dt.date(2025, 8, 28),
        kind="ma_create",
        association_id=ma.pk,
        text="Тил жана адабият бирикмесин түзүү жөнүндө",
    )
    old.get_model("associations", "Association").objects.filter(pk=ma.pk).update(
        created_by_id=old_order.pk
    )
    old_decision = old.get_model("schools", "CouncilDecision").objects.create(
        school_id=school.pk, key="c-2025-1", year_id=year.pk, date=dt.date(2025, 8, 27)
    )
    old_decision.associations.add(ma.pk)

    _migrate(_latest())
    ContentType.objects.clear_cache()

    from usul.analysis.models import YearAnalysis
    from usul.associations.models import Association
    from usul.meetings.models import ResolutionReminder
    from usul.orders.models import CouncilDecision, Order

    reminder = ResolutionReminder.objects.get()
    assert (reminder.resolution, reminder.due) == (resolution, dt.date(2026, 6, 1))
    analysis = YearAnalysis.objects.get()
    assert (analysis.association, analysis.year, analysis.author) == (ma, year, deputy)
    assert analysis.text == "Бирикме жылдык планын аткарды."
    assert analysis.proposals == ["Ачык сабактарды көбөйтүү"]
    assert analysis.presented_at == meeting
    assert [h.history_type for h in analysis.history.all()] == ["+"]
    order = Order.objects.get(key="o-2025-1")
    assert (order.school, order.key, order.number, order.association) == (
        school,
        "o-2025-1",
        "41",
        ma,
    )
    assert Association.objects.get(pk=ma.pk).created_by == order
    decision = CouncilDecision.objects.get()
    assert (decision.key, decision.year, list(decision.associations.all())) == (
        "c-2025-1",
        year,
        [ma],
    )
    # Permissions and admin log entries follow the models: one content type, in the new app.
    for model in (ResolutionReminder, YearAnalysis, Order, CouncilDecision):
        types = ContentType.objects.filter(model=model._meta.model_name)
        assert [t.app_label for t in types] == [model._meta.app_label]
