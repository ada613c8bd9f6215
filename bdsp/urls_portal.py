"""The orders' side of the BDSP, under /portail/declarations/ (internet-facing)."""

from django.urls import path

from bdsp.views import api_token, attachments, returns

app_name = "bdsp_portal"

urlpatterns = [
    path("", returns.ReturnListView.as_view(), name="return_list"),
    path("commencer/<int:year>/", returns.return_start, name="return_start"),
    path("api/", api_token.token_page, name="api_token"),
    path("api/renouveler/", api_token.token_renew, name="api_token_renew"),
    path("api/revoquer/", api_token.token_revoke, name="api_token_revoke"),
    path("<int:pk>/", returns.ReturnDetailView.as_view(), name="return_detail"),
    path("<int:pk>/section/<slug:section>/", returns.section_save, name="section_save"),
    path("<int:pk>/dates/", returns.general_save, name="general_save"),
    path("<int:pk>/transmettre/", returns.return_submit, name="return_submit"),
    path("<int:pk>/chiffrier/", returns.xlsx_template, name="xlsx_template"),
    path("<int:pk>/chiffrier/importer/", returns.xlsx_import, name="xlsx_import"),
    path("<int:pk>/documents/", attachments.AttachmentAddView.as_view(), name="attachment_add"),
    path("<int:pk>/documents/<int:attachment_id>/retirer/", attachments.attachment_remove, name="attachment_remove"),
    path("<int:pk>/historique/", returns.return_history, name="return_history"),
    path("<int:pk>/pdf/", returns.return_pdf, name="return_pdf"),
    path("<int:pk>/modifier/", returns.ReturnReopenView.as_view(), name="return_reopen"),
    path("<int:pk>/commentaires/", returns.comment_add, name="comment_add"),
    path("<int:pk>/suivi/", returns.value_flag, name="value_flag"),
    path("<int:pk>/retourner/", returns.ReturnSendBackView.as_view(), name="return_send_back"),
    path("<int:pk>/accepter/", returns.ReturnAcceptView.as_view(), name="return_accept"),
]
