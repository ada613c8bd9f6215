"""Reads of the stock-taking campaigns: the list, the rooms a campaign covers, and its results:
found where expected, found in the wrong place (lost or disposed ones included), missing, and
unknown tags, each list in one query whatever the campaign's size."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from inventaire.choices import AssetStatus, ScanOutcome
from inventaire.models import Asset, Campaign, Location, Scan

# What a campaign expects to find in its rooms: neither away for repair, lost nor disposed.
EXPECTED_STATUSES = (AssetStatus.IN_STOCK, AssetStatus.ASSIGNED)


def campaigns():
    return Campaign.objects.select_related("site", "location__site", "opened_by")


def rooms_of(campaign):
    """The rooms a campaign covers: its room, its floor's or its site's."""
    rooms = Location.objects.select_related("site").filter(site=campaign.site_id, is_active=True)
    if campaign.location_id:
        return rooms.filter(pk=campaign.location_id)
    if campaign.floor:
        return rooms.filter(floor=campaign.floor)
    return rooms


@dataclass
class Results:
    """The four lists (each cut at `limit` rows on the page; the counts are the whole)."""

    found: list = field(default_factory=list)
    wrong_place: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    unknown: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    limit: int | None = None

    @property
    def moved(self):
        """Found where they are now because the campaign moved them there."""
        return [scan for scan in self.found if scan.fixed]

    @property
    def to_fix(self):
        """The wrong-place scans whose asset can be moved to where it was found."""
        return [scan for scan in self.wrong_place if scan.asset.status != AssetStatus.DISPOSED]

    def cut(self, outcome):
        """Whether the page shows only the first rows of a list."""
        return self.limit is not None and self.counts[outcome] > self.limit


# A read is "found" when the asset is listed in the room it was read in, and expected there.
FOUND = Q(asset__location=F("location"), asset__status__in=EXPECTED_STATUSES)


def scan_outcome(scan):
    if scan.asset_id is None:
        return ScanOutcome.UNKNOWN
    asset = scan.asset
    if asset.location_id == scan.location_id and asset.status in EXPECTED_STATUSES:
        return ScanOutcome.FOUND
    return ScanOutcome.WRONG_PLACE


def _expected(campaign):
    return Asset.objects.filter(location__in=rooms_of(campaign).values("pk"), status__in=EXPECTED_STATUSES)


def _missing(campaign):
    read = Scan.objects.filter(campaign=campaign, asset__isnull=False).values("asset")
    return _expected(campaign).exclude(pk__in=read)


def campaign_counts(campaign):
    """The four counts, in two queries (the scan page shows them after every tag)."""
    reads = Scan.objects.filter(campaign=campaign).aggregate(
        total=Count("pk"), unknown=Count("pk", filter=Q(asset__isnull=True)), found=Count("pk", filter=FOUND)
    )
    return {
        ScanOutcome.FOUND: reads["found"],
        ScanOutcome.WRONG_PLACE: reads["total"] - reads["found"] - reads["unknown"],
        ScanOutcome.MISSING: _missing(campaign).count(),
        ScanOutcome.UNKNOWN: reads["unknown"],
    }


def campaign_results(campaign, limit=None):
    """The campaign's lists (the first `limit` rows of each; all of them for the report and
    the fixing) and its counts: six queries, whatever the campaign's size."""
    reads = (
        Scan.objects.filter(campaign=campaign)
        .select_related("asset__category", "asset__location__site", "location__site")
        .order_by("-scanned_at", "-pk")
    )
    missing = (
        _missing(campaign).select_related("category", "location__site", "holder").order_by("location__room", "tag")
    )

    def first(queryset):
        return list(queryset[:limit] if limit is not None else queryset)

    results = Results(
        found=first(reads.filter(FOUND)),
        wrong_place=first(reads.filter(asset__isnull=False).exclude(FOUND)),
        missing=first(missing),
        unknown=first(reads.filter(asset__isnull=True)),
        counts=campaign_counts(campaign),
        limit=limit,
    )
    for outcome, scans in ((ScanOutcome.FOUND, results.found), (ScanOutcome.WRONG_PLACE, results.wrong_place)):
        for scan in scans:
            scan.outcome = outcome
    return results
