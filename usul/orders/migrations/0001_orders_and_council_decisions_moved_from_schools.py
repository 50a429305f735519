"""The director's orders and the methodological council's decisions leave ``schools``; their tables keep their names.

``schools`` stays the tenant root. Only Django's state moves (the tables ``schools_order``,
``schools_councildecision``, ``schools_councildecision_associations`` and their history
tables stay as they are, rows and history included); the content types follow.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = ("order", "historicalorder", "councildecision", "historicalcouncildecision")


def _move_content_types(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def content_types_to_orders(apps, schema_editor):
    _move_content_types(apps, "schools", "orders")


def content_types_to_schools(apps, schema_editor):
    _move_content_types(apps, "orders", "schools")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('associations', '0003_history_of_subjects'),
        ('people', '0002_initial'),
        ('schools', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='HistoricalCouncilDecision',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('key', models.CharField(max_length=100, verbose_name='key')),
                    ('date', models.DateField(verbose_name='date')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('school', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.school')),
                    ('year', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.schoolyear')),
                ],
                options={
                    'verbose_name': 'historical methodological council decision',
                    'verbose_name_plural': 'historical methodological council decisions',
                    'db_table': 'schools_historicalcouncildecision',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='HistoricalOrder',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                    ('key', models.CharField(max_length=100, verbose_name='key')),
                    ('number', models.CharField(blank=True, max_length=50, verbose_name='number')),
                    ('date', models.DateField(verbose_name='date')),
                    ('kind', models.CharField(choices=[('ma_create', 'Creating an MA'), ('ma_reorganize', 'Reorganising an MA'), ('ma_liquidate', 'Liquidating an MA'), ('head_confirm', 'Confirming an MA head'), ('ma_count', 'Number of MAs'), ('ktu_commission', 'KTU commission'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('association', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='associations.association', verbose_name='MA')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('proposed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.staff', verbose_name='proposed by')),
                    ('school', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schools.school')),
                    ('signed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.staff', verbose_name='signed by')),
                ],
                options={
                    'verbose_name': "historical director's order",
                    'verbose_name_plural': "historical director's orders",
                    'db_table': 'schools_historicalorder',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='CouncilDecision',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('key', models.CharField(max_length=100, verbose_name='key')),
                    ('date', models.DateField(verbose_name='date')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('associations', models.ManyToManyField(blank=True, related_name='council_decisions', to='associations.association', verbose_name='MAs')),
                    ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='council_decisions', to='schools.school')),
                    ('year', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='council_decisions', to='schools.schoolyear')),
                ],
                options={
                    'verbose_name': 'methodological council decision',
                    'verbose_name_plural': 'methodological council decisions',
                    'db_table': 'schools_councildecision',
                    'ordering': ['school', 'date', 'key'],
                    'constraints': [models.UniqueConstraint(fields=('school', 'key'), name='council_key_per_school')],
                },
            ),
            migrations.CreateModel(
                name='Order',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                    ('key', models.CharField(max_length=100, verbose_name='key')),
                    ('number', models.CharField(blank=True, max_length=50, verbose_name='number')),
                    ('date', models.DateField(verbose_name='date')),
                    ('kind', models.CharField(choices=[('ma_create', 'Creating an MA'), ('ma_reorganize', 'Reorganising an MA'), ('ma_liquidate', 'Liquidating an MA'), ('head_confirm', 'Confirming an MA head'), ('ma_count', 'Number of MAs'), ('ktu_commission', 'KTU commission'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                    ('text', models.TextField(blank=True, verbose_name='text')),
                    ('association', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='orders', to='associations.association', verbose_name='MA')),
                    ('proposed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proposed_orders', to='people.staff', verbose_name='proposed by')),
                    ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='orders', to='schools.school')),
                    ('signed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='signed_orders', to='people.staff', verbose_name='signed by')),
                ],
                options={
                    'verbose_name': "director's order",
                    'verbose_name_plural': "director's orders",
                    'db_table': 'schools_order',
                    'ordering': ['school', 'date', 'key'],
                    'constraints': [models.UniqueConstraint(fields=('school', 'key'), name='order_key_per_school')],
                },
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_orders, content_types_to_schools),
    ]
