from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BDSPConfig(AppConfig):
    name = "bdsp"
    verbose_name = _("BDSP")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("BDSP")
    nav_url = "bdsp:index"
    nav_icon = "bar-chart-line"
    nav_order = 10
    access_permission = "accounts.access_bdsp"

    def ready(self):
        from bdsp.readers import register_file_readers

        register_file_readers()
