"""Share and drop links, under /partage/: the only pages open to someone without an account."""

from django.urls import path  # noqa: F401

app_name = "share"

urlpatterns = []
