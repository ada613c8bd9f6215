"""Deployment checks of records management."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def records_today_is_real(app_configs, **kwargs):
    if settings.RECORDS_TODAY is None:
        return []
    return [
        Warning(
            "RECORDS_TODAY is set: disposition treats files as due on a date that is not today.",
            hint="Leave RECORDS_TODAY empty in production; it is for training and demonstrations.",
            id="documents.W001",
        )
    ]
