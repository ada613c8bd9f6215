"""`Authorization: Token <key>`, checked against the stored digest of the key."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from bdsp.api.throttles import FailedTokenThrottle
from bdsp.models import ApiToken

# Writing the last use at most once per interval keeps every call from being a write.
LAST_USE_PRECISION = timedelta(minutes=5)


class HashedTokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        """A request bearing a token: refused with 429 while its address has too many failed
        tokens (bdsp/api/throttles.py), else checked, a failure counting against the address."""
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # no token: the views' permission answers 401
        throttle = FailedTokenThrottle()
        wait = throttle.seconds_to_wait(request)
        if wait is not None:
            raise exceptions.Throttled(wait)
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle.record_failure(request)
            raise

    def authenticate_credentials(self, key):
        token = ApiToken.objects.matching(key)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USE_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
