from django.urls import path
from drf_spectacular.views import SpectacularAPIView

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
]
