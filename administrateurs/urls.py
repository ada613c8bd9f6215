from django.urls import path

from administrateurs.views import candidates, home
from administrateurs.views import matching as matching_views  # matching (slice h3)

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
    # Matching (slice h3): a seat's matching, proposing and appointing from it, the proposals
    path("sieges/<int:pk>/jumelage/", matching_views.SeatMatchingView.as_view(), name="seat_matching"),
    path(
        "sieges/<int:pk>/jumelage/proposer/<int:candidate_pk>/",
        matching_views.MatchingProposeView.as_view(),
        name="matching_propose",
    ),
    path(
        "sieges/<int:pk>/jumelage/nommer/<int:candidate_pk>/",
        matching_views.MatchingAppointView.as_view(),
        name="matching_appoint",
    ),
    path("propositions/", matching_views.ProposalListView.as_view(), name="proposal_list"),
    path("propositions/<int:pk>/terminer/", matching_views.ProposalEndView.as_view(), name="proposal_end"),
]
