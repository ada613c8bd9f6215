"""Top navigation: one entry per app, built from AppConfig attributes.

An app declares in its AppConfig:
    nav_label      the menu label (lazy translation)
    nav_url        the URL name of its landing page
    nav_icon       a Bootstrap icon name
    nav_order      position in the bar
    access_permission  the permission that opens the app (also the default for its views)
    nav_more       optional: more entries of the same app for a part with its own URL
                   namespace, as dicts with label, url, icon, order, permission, namespace
                   (documents' exchange spaces, which staff and partners share)
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    app_label: str
    label: str
    url_name: str
    icon: str
    order: int
    permission: str
    namespace: str = ""


@cache
def all_entries():
    entries = [
        NavEntry(
            app_label=config.label,
            label=config.nav_label,
            url_name=config.nav_url,
            icon=getattr(config, "nav_icon", "grid"),
            order=getattr(config, "nav_order", 100),
            permission=getattr(config, "access_permission", ""),
        )
        for config in apps.get_app_configs()
        if getattr(config, "nav_label", None)
    ]
    entries += [
        NavEntry(
            app_label=config.label,
            label=more["label"],
            url_name=more["url"],
            icon=more["icon"],
            order=more["order"],
            permission=more["permission"],
            namespace=more["namespace"],
        )
        for config in apps.get_app_configs()
        for more in getattr(config, "nav_more", ())
    ]
    return sorted(entries, key=lambda e: e.order)


def entries_for(user, current_app=None):
    """The entries this user's roles open, each with its URL and whether it is current."""
    if not (user.is_authenticated and user.is_office_staff and user.has_perm("accounts.access_intranet")):
        return []
    return [
        {
            "label": e.label,
            "url": reverse(e.url_name),
            "icon": e.icon,
            "active": (e.namespace or e.app_label) == current_app,
        }
        for e in all_entries()
        if not e.permission or user.has_perm(e.permission)
    ]


def partner_entries(user, current_app=None):
    """What a partner's bar shows beside the portal's home: the parts of the portal their
    roles open (the entries whose namespace is under /portail/ and whose permission they hold)."""
    if not (user.is_authenticated and user.is_partner):
        return []
    return [
        {"label": e.label, "url": reverse(e.url_name), "icon": e.icon, "active": e.namespace == current_app}
        for e in all_entries()
        if e.namespace in PORTAL_NAMESPACES and user.has_perm(e.permission)
    ]


# The entries a partner may see in the bar (everything else is the staff intranet).
PORTAL_NAMESPACES = {"exchange"}
