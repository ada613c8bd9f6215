from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Records")
    # Navigation entry and the permission that opens the app (opq_intranet.accounts.access).
    nav_label = _("Records")
    nav_url = "documents:index"
    nav_icon = "archive"
    nav_order = 40
    access_permission = "accounts.access_documents"
    # The exchange spaces, which staff and partners share under /portail/echanges/.
    nav_more = (
        {
            "label": _("Exchange spaces"),
            "url": "exchange:space_list",
            "icon": "folder-symlink",
            "order": 45,
            "permission": "documents.use_exchange",
            "namespace": "exchange",
        },
    )

    def ready(self):
        from documents import checks  # noqa: F401 - registers the deployment checks
        from documents.readers import register_file_readers

        register_file_readers()
