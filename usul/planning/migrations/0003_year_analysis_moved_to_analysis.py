"""The year-end analysis now belongs to ``usul.analysis``: planning forgets it, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0002_plan_versions_events_materials'),
        ('analysis', '0001_year_analysis_moved_from_planning'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='yearanalysis',
                name='association',
            ),
            migrations.RemoveField(
                model_name='yearanalysis',
                name='author',
            ),
            migrations.RemoveField(
                model_name='yearanalysis',
                name='presented_at',
            ),
            migrations.RemoveField(
                model_name='yearanalysis',
                name='year',
            ),
            migrations.DeleteModel(
                name='HistoricalYearAnalysis',
            ),
            migrations.DeleteModel(
                name='YearAnalysis',
            ),
            ],
            database_operations=[],
        ),
    ]
