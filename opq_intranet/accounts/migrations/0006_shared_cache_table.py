"""The cache every worker shares (settings.CACHES: PostgreSQL's DatabaseCache by default) needs
its table: created here, so that `migrate` alone sets up a fresh database (`make run`,
`make test`, each deployment). `createcachetable` skips a table that exists, and does
nothing when CACHE_URL names a cache outside the database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_second_factor_from_it_and_enrolment_links")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
