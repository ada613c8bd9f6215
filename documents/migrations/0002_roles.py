"""The records manager (Gestion documentaire) keeps the classification plan and the schedule."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(apps, {Role.RECORDS: ["documents.manage_plan"]})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_plan_and_schedule"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
