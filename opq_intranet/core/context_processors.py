from django.conf import settings

from opq_intranet.core.registry.navigation import entries_for


def shell(request):
    """What base.html needs on every page: the navigation the person's roles open."""
    match = getattr(request, "resolver_match", None)
    current_app = match.app_name if match else None
    user = getattr(request, "user", None)
    return {
        "nav_entries": entries_for(user, current_app) if user is not None else [],
        "current_app": current_app,
        "idle_timeout_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
    }
