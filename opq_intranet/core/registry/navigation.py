"""Top navigation: one entry per app, built from AppConfig attributes.

An app declares in its AppConfig:
    nav_label      the menu label (lazy translation)
    nav_url        the URL name of its landing page
    nav_icon       a Bootstrap icon name
    nav_order      position in the bar
    access_permission  the permission that opens the app (also the default for its views)
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
    return sorted(entries, key=lambda e: e.order)


def entries_for(user, current_app=None):
    """The entries this user's roles open, each with its URL and whether it is current."""
    if not (user.is_authenticated and user.is_office_staff and user.has_perm("accounts.access_intranet")):
        return []
    return [
        {"label": e.label, "url": reverse(e.url_name), "icon": e.icon, "active": e.app_label == current_app}
        for e in all_entries()
        if not e.permission or user.has_perm(e.permission)
    ]
