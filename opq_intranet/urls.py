from django.contrib import admin
from django.urls import include, path

from opq_intranet.accounts.views import set_language

admin.site.site_header = "Intranet de l'Office des professions du Québec"
admin.site.site_title = "Administration de l'intranet OPQ"
admin.site.index_title = "Administration"

urlpatterns = [
    path("", include("opq_intranet.accounts.urls")),
    path("", include("opq_intranet.core.urls")),
    path("bdsp/", include("bdsp.urls")),
    path("portail/declarations/", include("bdsp.urls_portal")),
    path("portail/echanges/", include("documents.exchange.urls")),
    path("partage/", include("documents.exchange.urls_links")),
    path("api/v1/", include("bdsp.api.urls")),
    path("discipline/", include("discipline.urls")),
    path("administrateurs/", include("administrateurs.urls")),
    path("documents/", include("documents.urls")),
    path("courrier/", include("courrier.urls")),
    path("inventaire/", include("inventaire.urls")),
    path("langue/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler403 = "opq_intranet.core.views.system.permission_denied"
handler404 = "opq_intranet.core.views.system.page_not_found"
handler500 = "opq_intranet.core.views.system.server_error"
