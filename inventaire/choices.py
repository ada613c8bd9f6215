"""Enumerations of the inventory: categories, an asset's status, IT posture, disposal."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CategoryKind(models.TextChoices):
    FURNITURE = "furniture", _("Furniture")
    IT = "it", _("IT")


class Posture(models.TextChoices):
    """What the master plan's section 5.2 asks IT to show for a category's assets."""

    NONE = "", _("No security requirement")
    LAPTOP = "laptop", _("Laptop: disk encrypted")
    MOBILE = "mobile", _("Phone or tablet: under central management")
    WORKSTATION = "workstation", _("Workstation: supported operating system")


class AssetStatus(models.TextChoices):
    IN_STOCK = "in_stock", pgettext_lazy("asset status", "In stock")
    ASSIGNED = "assigned", pgettext_lazy("asset status", "Assigned")
    IN_REPAIR = "in_repair", pgettext_lazy("asset status", "In repair")
    LOST = "lost", pgettext_lazy("asset status", "Lost")
    DISPOSED = "disposed", pgettext_lazy("asset status", "Disposed")


class Encryption(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class DisposalReason(models.TextChoices):
    RECYCLED = "recycled", _("Recycled")
    DONATED = "donated", _("Donated")
    SOLD = "sold", _("Sold")
    DESTROYED = "destroyed", _("Destroyed")


class MovementKind(models.TextChoices):
    """What happened to an asset, in its journal (and in a person's)."""

    REGISTERED = "registered", _("Registered")
    CHECKED_OUT = "checked_out", _("Checked out")
    CHECKED_IN = "checked_in", _("Checked in")
    REPAIR_SENT = "repair_sent", _("Sent to repair")
    REPAIR_BACK = "repair_back", _("Back from repair")
    LOST = "lost", _("Reported lost")
    FOUND = "found", _("Found")
    RELOCATED = "relocated", _("Moved")
    DISPOSED = "disposed", _("Disposed of")


class CampaignStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("campaign status", "Open")
    CLOSED = "closed", pgettext_lazy("campaign status", "Closed")


class ScanOutcome(models.TextChoices):
    """What a stock-taking makes of an asset or a tag (the results' four lists)."""

    FOUND = "found", _("Found where expected")
    WRONG_PLACE = "wrong_place", _("Found in the wrong place")
    MISSING = "missing", _("Missing")
    UNKNOWN = "unknown", _("Unknown tag")


class MaintenanceOutcome(models.TextChoices):
    REPAIRED = "repaired", _("Repaired")
    REPLACED_PART = "replaced_part", _("Part replaced")
    NOT_REPAIRABLE = "not_repairable", _("Not repairable")
    PENDING = "pending", _("Pending")
