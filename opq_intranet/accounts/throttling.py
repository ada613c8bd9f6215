"""Limits on what one source address, account or email address may ask for, kept in the cache
every worker shares (`settings.CACHES`: PostgreSQL's DatabaseCache unless `CACHE_URL` names
another shared one), so that four gunicorn workers count as one.

- `client_ip`: the client's address as the reverse proxy saw it (`settings.PROXY_COUNT`), used
  by the sign-in lockout (django-axes, `AXES_CLIENT_IP_CALLABLE`), the password reset limits
  and the API's throttles (DRF's `NUM_PROXIES` follows the same rule).
- `SlidingWindowLimit`: at most `limit` hits per `window` seconds for one identifier (e.g.
  3 reset emails per address per hour); identifiers are hashed before they become cache keys,
  so no email address is stored in the cache.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The address of the client: REMOTE_ADDR without a proxy; behind `PROXY_COUNT` proxies,
    the entry the outermost of them appended to X-Forwarded-For (entries further left are the
    client's to forge)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if not entries:
        return remote
    return entries[-min(proxies, len(entries))]


@dataclass(frozen=True)
class SlidingWindowLimit:
    name: str
    limit: int
    window: int  # seconds

    def _key(self, identifier):
        digest = hashlib.sha256(str(identifier).encode()).hexdigest()
        return f"opq:limit:{self.name}:{digest}"

    def _recent(self, key, now):
        return [stamp for stamp in cache.get(key, []) if stamp > now - self.window]

    def hit(self, identifier):
        """Count one request of `identifier`: True when it is within the limit (and counted),
        False when the limit is reached (not counted, so the wait does not grow)."""
        key, now = self._key(identifier), time.time()
        history = self._recent(key, now)
        if len(history) >= self.limit:
            return False
        history.append(now)
        cache.set(key, history, self.window)
        return True

    def seconds_to_wait(self, identifier):
        """How long until `identifier` may be counted again (0: now)."""
        now = time.time()
        history = self._recent(self._key(identifier), now)
        if len(history) < self.limit:
            return 0
        return max(1, int(history[-self.limit] + self.window - now) + 1)


def password_reset_limits():
    """Reset emails per address, and reset requests per source address (settings)."""
    per_address, per_ip = settings.PASSWORD_RESET_PER_ADDRESS, settings.PASSWORD_RESET_PER_IP
    return (
        SlidingWindowLimit("reset-address", per_address[0], per_address[1]),
        SlidingWindowLimit("reset-ip", per_ip[0], per_ip[1]),
    )
