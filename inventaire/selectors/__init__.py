"""Every read of the inventory, one module per topic."""

from inventaire.selectors.assets import (
    asset_page,
    assets,
    assets_by_tags,
    assets_for_list,
    assets_for_page,
    assets_in,
    categories,
    current_assets,
    locations,
    matching_assets,
    parse_tags,
    person_assignments,
    staff_members,
)
from inventaire.selectors.campaigns import campaign_counts, campaign_results, campaigns, rooms_of, scan_outcome
from inventaire.selectors.dashboard import dashboard
from inventaire.selectors.depreciation import depreciation_report
from inventaire.selectors.equipment import acknowledgements_due, handover_of, my_asset, my_equipment
from inventaire.selectors.licences import licence_page, licences

__all__ = [
    "acknowledgements_due",
    "asset_page",
    "assets",
    "assets_by_tags",
    "assets_for_list",
    "assets_for_page",
    "assets_in",
    "campaign_counts",
    "campaign_results",
    "campaigns",
    "categories",
    "current_assets",
    "dashboard",
    "depreciation_report",
    "handover_of",
    "licence_page",
    "licences",
    "locations",
    "matching_assets",
    "my_asset",
    "my_equipment",
    "parse_tags",
    "person_assignments",
    "rooms_of",
    "scan_outcome",
    "staff_members",
]
