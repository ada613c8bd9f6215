from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from bdsp.api import views
from opq_intranet.accounts.access import Audience, access

app_name = "bdsp_api"

urlpatterns = [
    path("formulaires/<int:year>/", views.FormView.as_view(), name="form"),
    path("declarations/", views.ReturnListView.as_view(), name="return_list"),
    path("declarations/<int:pk>/", views.ReturnDetailView.as_view(), name="return_detail"),
    path("declarations/<int:pk>/valeurs/", views.ReturnValuesView.as_view(), name="return_values"),
    # The description of the API itself is public: it holds no data.
    path(
        "schema/",
        access(Audience.PUBLIC)(SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[])),
        name="schema",
    ),
    # Its readable page (Redoc, served locally). Redoc writes its styles into the page and
    # searches in a worker it makes from a blob: that page alone allows both; scripts stay 'self'.
    path(
        "documentation/",
        access(Audience.PUBLIC)(
            csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"]})(
                SpectacularRedocView.as_view(
                    url_name="bdsp_api:schema", authentication_classes=[], permission_classes=[]
                )
            )
        ),
        name="documentation",
    ),
]
