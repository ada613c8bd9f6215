"""Request-level enforcement of the access policy and of the idle timeout."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from opq_intranet.accounts.access import Audience, rule_for, second_factor_required, user_may
from opq_intranet.accounts.otp import has_confirmed_device

# Touch the session at most once a minute: the idle clock needs no write per request.
ACTIVITY_RESOLUTION_SECONDS = 60
LAST_ACTIVITY_KEY = "opq_last_activity"


class AccessPolicyMiddleware:
    """Applies `opq_intranet.accounts.access` to every resolved view, before it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        rule = rule_for(view_func, request.resolver_match)
        request.access_rule = rule
        if rule.audience in (Audience.PUBLIC, Audience.API):
            return None
        user = request.user
        if not user.is_authenticated:
            return _redirect_with_next(settings.LOGIN_URL, request)
        if rule.audience == Audience.SIGN_IN:
            return None
        allowed = user_may(user, rule)
        # The second factor comes before any access decision for a partner (who needs it on
        # every page): a page they may not open is refused only once they passed it.
        if (allowed or user.is_partner) and _second_factor_missing(user, rule):
            target = "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"
            return _redirect_with_next(target, request)
        if not allowed:
            raise PermissionDenied
        return None


def _second_factor_missing(user, rule):
    return second_factor_required(user, rule) and not user.is_verified()


def _redirect_with_next(url_name, request):
    url = reverse(url_name) if ":" in url_name else url_name
    if getattr(request, "htmx", False):
        # An htmx fragment cannot show the login page: ask the browser to navigate.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return response
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


class IdleTimeoutMiddleware:
    """Signs a person out after SESSION_IDLE_TIMEOUT seconds without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                request.session["opq_session_expired"] = True
            elif last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)
