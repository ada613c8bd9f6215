"""A chair's hearings as an iCalendar feed (RFC 5545) for their calendar application, behind a
secret token the chair can renew or revoke. The feed names each hearing by its case number
and kind only: no party's name leaves the intranet this way."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Calendar, Event

from discipline.models import Chair

PAST_DAYS, FUTURE_DAYS = 60, 400


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def new_token():
    return secrets.token_urlsafe(32)


def chair_for_token(token):
    if not token or len(token) > 100:
        return None
    return Chair.objects.filter(calendar_token_hash=token_hash(token), is_active=True).first()


def chair_feed(chair, hearings):
    """The feed's bytes, in the Office's language."""
    with override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", "-//Office des professions du Québec//Bureau des présidents//FR")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("Hearings of %(chair)s") % {"chair": chair})
        stamp = timezone.now()
        for hearing in hearings:
            event = Event()
            event.add("uid", f"audience-{hearing.pk}@opq-intranet")
            event.add("dtstamp", stamp)
            event.add("dtstart", hearing.starts_at)
            event.add("dtend", hearing.ends_at)
            event.add("summary", f"{hearing.case.number} · {hearing.get_kind_display()}")
            event.add("location", hearing.place)
            if hearing.video_link:
                event.add("url", hearing.video_link)
            event.add("status", "TENTATIVE" if hearing.outcome == "postponed" else "CONFIRMED")
            calendar.add_component(event)
        return calendar.to_ical()


def feed_window(today=None):
    today = today or timezone.localdate()
    start = timezone.make_aware(datetime.combine(today - timedelta(days=PAST_DAYS), datetime.min.time()))
    return start, start + timedelta(days=PAST_DAYS + FUTURE_DAYS)
