"""Records management (Gestion documentaire) no longer sees every order's portal data: the
orders' returns and their files are the BDSP analysts' (and each order's own partners')."""

from django.db import migrations


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="accounts", codename="view_all_orders").first()
    group = Group.objects.filter(name="Gestion documentaire").first()
    if permission is not None and group is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_shared_cache_table")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
