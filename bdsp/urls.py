from django.urls import path

from bdsp.views import campaign, form_editor, statistics

app_name = "bdsp"

urlpatterns = [
    path("", campaign.index, name="index"),
    path("campagne/<int:year>/", campaign.campaign_view, name="campaign"),
    path("annees/", campaign.year_list, name="year_list"),
    path("annees/creer/", campaign.year_create, name="year_create"),
    path("annees/<int:year>/", campaign.YearDetailView.as_view(), name="year_detail"),
    path("annees/<int:year>/ouvrir/", campaign.year_open, name="year_open"),
    # The form editor of a year in preparation.
    path("annees/<int:year>/sections/ajouter/", form_editor.SectionEditView.as_view(), name="section_add"),
    path("annees/<int:year>/sections/<int:pk>/", form_editor.SectionEditView.as_view(), name="section_edit"),
    path(
        "annees/<int:year>/sections/<int:pk>/supprimer/", form_editor.SectionDeleteView.as_view(), name="section_delete"
    ),
    path("annees/<int:year>/indicateurs/ajouter/", form_editor.IndicatorEditView.as_view(), name="indicator_add"),
    path("annees/<int:year>/indicateurs/<int:pk>/", form_editor.IndicatorEditView.as_view(), name="indicator_edit"),
    path(
        "annees/<int:year>/indicateurs/<int:pk>/supprimer/",
        form_editor.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path("annees/<int:year>/regles/ajouter/", form_editor.RuleEditView.as_view(), name="rule_add"),
    path("annees/<int:year>/regles/<int:pk>/", form_editor.RuleEditView.as_view(), name="rule_edit"),
    path("annees/<int:year>/regles/<int:pk>/supprimer/", form_editor.RuleDeleteView.as_view(), name="rule_delete"),
    path("statistiques/", statistics.statistics_view, name="statistics"),
]
