"""Records management's today. Disposition compares dates with it, never with the system
clock directly, so that a training or demonstration server can show what will be due later
(setting RECORDS_TODAY); in production it is the real date (documents/checks.py)."""

from django.conf import settings
from django.utils import timezone


def today():
    return settings.RECORDS_TODAY or timezone.localdate()


def is_simulated():
    return settings.RECORDS_TODAY is not None
