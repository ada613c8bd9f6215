"""Filter sets of the inventory's lists."""

from inventaire.filtersets.assets import AssetFilterSet
from inventaire.filtersets.campaigns import CampaignFilterSet
from inventaire.filtersets.catalogue import CategoryFilterSet, LocationFilterSet
from inventaire.filtersets.licences import LicenceFilterSet

__all__ = ["AssetFilterSet", "CampaignFilterSet", "CategoryFilterSet", "LicenceFilterSet", "LocationFilterSet"]
