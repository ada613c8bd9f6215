from django.conf import settings

from opq_intranet.core.registry.navigation import entries_for, partner_entries

# Up to this many apps show as links in the top bar; more go in one "Applications" menu, so
# that the bar holds on one line at 1 366 px whatever the number of roles.
INLINE_APPS = 3


def shell(request):
    """What base.html needs on every page: the navigation the person's roles open."""
    match = getattr(request, "resolver_match", None)
    current_app = match.app_name if match else None
    user = getattr(request, "user", None)
    entries = entries_for(user, current_app) if user is not None else []
    return {
        "nav_entries": entries,
        "nav_portal_entries": partner_entries(user, current_app) if user is not None else [],
        "nav_grouped": len(entries) > INLINE_APPS,
        "nav_current": next((entry for entry in entries if entry["active"]), None),
        "current_app": current_app,
        "idle_timeout_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
    }
