"""Production logs: one JSON object per line on stderr, which systemd's journal keeps.

`RequestIdMiddleware` takes the id nginx gives each request (`X-Request-ID: $request_id`,
deploy/nginx/opq-intranet.conf) and `RequestIdFilter` puts it on every record logged while
that request runs, so a line in the journal leads to nginx's access log entry and back.
The JSON itself is python-json-logger's (production settings' LOGGING).
"""

import contextvars
import logging
import re

_request_id = contextvars.ContextVar("request_id", default="")
# nginx's $request_id is 32 hex digits; anything else a client could send is kept only if it
# is short and plain (never a line break or a quote into the logs).
_VALID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def current_request_id():
    return _request_id.get()


def request_id_of(request):
    value = request.headers.get("X-Request-ID", "")
    return value if _VALID.match(value) else ""


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_id.set(request_id_of(request))
        try:
            return self.get_response(request)
        finally:
            _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (empty outside a request: commands, timers) to every record."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if hasattr(request, "headers"):
            # Django logs a 4xx/5xx once the middleware has returned: the request is attached.
            record.request_id = request_id_of(request)
        elif not getattr(record, "request_id", ""):
            record.request_id = _request_id.get()
        return True
