from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = _("Disciplinary cases")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("Disciplinary cases")
    nav_url = "discipline:index"
    nav_icon = "bank"
    nav_order = 20
    access_permission = "accounts.access_discipline"

    def ready(self):
        from discipline.readers import register_file_readers

        register_file_readers()
