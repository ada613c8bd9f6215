"""A stock-taking campaign's writes: open it (numbered INV-2026-00003) for a site, a floor or a
room; record each tag read in a room (a second reading adds nothing and says so); move every
asset found in the wrong place to where it was found, in one step; close it with its PDF report."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inventaire.campaign_report import campaign_report_pdf
from inventaire.choices import AssetStatus, CampaignStatus
from inventaire.models import Asset, Campaign, Scan
from inventaire.selectors.campaigns import campaign_results, rooms_of
from inventaire.services.assets import asset_found, asset_relocate, check_date, require_manager
from opq_intranet.core.files import private_file_store
from opq_intranet.core.numbering import next_reference

CAMPAIGN_SERIES = "inventaire.campaign"
# A QR code read by a phone's camera app may hold a link ending with the tag: keep the tag.
TAG_AT_END = re.compile(r"([A-Z0-9][A-Z0-9-]*[A-Z0-9])/?$")


@dataclass(frozen=True)
class ScanResult:
    scan: Scan
    first: bool  # False: the tag was read already in this campaign (nothing changed)


@transaction.atomic
def campaign_open(*, campaign, user):
    require_manager(user)
    check_date(campaign.opened_on, "opened_on")
    if campaign.location_id:
        room = campaign.location
        if room.site_id != campaign.site_id or (campaign.floor and room.floor != campaign.floor):
            raise ValidationError({"location": _("This room is not on the site and floor chosen.")})
        campaign.floor = room.floor
    if not rooms_of(campaign).exists():
        raise ValidationError({"floor": _("No room of the Office matches this site and floor.")})
    campaign.number = next_reference(CAMPAIGN_SERIES, prefix="INV-", year=campaign.opened_on.year)
    campaign.opened_by = user
    campaign.status = CampaignStatus.OPEN
    campaign.save()
    return campaign


def _open(campaign):
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not campaign.is_open:
        raise ValidationError(_("The campaign %(number)s is closed.") % {"number": campaign.number})
    return campaign


def read_tag(text):
    text = (text or "").strip().upper()
    match = TAG_AT_END.search(text)
    if not match:
        raise ValidationError({"tag": _("Scan or type a tag.")})
    return match.group(1)


@transaction.atomic
def campaign_scan(*, campaign, user, tag, location):
    """Record that `tag` was read in `location` (a room of the campaign)."""
    require_manager(user)
    campaign = _open(campaign)
    if not rooms_of(campaign).filter(pk=location.pk).exists():
        raise ValidationError({"location": _("This room is not part of the campaign.")})
    tag = read_tag(tag)
    scan, created = Scan.objects.get_or_create(
        campaign=campaign,
        tag=tag,
        defaults={"location": location, "scanned_by": user, "asset": Asset.objects.filter(tag=tag).first()},
    )
    if not created:
        Scan.objects.filter(pk=scan.pk).update(times=scan.times + 1)
    return ScanResult(scan=scan, first=created)


@transaction.atomic
def campaign_fix_locations(*, campaign, user):
    """Every asset found in the wrong place now is where it was found (a lost one is found)."""
    require_manager(user)
    campaign = _open(campaign)
    note = _("Stock-taking %(number)s") % {"number": campaign.number}
    today = timezone.localdate()
    fixed = 0
    for scan in campaign_results(campaign).to_fix:
        if scan.asset.status == AssetStatus.LOST:
            asset_found(asset=scan.asset, user=user, on=today, location=scan.location, note=note)
        else:
            asset_relocate(asset=scan.asset, user=user, location=scan.location, on=today, note=note)
        Scan.objects.filter(pk=scan.pk).update(fixed=True)
        fixed += 1
    return fixed


@transaction.atomic
def campaign_close(*, campaign, user):
    """Closed with its report (every list, as found at the close), kept as a private file."""
    require_manager(user)
    campaign = _open(campaign)
    campaign.status, campaign.closed_at, campaign.closed_by = CampaignStatus.CLOSED, timezone.now(), user
    content = campaign_report_pdf(campaign, campaign_results(campaign))
    campaign.report = private_file_store(
        uploaded=ContentFile(content, name=f"inventaire-{campaign.number}.pdf"),
        owner=campaign,
        user=user,
        allowed_types={"application/pdf"},
    )
    campaign.save(update_fields=["status", "closed_at", "closed_by", "report"])
    return campaign
