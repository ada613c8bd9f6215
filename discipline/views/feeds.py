"""A chair's calendar feed (not an object page): public, answered only for a valid secret
(404 otherwise, whatever is wrong), as calendar applications fetch it without signing in;
and the page where the chair renews or revokes its link."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from discipline import feeds, permissions, selectors, services
from discipline.models import Hearing
from opq_intranet.accounts.access import Audience, access


def _feed_headers(response):
    # The secret is in the URL: never sent on as a referrer, never indexed.
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


@access(Audience.PUBLIC)
def chair_feed(request, token):
    chair = feeds.chair_for_token(token) if request.method in ("GET", "HEAD") else None
    if chair is None:
        return _feed_headers(HttpResponseNotFound(content_type="text/plain; charset=utf-8"))
    start, end = feeds.feed_window()
    hearings = (
        Hearing.objects.filter(chair=chair, starts_at__gte=start, starts_at__lt=end)
        .exclude(outcome="cancelled")
        .select_related("case")
        .order_by("starts_at")
    )
    return _feed_headers(HttpResponse(feeds.chair_feed(chair, hearings), content_type="text/calendar; charset=utf-8"))


@require_POST
def chair_calendar_link(request, pk):
    """Renew (a new secret, shown once) or revoke the chair's feed link."""
    chair = get_object_or_404(selectors.chairs(), pk=pk)
    if not permissions.can_manage_calendar_link(request.user, chair):
        raise PermissionDenied
    if "revoke" in request.POST:
        services.chair_calendar_link_revoke(chair=chair, user=request.user)
        messages.success(
            request, _("The calendar link is revoked: calendars that used it no longer receive the hearings.")
        )
    else:
        token = services.chair_calendar_link_issue(chair=chair, user=request.user)
        url = request.build_absolute_uri(reverse("discipline:chair_feed", args=[token]))
        messages.success(
            request,
            _("The calendar link, shown only this once (add it to your calendar application): %(url)s") % {"url": url},
        )
    return HttpResponseRedirect(reverse("discipline:index"))
