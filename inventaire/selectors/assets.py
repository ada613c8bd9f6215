"""Reads of the assets: the list, an asset's page, tags typed or scanned, the app's home."""

import re

from django.db.models import Count, Q

from inventaire.choices import AssetStatus
from inventaire.models import Asset, Assignment, Category, Location, Maintenance, Movement
from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core.text import filter_words

SEARCH_FIELDS = ("tag", "serial_number", "hostname", "model_name", "manufacturer", "description")
TAG_SEPARATORS = re.compile(r"[\s,;]+")
JOURNAL_SHOWN = 50


def assets():
    """Every asset with what its pages show beside it (category, room and site, holder)."""
    return Asset.objects.select_related("category", "location__site", "holder")


def assets_for_page():
    return assets().select_related("wipe_proof")


def current_assets():
    """The lists' assets: a disposed asset leaves them (its page and history stay)."""
    return assets().exclude(status=AssetStatus.DISPOSED)


def assets_for_list(status=""):
    """The list's assets: the disposed ones only when the list asks for them by status."""
    return assets() if status == AssetStatus.DISPOSED else current_assets()


def matching_assets(queryset, text):
    """The tag, serial number, hostname, make and model, and the holder's name."""
    return filter_words(queryset, (*SEARCH_FIELDS, "holder__first_name", "holder__last_name"), text)


def categories():
    return Category.objects.annotate(asset_count=Count("assets", filter=~Q(assets__status=AssetStatus.DISPOSED)))


def locations():
    return Location.objects.select_related("site").annotate(
        asset_count=Count("assets", filter=~Q(assets__status=AssetStatus.DISPOSED))
    )


def assets_in(**filters):
    """The current assets of a category or a location, for its page (the first 100)."""
    return current_assets().filter(**filters).order_by("tag")[:100]


def asset_page(asset):
    """What an asset's page shows: its holding periods and its journal."""
    assignments = (
        Assignment.objects.filter(asset=asset)
        .select_related("holder", "location__site", "handover__acknowledgement")
        .order_by("-checked_out_on", "-pk")
    )
    journal = (
        Movement.objects.filter(asset=asset)
        .select_related("by", "holder", "location__site")
        .order_by("-on", "-pk")[:JOURNAL_SHOWN]
    )
    maintenances = Maintenance.objects.filter(asset=asset).select_related("recorded_by").order_by("-on", "-pk")
    return {"assignments": list(assignments), "journal": list(journal), "maintenances": list(maintenances)}


def parse_tags(text):
    """The tags of a typed or scanned list, each once, in the order given (upper case: a
    scanner in a lower-case keyboard layout types them so)."""
    seen, tags = set(), []
    for tag in TAG_SEPARATORS.split((text or "").upper()):
        if tag and tag not in seen:
            seen.add(tag)
            tags.append(tag)
    return tags


def assets_by_tags(tags):
    """(assets found in the order of `tags`, tags that name no asset)."""
    found = {asset.tag: asset for asset in assets().filter(tag__in=tags)}
    return [found[tag] for tag in tags if tag in found], [tag for tag in tags if tag not in found]


def staff_members():
    """Every staff account, those who left included: their history stays readable."""
    return User.objects.filter(kind=UserKind.STAFF)


def person_assignments(person):
    """Everything a person held and holds, for their history (the role's page)."""
    return (
        Assignment.objects.filter(holder=person)
        .select_related("asset__category", "handover")
        .order_by("-checked_out_on", "-pk")
    )
