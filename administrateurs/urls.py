from django.urls import path

from administrateurs.views import (
    allowances,
    bodies,
    candidates,
    declarations,
    home,
    imports,
    matching,
    meetings,
    obligations,
    purges,
    terms,
    vacancies,
)

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
    # Matching: a seat's matching, proposing and appointing from it, the proposals
    path("sieges/<int:pk>/jumelage/", matching.SeatMatchingView.as_view(), name="seat_matching"),
    path(
        "sieges/<int:pk>/jumelage/proposer/<int:candidate_pk>/",
        matching.MatchingProposeView.as_view(),
        name="matching_propose",
    ),
    path(
        "sieges/<int:pk>/jumelage/nommer/<int:candidate_pk>/",
        matching.MatchingAppointView.as_view(),
        name="matching_appoint",
    ),
    path("propositions/", matching.ProposalListView.as_view(), name="proposal_list"),
    path("propositions/<int:pk>/terminer/", matching.ProposalEndView.as_view(), name="proposal_end"),
    # trainings and declarations, training sessions, meetings and attendance, allowances
    path("formations-et-declarations/", obligations.ObligationListView.as_view(), name="obligation_list"),
    path("formations-et-declarations/<int:pk>/", obligations.ObligationDetailView.as_view(), name="obligation_detail"),
    path(
        "formations-et-declarations/<int:pk>/remplir/",
        obligations.ObligationCompleteView.as_view(),
        name="obligation_complete",
    ),
    path(
        "formations-et-declarations/<int:pk>/historique/",
        obligations.ObligationHistoryView.as_view(),
        name="obligation_history",
    ),
    path("formations/", obligations.TrainingSessionListView.as_view(), name="training_list"),
    path("formations/ajouter/", obligations.TrainingSessionEditView.as_view(), name="training_create"),
    path("formations/<int:pk>/", obligations.TrainingSessionDetailView.as_view(), name="training_detail"),
    path("formations/<int:pk>/modifier/", obligations.TrainingSessionEditView.as_view(), name="training_edit"),
    path("formations/<int:pk>/historique/", obligations.TrainingSessionHistoryView.as_view(), name="training_history"),
    path("reunions/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path("reunions/ajouter/", meetings.MeetingEditView.as_view(), name="meeting_create"),
    path("reunions/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("reunions/<int:pk>/modifier/", meetings.MeetingEditView.as_view(), name="meeting_edit"),
    path("reunions/<int:pk>/presences/", meetings.MeetingAttendanceView.as_view(), name="meeting_attendance"),
    path("reunions/<int:pk>/historique/", meetings.MeetingHistoryView.as_view(), name="meeting_history"),
    path("allocations/", allowances.allowance_report, name="allowances"),
    path("allocations/releves/<int:pk>/", allowances.allowance_statement, name="allowance_statement"),
    path("allocations/taux/", meetings.RateListView.as_view(), name="rate_list"),
    path("allocations/taux/ajouter/", meetings.RateEditView.as_view(), name="rate_create"),
    path("allocations/taux/<int:pk>/", meetings.RateDetailView.as_view(), name="rate_detail"),
    path("allocations/taux/<int:pk>/modifier/", meetings.RateEditView.as_view(), name="rate_edit"),
    path("allocations/taux/<int:pk>/historique/", meetings.RateHistoryView.as_view(), name="rate_history"),
]

# Candidates: declared links, preferences, CV and letters, consent, import, purge log
urlpatterns += [
    path("candidats/importer/", imports.import_candidates, name="candidate_import"),
    path("candidats/importer/modele.xlsx", imports.candidate_import_template, name="candidate_import_template"),
    path("candidats/<int:pk>/liens/", declarations.LinkAddView.as_view(), name="candidate_link_add"),
    path(
        "candidats/<int:pk>/liens/<int:link_pk>/retirer/",
        declarations.LinkRemoveView.as_view(),
        name="candidate_link_remove",
    ),
    path("candidats/<int:pk>/preferences/", declarations.PreferenceAddView.as_view(), name="candidate_preference_add"),
    path(
        "candidats/<int:pk>/preferences/<int:preference_pk>/retirer/",
        declarations.PreferenceRemoveView.as_view(),
        name="candidate_preference_remove",
    ),
    path(
        "candidats/<int:pk>/preferences/<int:preference_pk>/<slug:direction>/",
        declarations.PreferenceMoveView.as_view(),
        name="candidate_preference_move",
    ),
    path("candidats/<int:pk>/documents/", declarations.DocumentAddView.as_view(), name="candidate_document_add"),
    path(
        "candidats/<int:pk>/documents/<int:document_pk>/",
        declarations.document_download,
        name="candidate_document",
    ),
    path(
        "candidats/<int:pk>/documents/<int:document_pk>/detruire/",
        declarations.DocumentRemoveView.as_view(),
        name="candidate_document_remove",
    ),
    path("candidats/<int:pk>/consentement/", declarations.ConsentRenewView.as_view(), name="candidate_consent"),
    path("purges/", purges.PurgeLogListView.as_view(), name="purge_list"),
    # bodies, seats, terms, appointment decisions, vacancies
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
