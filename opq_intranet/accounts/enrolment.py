"""The first two-step device of an account marked by IT (`User.first_device_from_it`):
enrolled only with a one-time link that IT issues, never with the password alone.

IT issues the link (`manage.py issue_enrolment_link <username>`, or the action "Issue a
two-step enrolment link" of the admin's user list) and hands it to the person through
another channel than their password. The person signs in with their password, opens the
link, scans the QR code and types the first code: the link is then spent. Only the
SHA-256 digest of the link's secret is stored; a new link replaces the unused ones.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from opq_intranet.accounts.models import EnrolmentLink

DEFAULT_VALIDITY = timedelta(hours=72)
SESSION_KEY = "opq_enrolment_link"


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def enrolment_link_issue(*, user, issued_by=None, validity=DEFAULT_VALIDITY):
    """A new link for `user` (their unused ones are withdrawn): `(link, url)`; the URL, which
    holds the secret, is shown once."""
    now = timezone.now()
    EnrolmentLink.objects.filter(user=user, used_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    link = EnrolmentLink(user=user, digest=_digest(token), issued_by=issued_by, expires_at=now + validity)
    link.full_clean()
    link.save()
    url = settings.PORTAL_BASE_URL.rstrip("/") + reverse("accounts:otp_enrolment_link", args=[token])
    return link, url


def _usable():
    return EnrolmentLink.objects.filter(used_at__isnull=True, expires_at__gt=timezone.now())


def link_for_token(token):
    """The usable (unspent, unexpired) link of this secret, or None."""
    return _usable().filter(digest=_digest(token)).select_related("user").first()


def remember(request, link):
    """The person opened their link: their enrolment page accepts a first device."""
    request.session[SESSION_KEY] = link.pk


def link_in_session(request):
    """The usable link the signed-in person opened in this session, or None."""
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return _usable().filter(pk=pk, user_id=request.user.pk).first()


def spend(request, link):
    """The device is enrolled: the link cannot be used again."""
    EnrolmentLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
    request.session.pop(SESSION_KEY, None)
