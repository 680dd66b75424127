"""Seed the national questionnaires (see kinerja.satisfaction.instruments)."""

from django.db import migrations


def seed(apps, schema_editor):
    from kinerja.satisfaction.instruments import seed as seed_instruments

    seed_instruments(
        apps.get_model("satisfaction", "SurveyVersion"),
        apps.get_model("satisfaction", "SurveyElement"),
        apps.get_model("satisfaction", "GradeBand"),
    )


class Migration(migrations.Migration):
    dependencies = [("satisfaction", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
