"""The Bureau des présidents (clerks, chairs, the senior chair) open cases, schedule hearings
and record decisions; who is a chair is the chairs' directory (Chair.user)."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(apps, {Role.DISCIPLINE: ["discipline.manage_cases"]})


class Migration(migrations.Migration):
    dependencies = [("discipline", "0001_initial"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
