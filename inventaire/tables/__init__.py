"""Tables of the inventory's lists."""

from inventaire.tables.assets import AssetTable
from inventaire.tables.catalogue import CategoryTable, LocationTable

__all__ = ["AssetTable", "CategoryTable", "LocationTable"]
