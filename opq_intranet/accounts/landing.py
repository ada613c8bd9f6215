"""Where a signed-in person lands: their own home, or the page they asked for when they may
open it. One function decides each person's home (`home_url`): the sign-in steps, the
second factor and the "access denied" page all send people there, so that nobody is sent
to a page that refuses them.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from opq_intranet.accounts.access import INTRANET_RULE, PORTAL_RULE, rule_for, user_may
from opq_intranet.accounts.otp import has_confirmed_device


def home_url(user):
    """A partner's portal, a staff member's Mon travail; for an account that opens neither
    (no role yet), the page that says so and whom to ask."""
    if not user.is_authenticated:
        return reverse("accounts:login")
    if user.is_partner and user_may(user, PORTAL_RULE):
        return reverse("core:portal")
    if user.is_office_staff and user_may(user, INTRANET_RULE):
        return reverse("core:dashboard")
    return reverse("accounts:no_app")


def may_open(user, url):
    """Whether the access policy lets `user` open the local `url` (its second factor aside)."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return user_may(user, rule_for(match.func, match))


def landing_url(user, next_url=""):
    """`next_url` (already checked to stay on this site) when the person may open it, else home."""
    if next_url and may_open(user, next_url):
        return next_url
    return home_url(user)


def is_verified(user):
    """Whether the session passed its second factor (a user fresh from `login()` has not)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def second_factor_step(user):
    """The URL name of the second-factor step a person must pass right after their password,
    or None. Partners pass it before anything else, even before being told a page is refused;
    staff are asked for it by the pages that need it (the Django admin)."""
    if not user.is_partner or is_verified(user):
        return None
    return "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"


def is_enrolment_link(url):
    """Whether `url` is a one-time enrolment link issued by IT (accounts/enrolment.py)."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return match.view_name == "accounts:otp_enrolment_link"


def after_password_url(user, next_url=""):
    """Where the password sends a person: the enrolment link they opened before signing in,
    else their second factor (keeping `next_url`), else where they land."""
    if next_url and is_enrolment_link(next_url):
        return next_url
    step = second_factor_step(user)
    if step is None:
        return landing_url(user, next_url)
    url = reverse(step)
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return url
