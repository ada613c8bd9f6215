from django.urls import path

from opq_intranet.core.views import dashboard, files, portal, reference, search, system

app_name = "core"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("recherche/", search.search, name="search"),
    path("recherche/groupe/<str:key>/", search.search_group, name="search_group"),
    path("ordres/", reference.OrderListView.as_view(), name="order_list"),
    path("ordres/<int:pk>/", reference.OrderDetailView.as_view(), name="order_detail"),
    path("ordres/<int:pk>/historique/", reference.OrderHistoryView.as_view(), name="order_history"),
    path("unites/", reference.UnitListView.as_view(), name="unit_list"),
    path("unites/<int:pk>/", reference.UnitDetailView.as_view(), name="unit_detail"),
    path("unites/<int:pk>/historique/", reference.UnitHistoryView.as_view(), name="unit_history"),
    path("personnel/", reference.PersonListView.as_view(), name="person_list"),
    path("personnel/<int:pk>/", reference.PersonDetailView.as_view(), name="person_detail"),
    path("calendrier/", reference.CalendarView.as_view(), name="calendar"),
    path("portail/", portal.portal_home, name="portal"),
    path("fichiers/<uuid:uuid>/", files.private_file_download, name="private_file"),
    path("healthz", system.healthz, name="healthz"),
]
