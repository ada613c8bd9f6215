"""The exchange spaces, under /portail/echanges/: the same pages for the partner's users and
the Office's members of a space (each sees only their spaces: the selectors scope them)."""

from django.urls import path

app_name = "exchange"

urlpatterns = []

# --- Spaces, folders and members (views/spaces.py). ---------------------------------------

# --- Files: detail, versions, download, preview, comments, delete (views/files.py). ------

# --- Resumable uploads, tus protocol (views/uploads.py). ---------------------------------
from documents.exchange.views import uploads  # noqa: E402

urlpatterns += [
    path("<int:space_pk>/televersements/", uploads.upload_collection, name="upload_collection"),
    path("<int:space_pk>/televersements/<uuid:uid>/", uploads.upload_resource, name="upload_resource"),
]

# --- Share and drop links, the member's side (views/links.py). --------------------------

# --- Audit trail and filing into records (views/audit.py). -------------------------------
