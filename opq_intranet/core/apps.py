from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "opq_intranet.core"
    label = "core"
    verbose_name = _("Reference data and shared services")

    def ready(self):
        from opq_intranet.core.registry import DISCOVERED_MODULES

        autodiscover_modules(*DISCOVERED_MODULES)
