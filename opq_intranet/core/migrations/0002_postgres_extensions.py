from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Accent-insensitive French search (unaccent) and similarity matching (pg_trgm)."""

    dependencies = [("core", "0001_initial")]

    operations = [UnaccentExtension(), TrigramExtension()]
