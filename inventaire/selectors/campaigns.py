"""Reads of the stock-taking campaigns: the list, the rooms a campaign covers, and its results:
found where expected, found in the wrong place (lost or disposed ones included), missing, and
unknown tags, computed from three queries whatever the campaign's size."""

from dataclasses import dataclass, field

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
    found: list = field(default_factory=list)
    wrong_place: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    unknown: list = field(default_factory=list)

    @property
    def counts(self):
        return {
            ScanOutcome.FOUND: len(self.found),
            ScanOutcome.WRONG_PLACE: len(self.wrong_place),
            ScanOutcome.MISSING: len(self.missing),
            ScanOutcome.UNKNOWN: len(self.unknown),
        }

    @property
    def moved(self):
        """Found where they are now because the campaign moved them there."""
        return [scan for scan in self.found if scan.fixed]

    @property
    def to_fix(self):
        """The wrong-place scans whose asset can be moved to where it was found."""
        return [scan for scan in self.wrong_place if scan.asset.status != AssetStatus.DISPOSED]


def scan_outcome(scan):
    if scan.asset_id is None:
        return ScanOutcome.UNKNOWN
    asset = scan.asset
    if asset.location_id == scan.location_id and asset.status in EXPECTED_STATUSES:
        return ScanOutcome.FOUND
    return ScanOutcome.WRONG_PLACE


def campaign_results(campaign):
    room_ids = list(rooms_of(campaign).values_list("pk", flat=True))
    scans = list(
        Scan.objects.filter(campaign=campaign)
        .select_related("asset__category", "asset__location__site", "location__site")
        .order_by("-scanned_at", "-pk")
    )
    results = Results()
    for scan in scans:
        scan.outcome = scan_outcome(scan)
        {ScanOutcome.UNKNOWN: results.unknown, ScanOutcome.FOUND: results.found}.get(
            scan.outcome, results.wrong_place
        ).append(scan)
    scanned = {scan.asset_id for scan in scans if scan.asset_id}
    expected = (
        Asset.objects.filter(location__in=room_ids, status__in=EXPECTED_STATUSES)
        .select_related("category", "location__site", "holder")
        .order_by("location__room", "tag")
    )
    results.missing = [asset for asset in expected if asset.pk not in scanned]
    return results
