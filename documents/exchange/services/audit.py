"""The audit trail of the exchange spaces: one row per thing done, by a person or through a link."""

from documents.exchange.models import ExchangeEvent
from opq_intranet.accounts.throttling import client_ip


def client_address(request):
    """The visitor's address, read behind the proxy as the sign-in limits read it (the entry
    the proxy appended to X-Forwarded-For, never one the client could forge)."""
    if request is None:
        return None
    return client_ip(request) or None


def event_log(*, space, action, user=None, link=None, shared_file=None, object_name="", detail="", request=None):
    """Record what was done. `object_name` defaults to the file's name, kept for after a purge."""
    if user is not None and not user.is_authenticated:
        user = None
    return ExchangeEvent.objects.create(
        space=space,
        action=action,
        user=user,
        link=link,
        shared_file=shared_file,
        object_name=(object_name or (shared_file.name if shared_file is not None else ""))[:300],
        detail=detail[:500],
        ip_address=client_address(request),
    )
