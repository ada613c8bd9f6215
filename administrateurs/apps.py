from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrateursConfig(AppConfig):
    name = "administrateurs"
    verbose_name = _("Administrators")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("Administrators")
    nav_url = "administrateurs:index"
    nav_icon = "people"
    nav_order = 30
    access_permission = "accounts.access_administrateurs"

    def ready(self):
        from administrateurs.readers import register_file_readers

        register_file_readers()
