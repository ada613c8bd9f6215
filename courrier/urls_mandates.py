"""The mandates' pages, under /courrier/mandats/ (included by courrier/urls.py)."""

from django.urls import path

from courrier.views import mandates

urlpatterns = [
    path("mandats/", mandates.MandateListView.as_view(), name="mandate_list"),
    path("mandats/nouveau/", mandates.mandate_create, name="mandate_create"),
    path("mandats/echeances/", mandates.mandate_due, name="mandate_due"),
    path("mandats/<int:pk>/", mandates.mandate_detail, name="mandate_detail"),
    path("mandats/<int:pk>/modifier/", mandates.mandate_edit, name="mandate_edit"),
    path("mandats/<int:pk>/statut/", mandates.mandate_status, name="mandate_status"),
    path("mandats/<int:pk>/notes/", mandates.mandate_note, name="mandate_note"),
    path("mandats/<int:pk>/liens/", mandates.mandate_links, name="mandate_links"),
    path("mandats/<int:pk>/historique/", mandates.MandateHistoryView.as_view(), name="mandate_history"),
]
