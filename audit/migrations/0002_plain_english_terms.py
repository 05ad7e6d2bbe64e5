"""Load the default words to avoid (GOV.UK's list and a few plain English phrases) into
``PlainEnglishTerm``, where administrators can edit them."""

from django.db import migrations


def _rows():
    from audit.checks.content.words import DEFAULT_ROWS

    return DEFAULT_ROWS


def load_terms(apps, schema_editor):
    PlainEnglishTerm = apps.get_model("audit", "PlainEnglishTerm")
    existing = set(PlainEnglishTerm.objects.values_list("phrase", flat=True))
    PlainEnglishTerm.objects.bulk_create(
        PlainEnglishTerm(phrase=phrase, alternatives=alternatives, note=note)
        for phrase, alternatives, note in _rows()
        if phrase not in existing
    )


def remove_terms(apps, schema_editor):
    PlainEnglishTerm = apps.get_model("audit", "PlainEnglishTerm")
    PlainEnglishTerm.objects.filter(phrase__in=[row[0] for row in _rows()]).delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(load_terms, remove_terms)]
