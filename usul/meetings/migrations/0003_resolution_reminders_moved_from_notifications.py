"""Resolution reminders leave ``notifications`` for ``meetings``; their tables keep their names.

An overdue reminder is a fact about a resolution (DOC-12, ORG-4), so it lives with the
resolutions; notifications only deliver. Only Django's state moves (the tables
``notifications_resolutionreminder`` and ``notifications_historicalresolutionreminder`` stay
as they are, rows and history included); the content types follow.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = ("resolutionreminder", "historicalresolutionreminder")


def _move_content_types(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def content_types_to_meetings(apps, schema_editor):
    _move_content_types(apps, "notifications", "meetings")


def content_types_to_notifications(apps, schema_editor):
    _move_content_types(apps, "meetings", "notifications")


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0002_initial'),
        ('notifications', '0001_notifications_and_reminders'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HistoricalResolutionReminder',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('due', models.DateField(verbose_name='due')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('resolution', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meetings.resolution')),
                ],
                options={
                    'verbose_name': 'historical overdue reminder',
                    'verbose_name_plural': 'historical overdue reminders',
                    'db_table': 'notifications_historicalresolutionreminder',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='ResolutionReminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('due', models.DateField(verbose_name='due')),
                    ('resolution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='meetings.resolution')),
                ],
                options={
                    'verbose_name': 'overdue reminder',
                    'verbose_name_plural': 'overdue reminders',
                    'db_table': 'notifications_resolutionreminder',
                    'ordering': ['resolution', 'due'],
                    'constraints': [models.UniqueConstraint(fields=('resolution', 'due'), name='resolution_reminder_once_per_due')],
                },
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_meetings, content_types_to_notifications),
    ]
