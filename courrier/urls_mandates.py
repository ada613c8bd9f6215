"""The mandates' pages, under /courrier/mandats/ (included by courrier/urls.py)."""

from django.urls import path

from courrier.views import mandates

urlpatterns = [
    path("mandats/", mandates.MandateListView.as_view(), name="mandate_list"),
    path("mandats/nouveau/", mandates.MandateEditView.as_view(), name="mandate_create"),
    path("mandats/echeances/", mandates.mandate_due, name="mandate_due"),
    path("mandats/<int:pk>/", mandates.MandateDetailView.as_view(), name="mandate_detail"),
    path("mandats/<int:pk>/modifier/", mandates.MandateEditView.as_view(), name="mandate_edit"),
    path("mandats/<int:pk>/statut/", mandates.MandateStatusView.as_view(), name="mandate_status"),
    path("mandats/<int:pk>/notes/", mandates.MandateNoteView.as_view(), name="mandate_note"),
    path("mandats/<int:pk>/liens/", mandates.MandateLinksView.as_view(), name="mandate_links"),
    path("mandats/<int:pk>/historique/", mandates.MandateHistoryView.as_view(), name="mandate_history"),
]
