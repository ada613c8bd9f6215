from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = _("Inventory")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("Inventory")
    nav_url = "inventaire:index"
    nav_icon = "pc-display"
    nav_order = 60
    access_permission = "accounts.access_inventaire"
    # Every staff member's own equipment is in the person's menu (templates/base.html).

    def ready(self):
        from inventaire.readers import register_file_readers

        register_file_readers()
