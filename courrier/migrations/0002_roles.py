"""The mail room (Courrier role) registers, routes and closes mail, and handles the access
requests (the Office's person responsible for access is given this role)."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(apps, {Role.MAIL: ["courrier.register_mail", "courrier.handle_access_requests"]})


class Migration(migrations.Migration):
    dependencies = [("courrier", "0001_initial"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
