from django.urls import path

from discipline.views import calendar, cases, decisions, directory, feeds, hearings, home, reports

app_name = "discipline"

urlpatterns = [
    path("", home.index, name="index"),
    # Cases
    path("dossiers/", cases.CaseListView.as_view(), name="case_list"),
    path("dossiers/ouvrir/", cases.CaseOpenView.as_view(), name="case_open"),
    path("dossiers/<int:pk>/", cases.CaseDetailView.as_view(), name="case_detail"),
    path("dossiers/<int:pk>/modifier/", cases.CaseEditView.as_view(), name="case_edit"),
    path("dossiers/<int:pk>/signification/", cases.CaseServeView.as_view(), name="case_serve"),
    path("dossiers/<int:pk>/formation/", cases.CasePanelView.as_view(), name="case_panel"),
    path("dossiers/<int:pk>/chefs/", cases.CountAddView.as_view(), name="count_add"),
    path("dossiers/<int:pk>/retrait/", cases.CaseWithdrawView.as_view(), name="case_withdraw"),
    path("dossiers/<int:pk>/fermer/", cases.CaseCloseView.as_view(), name="case_close"),
    path("dossiers/<int:pk>/ordonnances/", cases.ProtectionOrderView.as_view(), name="protection_order"),
    path(
        "dossiers/<int:pk>/ordonnances/<int:order_pk>/lever/",
        cases.ProtectionLiftView.as_view(),
        name="protection_lift",
    ),
    path("dossiers/<int:pk>/historique/", cases.CaseHistoryView.as_view(), name="case_history"),
    # Hearings
    path("dossiers/<int:pk>/audiences/prevoir/", hearings.HearingScheduleView.as_view(), name="hearing_schedule"),
    path("audiences/<int:pk>/", hearings.HearingDetailView.as_view(), name="hearing_detail"),
    path("audiences/<int:pk>/issue/", hearings.HearingOutcomeView.as_view(), name="hearing_outcome"),
    path("audiences/<int:pk>/historique/", hearings.HearingHistoryView.as_view(), name="hearing_history"),
    path("role/", calendar.roll, name="roll"),
    path("role/pdf/", calendar.roll_download, name="roll_pdf"),
    path("audiences/semaine/", calendar.week, name="week"),
    path("audiences/mois/", calendar.month, name="month"),
    # Decisions and appeals
    path("dossiers/<int:pk>/decisions/enregistrer/", decisions.DecisionRecordView.as_view(), name="decision_record"),
    path("decisions/<int:pk>/signification/", decisions.DecisionServeView.as_view(), name="decision_serve"),
    path("decisions/<int:pk>/classement/", decisions.DecisionFileView.as_view(), name="decision_file"),
    path("dossiers/<int:pk>/appel/", decisions.AppealFileView.as_view(), name="appeal_file"),
    path("appels/<int:pk>/issue/", decisions.AppealDecideView.as_view(), name="appeal_decide"),
    # Reports
    path("rapports/compilation/", reports.compilation, name="compilation"),
    path("rapports/annuel/", reports.yearly, name="yearly_report"),
    path("rapports/rapprochement-bdsp/", reports.reconciliation, name="reconciliation"),
    # Directory: councils, chairs and their non-availability, council members
    path("conseils/", directory.CouncilListView.as_view(), name="council_list"),
    path("conseils/ajouter/", directory.CouncilEditView.as_view(), name="council_create"),
    path("conseils/<int:pk>/", directory.CouncilDetailView.as_view(), name="council_detail"),
    path("conseils/<int:pk>/modifier/", directory.CouncilEditView.as_view(), name="council_edit"),
    path("conseils/<int:pk>/historique/", directory.CouncilHistoryView.as_view(), name="council_history"),
    path("presidents/", directory.ChairListView.as_view(), name="chair_list"),
    path("presidents/ajouter/", directory.ChairEditView.as_view(), name="chair_create"),
    path("presidents/<int:pk>/", directory.ChairDetailView.as_view(), name="chair_detail"),
    path("presidents/<int:pk>/modifier/", directory.ChairEditView.as_view(), name="chair_edit"),
    path("presidents/<int:pk>/historique/", directory.ChairHistoryView.as_view(), name="chair_history"),
    path("presidents/<int:pk>/indisponibilites/", directory.UnavailabilityAddView.as_view(), name="unavailability_add"),
    path(
        "presidents/<int:pk>/indisponibilites/<int:period_pk>/retirer/",
        directory.UnavailabilityRemoveView.as_view(),
        name="unavailability_remove",
    ),
    path("membres/", directory.MemberListView.as_view(), name="member_list"),
    path("membres/ajouter/", directory.MemberEditView.as_view(), name="member_create"),
    path("membres/<int:pk>/", directory.MemberDetailView.as_view(), name="member_detail"),
    path("membres/<int:pk>/modifier/", directory.MemberEditView.as_view(), name="member_edit"),
    path("membres/<int:pk>/historique/", directory.MemberHistoryView.as_view(), name="member_history"),
    path("presidents/<int:pk>/calendrier/", feeds.chair_calendar_link, name="chair_calendar_link"),
    path("calendrier/<str:token>.ics", feeds.chair_feed, name="chair_feed"),
]
