"""The inventory's data, one module per topic (the layout rule in the README)."""

from inventaire.models.assets import Asset
from inventaire.models.assignments import Assignment, HandOver, Movement
from inventaire.models.campaigns import Campaign, Scan
from inventaire.models.catalogue import Category, Location
from inventaire.models.licences import Licence, Seat
from inventaire.models.maintenance import Maintenance

__all__ = [
    "Asset",
    "Assignment",
    "Campaign",
    "Category",
    "HandOver",
    "Licence",
    "Location",
    "Maintenance",
    "Movement",
    "Scan",
    "Seat",
]
