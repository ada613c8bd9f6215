from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourrierConfig(AppConfig):
    name = "courrier"
    verbose_name = _("Mail and mandates")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("Mail and mandates")
    nav_url = "courrier:index"
    nav_icon = "envelope"
    nav_order = 50
    access_permission = "accounts.access_courrier"

    def ready(self):
        from courrier.readers import register_file_readers

        register_file_readers()
