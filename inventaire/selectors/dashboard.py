"""The inventory's home: counts by status, site and category; warranties and licences
ending within 90 days; and the IT posture the master plan asks for (section 5.2): laptops encrypted, phones and
tablets under central management, workstations and laptops per operating system. Each figure
carries the link to the list behind it. Eight queries, whatever the number of assets."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inventaire.choices import AssetStatus, Encryption, Posture
from inventaire.models import Asset, Licence
from inventaire.selectors.assets import current_assets

SOON_DAYS = 90
SHOWN = 10


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list

    @property
    def source(self):
        return f"chart-{self.key}"

    @property
    def data(self):
        return {
            "title": self.title,
            "labels": [bar.label for bar in self.bars],
            "data": [bar.count for bar in self.bars],
            "links": [bar.url for bar in self.bars],
        }


def list_url(**filters):
    return f"{reverse('inventaire:asset_list')}?{urlencode(filters)}"


def _grouped(queryset, field):
    return list(queryset.values_list(field).annotate(n=Count("pk")).order_by(field))


def dashboard(today=None):
    today = today or timezone.localdate()
    by_status = dict(Asset.objects.values_list("status").annotate(n=Count("pk")).order_by())
    statuses = [
        Bar(status.label, by_status.get(status.value, 0), list_url(status=status.value)) for status in AssetStatus
    ]
    sites = [
        Bar(name or _("No location"), n, list_url(site=pk) if pk else list_url())
        for pk, name, n in current_assets()
        .values_list("location__site", "location__site__name")
        .annotate(n=Count("pk"))
        .order_by("location__site__name")
    ]
    categories = [
        Bar(name, n, list_url(category=pk))
        for pk, name, n in current_assets()
        .values_list("category", "category__name")
        .annotate(n=Count("pk"))
        .order_by("category__name")
    ]
    laptops = dict(_grouped(current_assets().filter(category__posture=Posture.LAPTOP), "disk_encryption"))
    encryption = [
        Bar(choice.label, laptops.get(choice.value, 0), list_url(posture=Posture.LAPTOP, disk_encryption=choice.value))
        for choice in Encryption
    ]
    mobiles = dict(_grouped(current_assets().filter(category__posture=Posture.MOBILE), "mdm_enrolled"))
    management = [
        Bar(_("Under management"), mobiles.get(True, 0), list_url(posture=Posture.MOBILE, mdm_enrolled="true")),
        Bar(_("Not under management"), mobiles.get(False, 0), list_url(posture=Posture.MOBILE, mdm_enrolled="false")),
    ]
    computers = current_assets().filter(category__posture__in=(Posture.LAPTOP, Posture.WORKSTATION))
    systems = [
        Bar(
            f"{name} {version}".strip() or _("Unknown"), n, list_url(computers="true", os_name=name, os_version=version)
        )
        for name, version, n in computers.values_list("os_name", "os_version")
        .annotate(n=Count("pk"))
        .order_by("os_name", "os_version")
    ]
    soon = (
        current_assets()
        .filter(warranty_ends_on__gte=today, warranty_ends_on__lte=today + timedelta(days=SOON_DAYS))
        .select_related("category")
        .order_by("warranty_ends_on", "tag")
    )
    warranties = list(soon[: SHOWN + 1])
    licences = list(
        Licence.objects.filter(
            is_active=True, expires_on__gte=today, expires_on__lte=today + timedelta(days=SOON_DAYS)
        ).order_by("expires_on", "pk")[:SHOWN]
    )
    return {
        "by_status": statuses,
        "charts": [
            Chart("sites", _("Assets by site"), sites),
            Chart("categories", _("Assets by category"), categories),
            Chart("encryption", _("Laptops: disk encryption"), encryption),
            Chart("management", _("Phones and tablets: central management"), management),
            Chart("systems", _("Workstations and laptops by operating system"), systems),
        ],
        "encrypted_share": _share(laptops.get(Encryption.YES.value, 0), sum(laptops.values())),
        "managed_share": _share(mobiles.get(True, 0), sum(mobiles.values())),
        "warranties": warranties[:SHOWN],
        "licences": licences,
        "more_warranties": len(warranties) > SHOWN,
        "warranties_url": list_url(warranty_before=(today + timedelta(days=SOON_DAYS + 1)).isoformat()),
    }


def _share(part, whole):
    return round(100 * part / whole) if whole else None
