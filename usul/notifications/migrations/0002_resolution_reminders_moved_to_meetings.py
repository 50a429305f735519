"""Resolution reminders now belong to ``usul.meetings``: notifications forget them, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0001_notifications_and_reminders'),
        ('meetings', '0003_resolution_reminders_moved_from_notifications'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='resolutionreminder',
                name='resolution',
            ),
            migrations.DeleteModel(
                name='HistoricalResolutionReminder',
            ),
            migrations.DeleteModel(
                name='ResolutionReminder',
            ),
            ],
            database_operations=[],
        ),
    ]
