"""The BDSP's permissions on the roles: analysts build forms and review; déclarants file."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(
        apps,
        {
            Role.BDSP_ANALYST: ["bdsp.manage_forms", "bdsp.review_returns"],
            Role.ORDER_DECLARANT: ["bdsp.file_return"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("bdsp", "0001_initial"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
