"""Where a form sends a person back to: its `next`, only if it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, default):
    """The `next` of the POST or query string when it is a path on this host (over HTTPS
    when the request is), else `default`: never an open redirect."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default
