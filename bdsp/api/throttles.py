"""Throttling of the orders' API, counted in the cache every worker shares (settings.CACHES).

DRF's own throttles (`UserRateThrottle` per token's account, `AnonRateThrottle` per address)
run after authentication: a request with a wrong or revoked token fails its authentication
first and would never be counted. `FailedTokenThrottle` is therefore applied by the
authentication class itself (bdsp/api/authentication.py): each failed token counts against
the source address at the `anon` rate (API_RATE_ANON), and once the address reached it, any
request bearing a token from that address is answered 429 with Retry-After before its token
is even looked at, so that guessing learns nothing more.
"""

from rest_framework.throttling import SimpleRateThrottle


class FailedTokenThrottle(SimpleRateThrottle):
    scope = "anon"  # the rate of requests without a valid token, per address
    cache_format = "throttle_failed_token_%(ident)s"

    def get_cache_key(self, request, view=None):
        return self.cache_format % {"ident": self.get_ident(request)}

    def _load(self, request):
        self.key = self.get_cache_key(request)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()

    def seconds_to_wait(self, request):
        """None while the address may still try; else the seconds before it may again."""
        self._load(request)
        if len(self.history) < self.num_requests:
            return None
        return self.wait()

    def record_failure(self, request):
        self._load(request)
        self.history.insert(0, self.now)
        self.cache.set(self.key, self.history, self.duration)
