"""An MA's creating and liquidating orders and a head's confirming order point at ``orders.Order`` (same table, state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('associations', '0003_history_of_subjects'),
        ('orders', '0001_orders_and_council_decisions_moved_from_schools'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='association',
                name='created_by',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='orders.order', verbose_name='creating order'),
            ),
            migrations.AlterField(
                model_name='association',
                name='liquidated_by',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='orders.order', verbose_name='liquidating order'),
            ),
            migrations.AlterField(
                model_name='headterm',
                name='order',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='orders.order', verbose_name='order'),
            ),
            migrations.AlterField(
                model_name='historicalassociation',
                name='created_by',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='orders.order', verbose_name='creating order'),
            ),
            migrations.AlterField(
                model_name='historicalassociation',
                name='liquidated_by',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='orders.order', verbose_name='liquidating order'),
            ),
            migrations.AlterField(
                model_name='historicalheadterm',
                name='order',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='orders.order', verbose_name='order'),
            ),
            ],
            database_operations=[],
        ),
    ]
