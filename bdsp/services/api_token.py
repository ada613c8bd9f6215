"""The déclarants' API tokens: issued and revoked from the portal (behind two-step verification)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from bdsp import permissions
from bdsp.models import ApiToken


@transaction.atomic
def api_token_issue(*, user):
    """A new token replaces the old one, which stops working at once; the clear key is returned once."""
    if not permissions.can_hold_api_token(user):
        raise PermissionDenied
    return ApiToken.objects.issue(user)


@transaction.atomic
def api_token_revoke(*, token, user):
    """The token stops working at once."""
    if not permissions.can_hold_api_token(user, token):
        raise PermissionDenied
    token.delete()
