"""The exchange spaces, under /portail/echanges/: the same pages for the partner's users and
the Office's members of a space (each sees only their spaces: the selectors scope them)."""

from django.urls import path  # noqa: F401 - each section below adds its pages

app_name = "exchange"

urlpatterns = []

# --- Spaces, folders and members (views/spaces.py). ---------------------------------------

# --- Files: detail, versions, download, preview, comments, delete (views/files.py). ------

# --- Resumable uploads, tus protocol (views/uploads.py). ---------------------------------

# --- Share and drop links, the member's side (views/links.py). --------------------------

# --- Audit trail and filing into records (views/audit.py). -------------------------------
