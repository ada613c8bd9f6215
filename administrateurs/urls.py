from django.urls import path

from administrateurs.views import candidates, declarations, home, imports, purges  # h1

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

# h1: declared links, preferences, CV and letters, consent, import, purge log
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
]
