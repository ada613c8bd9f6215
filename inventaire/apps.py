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
    # Every staff member's own equipment (its views declare the intranet's rule).
    nav_more = (
        {
            "label": _("My equipment"),
            "url": "inventaire:my_equipment",
            "icon": "laptop",
            "order": 95,
            "permission": "accounts.access_intranet",
            "namespace": "inventaire-mine",
        },
    )

    def ready(self):
        from inventaire.readers import register_file_readers

        register_file_readers()
