"""The déclarant's API token, created on the portal (so behind two-step verification)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bdsp import permissions, selectors, services
from opq_intranet.accounts.access import access


def _require_filer(user):
    if not permissions.can_hold_api_token(user):
        raise PermissionDenied


@access(permissions.PORTAL_RULE)
def token_page(request):
    _require_filer(request.user)
    token = selectors.api_token_of(request.user)
    shown = request.session.pop("bdsp_new_token", None)
    return render(request, "bdsp/api_token.html", {"token": token, "shown": shown})


@access(permissions.PORTAL_RULE)
@require_POST
def token_renew(request):
    """A new token replaces the old one, which stops working at once. Shown a single time."""
    _require_filer(request.user)
    request.session["bdsp_new_token"] = services.api_token_issue(user=request.user)
    messages.success(request, _("A new token was created. Copy it now: it will not be shown again."))
    return redirect("bdsp_portal:api_token")


@access(permissions.PORTAL_RULE)
@require_POST
def token_revoke(request):
    _require_filer(request.user)
    token = selectors.api_token_of(request.user)
    if token is not None:
        services.api_token_revoke(token=token, user=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("bdsp_portal:api_token")
