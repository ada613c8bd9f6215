"""Settings shared by every environment. Values that differ come from the environment.

Every variable read here is documented in `.env.example`.
"""

from datetime import date, timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer's `.env` is read when present; production passes real environment variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-change-me-0123456789abcdef")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates override third-party ones (admin, registration).
    "opq_intranet.accounts",
    "opq_intranet.core",
    "bdsp",
    "discipline",
    "administrateurs",
    "documents",
    "courrier",
    "inventaire",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "django_filters",
    "import_export",
    "django_htmx",
    "csp",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files keep their cache): no-store on everything else.
    "opq_intranet.core.middleware.PrivateCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opq_intranet.core.middleware.FrenchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "opq_intranet.accounts.middleware.IdleTimeoutMiddleware",
    "opq_intranet.accounts.middleware.AccessPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    # Axes last, as its documentation requires, so it sees the final response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opq_intranet.urls"
WSGI_APPLICATION = "opq_intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opq_intranet.core.context_processors.shell",
            ],
        },
    },
]

# --- Database: PostgreSQL only, one code path. ------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/opq_intranet")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Named (server-side) cursors cost three round trips; every `.iterator()` of a small choice
# list paid them. Exports, the one place that streams big results, fetch in chunks anyway.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: one that every worker shares (DESIGN.md: throttles, reset limits). ------------
# PostgreSQL's table `opq_cache` by default (created by accounts' migration 0006); CACHE_URL
# may name another shared cache (redis://…). Never a per-process cache: four gunicorn workers
# would each count their own share of a limit.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://opq_cache")}
if CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
    # Django culls a third of a full table (300 rows by default): counters would vanish.
    CACHES["default"].setdefault("OPTIONS", {}).update({"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 10})

# --- Auth layer (DESIGN.md). -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "opq_intranet.accounts.backends.RoleBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:after_login"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # a reset link is valid two hours
# Reset emails: (how many, per seconds) per email address, and requests per source address
# (opq_intranet/accounts/throttling.py, counted in the shared cache).
PASSWORD_RESET_PER_ADDRESS = (3, 60 * 60)
PASSWORD_RESET_PER_IP = (10, 60 * 60)

# Reverse proxies in front of the application (nginx: 1): the client's address is the entry
# the outermost one appended to X-Forwarded-For (accounts/throttling.py::client_ip), for the
# sign-in lockout, the reset limits and the API's throttles alike.
PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)

# Login throttling (django-axes, its attempts in PostgreSQL, shared by every worker): lock a
# username+address pair after 5 failures, and an address after 20 failures whatever the
# usernames (password spraying), for 15 minutes (accounts/lockout.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "opq_intranet.accounts.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "opq_intranet.accounts.throttling.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Two-factor authentication (django-otp, TOTP).
OTP_TOTP_ISSUER = "OPQ intranet"
OTP_TOTP_THROTTLE_FACTOR = 1

# Sessions: closed after a period without activity, and never outlive the working day.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30) * 60
SESSION_COOKIE_AGE = 60 * 60 * 10
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "opq_session"
CSRF_COOKIE_NAME = "opq_csrftoken"

# --- Internationalisation: French (Canada) first, English available. ---------------------
LANGUAGE_CODE = "fr-ca"
LANGUAGES = [("fr-ca", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["opq_intranet.formats"]
TIME_ZONE = "America/Toronto"  # Quebec's zone (tz database name for Eastern Time)
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "opq_language"

# --- Static assets: npm packages served by whitenoise, never a CDN. ----------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
    ("vendor/redoc", NODE_MODULES / "redoc" / "bundles"),
    ("vendor/tus", NODE_MODULES / "tus-js-client" / "dist"),  # the exchange spaces' resumable uploads
    # The stock-taking scan page reads tags with the phone's camera where BarcodeDetector is missing.
    ("vendor/zxing", NODE_MODULES / "@zxing" / "browser" / "umd"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Private files: outside the static root, served only through a checked view. --------
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
MEDIA_URL = None  # there is deliberately no public URL for uploaded files
PRIVATE_FILE_MAX_BYTES = env.int("PRIVATE_FILE_MAX_MB", default=50) * 1024 * 1024
# Behind nginx: the URI prefix of its `internal` location aliasing PRIVATE_MEDIA_ROOT
# ("/_private_files"). Views check the permission, then answer with X-Accel-Redirect and no
# body. Empty: Django streams the file (development, tests, no proxy).
PRIVATE_FILE_X_ACCEL_PREFIX = env("PRIVATE_FILE_X_ACCEL_PREFIX", default="")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Partner exchange spaces (documents/exchange). -------------------------------------------
EXCHANGE_MAX_FILE_BYTES = env.int("EXCHANGE_MAX_FILE_MB", default=2048) * 1024 * 1024
EXCHANGE_QUOTA_GB = env.int("EXCHANGE_QUOTA_GB", default=20)  # a new space's quota
EXCHANGE_RETENTION_DAYS = env.int("EXCHANGE_RETENTION_DAYS", default=180)  # a new space's retention
EXCHANGE_LINK_MAX_DAYS = env.int("EXCHANGE_LINK_MAX_DAYS", default=30)  # the longest a share link lives
# Resumable uploads land here until complete (same disk as the private files: a move, not a copy).
EXCHANGE_UPLOAD_ROOT = Path(env("EXCHANGE_UPLOAD_ROOT", default=str(PRIVATE_MEDIA_ROOT / "uploads")))
EXCHANGE_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024  # what the browser sends per request
# ClamAV: the daemon's socket ("/run/clamav/clamd.ctl", or "tcp://127.0.0.1:3310"); empty: no scan.
CLAMAV_ADDRESS = env("CLAMAV_ADDRESS", default="")
CLAMAV_TIMEOUT = env.int("CLAMAV_TIMEOUT", default=300)  # seconds; no answer: the upload is refused

# --- Administrators' bank (administrateurs). ------------------------------------------------
ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS = env.int("ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS", default=3)
ADMINISTRATEURS_TERM_NOTICE_DAYS = env.int("ADMINISTRATEURS_TERM_NOTICE_DAYS", default=120)  # before a term ends
ADMINISTRATEURS_CONSENT_DAYS = env.int("ADMINISTRATEURS_CONSENT_DAYS", default=365)  # a consent's life
ADMINISTRATEURS_OBLIGATION_DAYS = env.int("ADMINISTRATEURS_OBLIGATION_DAYS", default=60)  # training, declaration
ADMINISTRATEURS_RETENTION_DAYS = env.int("ADMINISTRATEURS_RETENTION_DAYS", default=730)  # closed candidacy, then purged

# --- Security headers. ---------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Email: console in development; SMTP settings from the environment in production. -----
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Intranet OPQ <ne-pas-repondre@opq.gouv.qc.ca>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Lists. ------------------------------------------------------------------------------
LIST_PAGE_SIZE = 25
LIST_PAGE_SIZES = (10, 25, 50, 100)
EXPORT_MAX_ROWS = env.int("EXPORT_MAX_ROWS", default=100_000)

# --- Reference data in the admin (django-import-export): orders, units, people, contacts. ---
# Import needs the model's change permission (and, for reference data, a superuser: IT,
# core/admin_import_export.py); export its view permission. Exported text never carries a
# live formula (the project's formats also keep the text whole: core/spreadsheets.py's rule).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_USE_TRANSACTIONS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Reads of confidential content go to this logger as well as to the database.
        "opq.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Days fixed "by proclamation or order" as jours fériés (Loi d'interprétation, art. 61
# par. 23), beyond the fixed list, as ISO dates: DJANGO_EXTRA_LEGAL_HOLIDAYS=2027-01-15,...
EXTRA_LEGAL_HOLIDAYS = env.list("DJANGO_EXTRA_LEGAL_HOLIDAYS", default=[])

FORM_RENDERER = "opq_intranet.core.forms.IntranetFormRenderer"

# Records management: retention periods count from the end of this counting year (month, day).
RECORDS_YEAR_END = (12, 31)
# How long the backups keep a copy: a destruction certificate says until when they hold it.
BACKUP_RETENTION_DAYS = env.int("BACKUP_RETENTION_DAYS", default=35)
# Backups (`manage.py backup` / `restore`): where the dated sets go, the age identity that
# encrypts them (AGE-SECRET-KEY-1…), and how many daily / weekly / monthly sets are kept. No set
# older than BACKUP_RETENTION_DAYS is ever kept, whatever the counts say (the certificates' promise).
BACKUP_ROOT = Path(env("BACKUP_ROOT", default=str(BASE_DIR / "var" / "backups")))
BACKUP_KEY = env("BACKUP_KEY", default="")
BACKUP_KEEP_DAILY = env.int("BACKUP_KEEP_DAILY", default=7)
BACKUP_KEEP_WEEKLY = env.int("BACKUP_KEEP_WEEKLY", default=5)
BACKUP_KEEP_MONTHLY = env.int("BACKUP_KEEP_MONTHLY", default=12)
# Unencrypted sets only where there is nothing real to protect (development and tests say so).
BACKUP_ALLOW_UNENCRYPTED = False
# Records management's "today", moved forward for training and demonstrations only (what
# disposition treats as due). Empty in production: `check --deploy` warns otherwise.
_records_today = env("RECORDS_TODAY", default="")
RECORDS_TODAY = date.fromisoformat(_records_today) if _records_today else None

# The portal's public address, for links in emails (reminders, password reset).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# --- API for the orders' own systems (BDSP): token per account, throttled, JSON only. ------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["bdsp.api.authentication.HashedTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env("API_RATE_USER", default="120/min"),
        # Without a valid token, per address: none at all, or a wrong or revoked one
        # (bdsp/api/throttles.py, applied by the authentication class).
        "anon": env("API_RATE_ANON", default="20/min"),
    },
    # The client's address behind the reverse proxy, as for the sign-in lockout.
    "NUM_PROXIES": PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API de la BDSP — Office des professions du Québec",
    "DESCRIPTION": "Lecture du formulaire de l'année et dépôt des valeurs de la déclaration annuelle de l'ordre.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Redoc from the npm package, never a CDN (templates/drf_spectacular/redoc.html).
    "REDOC_DIST": "/static/vendor/redoc",
}
