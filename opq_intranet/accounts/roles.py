"""Roles are Django groups with permissions. This module is their single definition.

The data migrations create the groups from `ROLE_PERMISSIONS`; later apps add their own
permissions to a role with `grant_role_permissions` in a migration of their own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Staff roles. The group names are French because people see them in the admin.
    STAFF = "Personnel", _("Staff")
    RECORDS = "Gestion documentaire", _("Records management")
    MAIL = "Courrier", _("Mail")
    DISCIPLINE = "Bureau des présidents", _("Bureau des présidents")
    APPOINTMENTS = "Nominations", _("Appointments")
    BDSP_ANALYST = "BDSP analyste", _("BDSP analyst")
    INVENTORY = "Inventaire", _("Inventory")
    IT_ADMIN = "Administrateur TI", _("IT administrator")
    # Partner roles, for the users of a professional order, and of another partner
    # organisation (exchange spaces only).
    ORDER_DECLARANT = "Ordre déclarant", _("Order: filer")
    ORDER_READER = "Ordre lecteur", _("Order: reader")
    PARTNER = "Partenaire", _("Partner organisation")


PARTNER_ROLES = frozenset({Role.ORDER_DECLARANT, Role.ORDER_READER, Role.PARTNER})
STAFF_ROLES = frozenset(set(Role) - PARTNER_ROLES)

# Module access granted by each role, as "app_label.codename". Each role reaches only the
# personal and confidential information its work needs: records management does not see the
# orders' portal (their returns and files: BDSP analysts), the contacts directory is the mail
# room's and the access officer's (courrier/permissions.py).
ROLE_PERMISSIONS = {
    Role.STAFF: ["accounts.access_intranet", "accounts.access_documents", "accounts.access_courrier"],
    Role.RECORDS: ["accounts.access_intranet", "accounts.access_documents"],
    Role.MAIL: ["accounts.access_intranet", "accounts.access_courrier"],
    Role.DISCIPLINE: ["accounts.access_intranet", "accounts.access_discipline"],
    Role.APPOINTMENTS: ["accounts.access_intranet", "accounts.access_administrateurs"],
    Role.BDSP_ANALYST: ["accounts.access_intranet", "accounts.access_bdsp", "accounts.view_all_orders"],
    Role.INVENTORY: ["accounts.access_intranet", "accounts.access_inventaire"],
    Role.IT_ADMIN: ["accounts.access_intranet"],
    Role.ORDER_DECLARANT: ["accounts.access_portal"],
    Role.ORDER_READER: ["accounts.access_portal"],
    Role.PARTNER: ["accounts.access_portal"],
}


def grant_role_permissions(apps, role_permissions):
    """For data migrations: create the groups if needed and add the permissions to them.

    `role_permissions` maps a group name to "app_label.codename" strings. Permissions are
    created here when missing, because Django only creates them after all migrations ran.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for role, perms in role_permissions.items():
        group, _created = Group.objects.get_or_create(name=str(role))
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is None:
                model_name, name = _declared_permission(apps, app_label, codename)
                content_type, _ct = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
                permission, _p = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": name}
                )
            group.permissions.add(permission)


def _declared_permission(apps, app_label, codename):
    """Find the model that declares a custom or default permission in the migration state."""
    for model in apps.get_app_config(app_label).get_models():
        opts = model._meta
        for declared, name in opts.permissions:
            if declared == codename:
                return opts.model_name, name
        for action in opts.default_permissions:
            if codename == f"{action}_{opts.model_name}":
                return opts.model_name, f"Can {action} {opts.verbose_name_raw}"
    raise LookupError(f"No model of {app_label} declares the permission {codename}")
