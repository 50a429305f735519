"""Courses, categories and creative reports get a public address (a UUID) to be corrected or
removed by. Schema first (nullable), then each existing row its own UUID — its history rows the
same one — then the field becomes unique and required."""

import uuid

from django.db import migrations, models

MODELS = ("category", "course", "creativereport")


def give_addresses(apps, schema_editor):
    for name in MODELS:
        live = apps.get_model("people", name)
        historical = apps.get_model("people", f"historical{name}")
        addresses = {}
        for row in live.objects.all().only("pk"):
            addresses[row.pk] = uuid.uuid4()
            live.objects.filter(pk=row.pk).update(uuid=addresses[row.pk])
        for row in historical.objects.all().only("history_id", "id"):
            historical.objects.filter(history_id=row.history_id).update(
                uuid=addresses.get(row.id) or uuid.uuid4()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0007_thematic_plan_item_history"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(editable=False, null=True),
            )
            for name in MODELS
        ),
        *(
            migrations.AddField(
                model_name=f"historical{name}",
                name="uuid",
                field=models.UUIDField(editable=False, null=True),
            )
            for name in MODELS
        ),
        migrations.RunPython(give_addresses, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
            )
            for name in MODELS
        ),
        *(
            migrations.AlterField(
                model_name=f"historical{name}",
                name="uuid",
                field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
            )
            for name in MODELS
        ),
    ]
