from django.urls import path

from bdsp.views import campaign, statistics

app_name = "bdsp"

urlpatterns = [
    path("", campaign.index, name="index"),
    path("campagne/<int:year>/", campaign.campaign_view, name="campaign"),
    path("annees/", campaign.year_list, name="year_list"),
    path("annees/creer/", campaign.year_create, name="year_create"),
    path("annees/<int:year>/", campaign.year_detail, name="year_detail"),
    path("annees/<int:year>/ouvrir/", campaign.year_open, name="year_open"),
    path("statistiques/", statistics.statistics_view, name="statistics"),
]
