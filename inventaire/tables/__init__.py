"""Tables of the inventory's lists."""

from inventaire.tables.assets import AssetTable
from inventaire.tables.campaigns import CampaignTable
from inventaire.tables.catalogue import CategoryTable, LocationTable
from inventaire.tables.licences import LicenceTable

__all__ = ["AssetTable", "CampaignTable", "CategoryTable", "LicenceTable", "LocationTable"]
