"""The BDSP's portal pages are the orders' (their filers and readers): a partner organisation's
users, who share exchange spaces with the Office, hold `accounts.access_portal` but not this."""

from django.db import migrations

from opq_intranet.accounts.roles import Role, grant_role_permissions


def grant(apps, schema_editor):
    grant_role_permissions(apps, {Role.ORDER_DECLARANT: ["bdsp.use_portal"], Role.ORDER_READER: ["bdsp.use_portal"]})


class Migration(migrations.Migration):
    dependencies = [("bdsp", "0006_regulation_rules_on_existing_forms"), ("accounts", "0009_user_partner_organisation")]

    operations = [
        migrations.AlterModelOptions(
            name="reportingyear",
            options={
                "ordering": ["-year"],
                "permissions": [
                    ("manage_forms", "Can build and open the yearly forms"),
                    ("review_returns", "Can review, return and accept annual returns"),
                    ("file_return", "Can fill in and submit the order's annual return"),
                    ("use_portal", "Can open the order's annual returns on the portal"),
                ],
                "verbose_name": "reporting year",
                "verbose_name_plural": "reporting years",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
