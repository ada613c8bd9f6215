from django.urls import path

from discipline.views import calendar, cases, decisions, feeds, hearings, home

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
    path("dossiers/<int:pk>/appel/", decisions.AppealFileView.as_view(), name="appeal_file"),
    path("appels/<int:pk>/issue/", decisions.AppealDecideView.as_view(), name="appeal_decide"),
    path("presidents/<int:pk>/calendrier/", feeds.chair_calendar_link, name="chair_calendar_link"),
    path("calendrier/<str:token>.ics", feeds.chair_feed, name="chair_feed"),
]
