"""Share and drop links, under /partage/: the only pages open to someone without an account
(documents/exchange/views/shared.py). The secret is the link: only its SHA-256 is stored."""

from django.urls import path

from documents.exchange.views import shared

app_name = "share"

urlpatterns = [
    path("<str:secret>/", shared.LinkOpenView.as_view(), name="open"),
    path("<str:secret>/repertoires/<int:folder_pk>/", shared.LinkFolderView.as_view(), name="folder"),
    path("<str:secret>/telecharger/", shared.LinkDownloadView.as_view(), name="download"),
    path("<str:secret>/fichiers/<int:file_pk>/", shared.LinkDownloadView.as_view(), name="file_download"),
    path("<str:secret>/deposer/", shared.LinkDropView.as_view(), name="drop"),
    path("<str:secret>/televerser/", shared.upload_collection, name="upload_collection"),
    path("<str:secret>/televerser/<uuid:uid>/", shared.upload_resource, name="upload_resource"),
]
