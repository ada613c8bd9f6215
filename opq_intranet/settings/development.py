"""Local development (`make run`): debug pages, assets straight from node_modules."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# Serve assets from the finders so that `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected outside production
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
