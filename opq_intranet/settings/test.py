"""The test suite: same stack as production (PostgreSQL, middleware, CSP), faster hashing."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected outside production
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
# Keep connections short-lived so concurrency tests and the live server see fresh ones.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Django's live server (browser tests) needs a media URL to route around; nothing links to it.
MEDIA_URL = "/media-jamais-servi/"
# A test database is thrown away: commits need not wait for the disk (PostgreSQL's own
# per-session setting; the server's configuration is left alone).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
# Demo and test data only: a backup without BACKUP_KEY is allowed (with a warning).
BACKUP_ALLOW_UNENCRYPTED = True
