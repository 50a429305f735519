"""The year-end analysis leaves ``planning`` for its own app; its tables keep their names.

Only Django's state moves (the tables ``planning_yearanalysis`` and
``planning_historicalyearanalysis`` stay as they are, rows and history included); the content
types follow, so permissions and admin log entries keep pointing at the same model.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = ("yearanalysis", "historicalyearanalysis")


def _move_content_types(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def content_types_to_analysis(apps, schema_editor):
    _move_content_types(apps, schema_editor, "planning", "analysis")


def content_types_to_planning(apps, schema_editor):
    _move_content_types(apps, schema_editor, "analysis", "planning")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0002_plan_versions_events_materials'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('associations', '0003_history_of_subjects'),
        ('meetings', '0002_initial'),
        ('people', '0002_initial'),
        ('schools', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HistoricalYearAnalysis',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('date', models.DateField(verbose_name='date')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('proposals', models.JSONField(blank=True, default=list, verbose_name='proposals for next year')),
                    ('revision', models.PositiveIntegerField(default=1)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('association', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='associations.association')),
                    ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.staff', verbose_name='author')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('presented_at', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meetings.meeting', verbose_name='presented at meeting')),
                    ('year', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.schoolyear')),
                ],
                options={
                    'verbose_name': 'historical year-end analysis',
                    'verbose_name_plural': 'historical year-end analyses',
                    'db_table': 'planning_historicalyearanalysis',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='YearAnalysis',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('date', models.DateField(verbose_name='date')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('proposals', models.JSONField(blank=True, default=list, verbose_name='proposals for next year')),
                    ('revision', models.PositiveIntegerField(default=1)),
                    ('association', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='analyses', to='associations.association')),
                    ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.staff', verbose_name='author')),
                    ('presented_at', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='meetings.meeting', verbose_name='presented at meeting')),
                    ('year', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.schoolyear')),
                ],
                options={
                    'verbose_name': 'year-end analysis',
                    'verbose_name_plural': 'year-end analyses',
                    'db_table': 'planning_yearanalysis',
                    'ordering': ['association', 'year', 'date', 'id'],
                },
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_analysis, content_types_to_planning),
    ]
