from django.urls import path

from administrateurs.views import candidates, home

app_name = "administrateurs"

urlpatterns = [
    path("", home.index, name="index"),
    # Candidates
    path("candidats/", candidates.CandidateListView.as_view(), name="candidate_list"),
    path("candidats/ajouter/", candidates.CandidateEditView.as_view(), name="candidate_create"),
    path("candidats/<int:pk>/", candidates.CandidateDetailView.as_view(), name="candidate_detail"),
    path("candidats/<int:pk>/modifier/", candidates.CandidateEditView.as_view(), name="candidate_edit"),
    path("candidats/<int:pk>/historique/", candidates.CandidateHistoryView.as_view(), name="candidate_history"),
    path("candidats/<int:pk>/statut/<slug:status>/", candidates.CandidateMoveView.as_view(), name="candidate_move"),
]
