"""The warning to the Inventaire role of a licence that expires within 60 days (job
`inventaire.licences_expiring`, registered by inventaire/schedule.py). Each licence is warned of
once per expiry date (`expiry_alert_sent_on`; a renewal with a new date warns again)."""

from datetime import timedelta

from django.db import transaction

from inventaire import permissions
from inventaire.models import Licence
from opq_intranet.core.notifications import notify, people_with_permission

KEY = "inventaire.licences_expiring"
DAYS_BEFORE = 60


def expiring_licences(today):
    return Licence.objects.filter(
        is_active=True,
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=DAYS_BEFORE),
        expiry_alert_sent_on__isnull=True,
    ).order_by("expires_on", "pk")


def send_expiry_alerts(today, log):
    team = list(people_with_permission(permissions.APP))
    sent = 0
    for licence in expiring_licences(today):
        with transaction.atomic():
            notify(
                recipients=team,
                key=KEY,
                target=licence,
                url=licence.get_absolute_url(),
                subject_template="inventaire/email/licence_expiring_subject.txt",
                body_template="inventaire/email/licence_expiring.txt",
                context={"licence": licence, "days": (licence.expires_on - today).days},
            )
            Licence.objects.filter(pk=licence.pk).update(expiry_alert_sent_on=today)
        sent += 1
        log(f"{licence}: expires on {licence.expires_on.isoformat()}")
    return f"{sent} licence expiry alerts sent"
