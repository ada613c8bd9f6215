"""WSGI entry point for gunicorn: `gunicorn opq_intranet.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opq_intranet.settings.production")

application = get_wsgi_application()
