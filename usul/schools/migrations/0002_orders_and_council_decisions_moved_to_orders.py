"""The director's orders and the council's decisions now belong to ``usul.orders``: schools forgets them, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('associations', '0004_orders_are_in_the_orders_app'),
        ('schools', '0001_initial'),
        ('orders', '0001_orders_and_council_decisions_moved_from_schools'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='historicalcouncildecision',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalcouncildecision',
                name='school',
            ),
            migrations.RemoveField(
                model_name='historicalcouncildecision',
                name='year',
            ),
            migrations.RemoveField(
                model_name='historicalorder',
                name='association',
            ),
            migrations.RemoveField(
                model_name='historicalorder',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalorder',
                name='proposed_by',
            ),
            migrations.RemoveField(
                model_name='historicalorder',
                name='school',
            ),
            migrations.RemoveField(
                model_name='historicalorder',
                name='signed_by',
            ),
            migrations.RemoveField(
                model_name='order',
                name='association',
            ),
            migrations.RemoveField(
                model_name='order',
                name='proposed_by',
            ),
            migrations.RemoveField(
                model_name='order',
                name='school',
            ),
            migrations.RemoveField(
                model_name='order',
                name='signed_by',
            ),
            migrations.DeleteModel(
                name='CouncilDecision',
            ),
            migrations.DeleteModel(
                name='HistoricalCouncilDecision',
            ),
            migrations.DeleteModel(
                name='HistoricalOrder',
            ),
            migrations.DeleteModel(
                name='Order',
            ),
            ],
            database_operations=[],
        ),
    ]
