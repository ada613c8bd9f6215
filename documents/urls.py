from django.urls import path

from documents.views import disposition, files, home, plan, records, schedule, search

app_name = "documents"

urlpatterns = [
    path("", home.index, name="index"),
    path("recherche/", search.record_search, name="search"),
    path("plan/", plan.plan_tree, name="plan"),
    path("plan/exporter/", plan.plan_export, name="plan_export"),
    path("plan/importer/", plan.plan_import, name="plan_import"),
    path("plan/ajouter/", plan.class_create, name="class_create"),
    path("plan/<int:pk>/", plan.class_detail, name="class_detail"),
    path("plan/<int:pk>/modifier/", plan.class_edit, name="class_edit"),
    path("plan/<int:pk>/historique/", plan.ClassHistoryView.as_view(), name="class_history"),
    path("calendrier/", schedule.RuleListView.as_view(), name="rule_list"),
    path("calendrier/ajouter/", schedule.rule_create, name="rule_create"),
    path("calendrier/<int:pk>/", schedule.rule_detail, name="rule_detail"),
    path("calendrier/<int:pk>/modifier/", schedule.rule_edit, name="rule_edit"),
    path("calendrier/<int:pk>/historique/", schedule.RuleHistoryView.as_view(), name="rule_history"),
    path("dossiers/", files.FileListView.as_view(), name="file_list"),
    path("dossiers/ouvrir/", files.file_create, name="file_create"),
    path("dossiers/<int:pk>/", files.file_detail, name="file_detail"),
    path("dossiers/<int:pk>/modifier/", files.file_edit, name="file_edit"),
    path("dossiers/<int:pk>/fermer/", files.file_close, name="file_close"),
    path("dossiers/<int:pk>/dates/", files.file_override, name="file_override"),
    path("dossiers/<int:pk>/historique/", files.FileHistoryView.as_view(), name="file_history"),
    path("dossiers/<int:file_pk>/documents/ajouter/", records.record_create, name="record_create"),
    path("documents/<int:pk>/", records.record_detail, name="record_detail"),
    path("documents/<int:pk>/versions/ajouter/", records.version_add, name="version_add"),
    path("documents/<int:pk>/versions/<int:number>/", records.version_download, name="version_download"),
    path("disposition/", disposition.disposition_index, name="disposition_index"),
    path("disposition/generer/", disposition.disposition_generate, name="disposition_generate"),
    path("disposition/<int:pk>/", disposition.disposition_detail, name="disposition_detail"),
    path("disposition/<int:pk>/valider/", disposition.disposition_validate, name="disposition_validate"),
    path("disposition/<int:pk>/approuver/", disposition.disposition_approve, name="disposition_approve"),
    path("disposition/<int:pk>/traiter/", disposition.disposition_process, name="disposition_process"),
    path("disposition/<int:pk>/annuler/", disposition.disposition_cancel, name="disposition_cancel"),
    path("gels/", disposition.hold_list, name="hold_list"),
    path("gels/<int:pk>/", disposition.hold_detail, name="hold_detail"),
]
