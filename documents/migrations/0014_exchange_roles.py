"""Exchange spaces: every staff member may use them (their unit's spaces), the records
manager administers them all, the orders' users and the other partners' users use theirs."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(
        apps,
        {
            Role.STAFF: ["documents.use_exchange"],
            Role.RECORDS: ["documents.use_exchange", "documents.manage_exchange"],
            Role.ORDER_DECLARANT: ["documents.use_exchange"],
            Role.ORDER_READER: ["documents.use_exchange"],
            Role.PARTNER: ["accounts.access_portal", "documents.use_exchange"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("documents", "0013_exchange_spaces"), ("accounts", "0009_user_partner_organisation")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
