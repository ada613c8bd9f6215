"""The exchange spaces, under /portail/echanges/: the same pages for the partner's users and
the Office's members of a space (each sees only their spaces: the selectors scope them)."""

from django.urls import path

from documents.exchange.views import audit, files, links, spaces, uploads

app_name = "exchange"

urlpatterns = [
    # Spaces, folders (répertoires) and members (views/spaces.py).
    path("", spaces.SpaceListView.as_view(), name="space_list"),
    path("ajouter/", spaces.SpaceEditView.as_view(), name="space_create"),
    path("<int:pk>/", spaces.SpaceDetailView.as_view(), name="space_detail"),
    path("<int:pk>/modifier/", spaces.SpaceEditView.as_view(), name="space_edit"),
    path("<int:pk>/fermer/", spaces.SpaceCloseView.as_view(), name="space_close"),
    path("<int:pk>/rouvrir/", spaces.SpaceReopenView.as_view(), name="space_reopen"),
    path("<int:pk>/historique/", spaces.SpaceHistoryView.as_view(), name="space_history"),
    path("<int:pk>/repertoires/ajouter/", spaces.FolderEditView.as_view(), name="folder_create"),
    path("<int:pk>/repertoires/<int:folder_pk>/", spaces.FolderDetailView.as_view(), name="folder_detail"),
    path("<int:pk>/repertoires/<int:folder_pk>/renommer/", spaces.FolderEditView.as_view(), name="folder_rename"),
    path("<int:pk>/repertoires/<int:folder_pk>/supprimer/", spaces.FolderDeleteView.as_view(), name="folder_delete"),
    path("<int:pk>/membres/", spaces.MemberListView.as_view(), name="member_list"),
    path("<int:pk>/membres/ajouter/", spaces.MemberEditView.as_view(), name="member_create"),
    path("<int:pk>/membres/<int:member_pk>/", spaces.MemberEditView.as_view(), name="member_edit"),
    path("<int:pk>/membres/<int:member_pk>/retirer/", spaces.MemberRemoveView.as_view(), name="member_remove"),
    # A file: detail, versions, download, preview, comments, rename, delete (views/files.py).
    path("<int:space_pk>/televerser/", files.FileUploadView.as_view(), name="file_upload"),
    path("<int:space_pk>/fichiers/<int:pk>/", files.FileDetailView.as_view(), name="file_detail"),
    path("<int:space_pk>/fichiers/<int:pk>/apercu/", files.file_preview, name="file_preview"),
    path("<int:space_pk>/fichiers/<int:pk>/telecharger/", files.file_download, name="file_download"),
    path("<int:space_pk>/fichiers/<int:pk>/versions/<int:number>/", files.version_download, name="version_download"),
    path("<int:space_pk>/fichiers/<int:pk>/versions/", files.FileNewVersionView.as_view(), name="file_new_version"),
    path("<int:space_pk>/fichiers/<int:pk>/commenter/", files.FileCommentView.as_view(), name="file_comment"),
    path("<int:space_pk>/fichiers/<int:pk>/renommer/", files.FileRenameView.as_view(), name="file_rename"),
    path("<int:space_pk>/fichiers/<int:pk>/supprimer/", files.FileDeleteView.as_view(), name="file_delete"),
    # Resumable uploads, the tus protocol (views/uploads.py).
    path("<int:space_pk>/televersements/", uploads.upload_collection, name="upload_collection"),
    path("<int:space_pk>/televersements/<uuid:uid>/", uploads.upload_resource, name="upload_resource"),
    # Share and drop links, the member's side (views/links.py; the visitor's: urls_links.py).
    path("<int:space_pk>/liens/", links.LinkListView.as_view(), name="link_list"),
    path("<int:space_pk>/liens/ajouter/", links.LinkCreateView.as_view(), name="link_create"),
    path("<int:space_pk>/liens/<int:pk>/revoquer/", links.LinkRevokeView.as_view(), name="link_revoke"),
    # Journal and filing into records (views/audit.py).
    path("<int:space_pk>/journal/", audit.AuditListView.as_view(), name="audit_list"),
    path("<int:space_pk>/fichiers/<int:pk>/verser/", audit.FileIntoRecordsView.as_view(), name="file_into_records"),
]
