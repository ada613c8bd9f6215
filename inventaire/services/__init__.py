"""Every write of the inventory, one module per topic."""

from inventaire.services.assets import (
    TRANSITIONS,
    asset_back_from_repair,
    asset_dispose,
    asset_found,
    asset_register,
    asset_relocate,
    asset_report_lost,
    asset_send_to_repair,
    asset_update,
    can_move,
)
from inventaire.services.assignments import (
    check_in,
    check_out,
    handover_acknowledge,
    holdings_confirm,
)
from inventaire.services.campaigns import campaign_close, campaign_fix_locations, campaign_open, campaign_scan
from inventaire.services.catalogue import category_save, location_save
from inventaire.services.licences import licence_save, seat_assign, seat_release
from inventaire.services.maintenance import maintenance_record

__all__ = [
    "TRANSITIONS",
    "asset_back_from_repair",
    "asset_dispose",
    "asset_found",
    "asset_register",
    "asset_relocate",
    "asset_report_lost",
    "asset_send_to_repair",
    "asset_update",
    "campaign_close",
    "campaign_fix_locations",
    "campaign_open",
    "campaign_scan",
    "can_move",
    "category_save",
    "check_in",
    "check_out",
    "handover_acknowledge",
    "holdings_confirm",
    "licence_save",
    "location_save",
    "maintenance_record",
    "seat_assign",
    "seat_release",
]
