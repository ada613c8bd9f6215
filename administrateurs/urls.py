from django.urls import path

from administrateurs.views import bodies, candidates, home, terms, vacancies

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
    # Slice h2: bodies, seats, terms, appointment decisions, vacancies
    path("instances/", bodies.BodyListView.as_view(), name="body_list"),
    path("instances/ajouter/", bodies.BodyEditView.as_view(), name="body_create"),
    path("instances/<int:pk>/", bodies.BodyDetailView.as_view(), name="body_detail"),
    path("instances/<int:pk>/modifier/", bodies.BodyEditView.as_view(), name="body_edit"),
    path("instances/<int:pk>/historique/", bodies.BodyHistoryView.as_view(), name="body_history"),
    path("sieges/<int:pk>/", bodies.SeatDetailView.as_view(), name="seat_detail"),
    path("sieges/<int:pk>/historique/", bodies.SeatHistoryView.as_view(), name="seat_history"),
    path("sieges/<int:pk>/nommer/", bodies.SeatAppointView.as_view(), name="seat_appoint"),
    path("mandats/<int:pk>/", terms.TermDetailView.as_view(), name="term_detail"),
    path("mandats/<int:pk>/historique/", terms.TermHistoryView.as_view(), name="term_history"),
    path("mandats/<int:pk>/renouveler/", terms.TermRenewView.as_view(), name="term_renew"),
    path("mandats/<int:pk>/fin/", terms.TermEndView.as_view(), name="term_end"),
    path("decisions/", terms.DecisionListView.as_view(), name="decision_list"),
    path("decisions/<int:pk>/", terms.DecisionDetailView.as_view(), name="decision_detail"),
    path("decisions/<int:pk>/historique/", terms.DecisionHistoryView.as_view(), name="decision_history"),
    path("sieges-vacants/", vacancies.VacancyListView.as_view(), name="vacancy_list"),
]
