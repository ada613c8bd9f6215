"""Every permission rule of the inventory.

The Inventaire role (accounts.access_inventaire: IT technicians, administrative services)
opens the app and manages every asset. Every staff member reaches "Mon équipement", their own
equipment, its acknowledgements and their yearly confirmation: another person's asset answers
404 to them, the app's pages 403; partners get 403 everywhere (the access policy).
"""

from opq_intranet.accounts.access import INTRANET_RULE, AccessRule, Audience

APP = "accounts.access_inventaire"
MANAGE_RULE = AccessRule(Audience.STAFF, (APP,))
OWN_EQUIPMENT_RULE = INTRANET_RULE


def manages(user):
    return user.is_authenticated and user.is_active and user.is_office_staff and user.has_perm(APP)


def holds(user, asset):
    return user.is_authenticated and asset.holder_id == user.pk
