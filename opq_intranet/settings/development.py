"""Local development (`make run`): debug pages, assets straight from node_modules."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# The project's French 404 page, as in production; DJANGO_TECHNICAL_404=1 for Django's own.
if not env.bool("DJANGO_TECHNICAL_404", default=False):
    _axes = MIDDLEWARE.index("axes.middleware.AxesMiddleware")  # Axes stays last
    MIDDLEWARE = [*MIDDLEWARE[:_axes], "opq_intranet.core.not_found.ProjectNotFoundPageMiddleware", *MIDDLEWARE[_axes:]]
# Serve assets from the finders so that `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected outside production
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Demo and test data only: a backup without BACKUP_KEY is allowed (with a warning).
BACKUP_ALLOW_UNENCRYPTED = True
