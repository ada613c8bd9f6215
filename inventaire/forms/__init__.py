"""Forms of the inventory, one module per topic."""

from inventaire.forms.assets import AssetForm, DatedNoteForm, DisposeForm, FoundForm, MaintenanceForm, RelocateForm
from inventaire.forms.assignments import CheckInForm, CheckOutForm, ConfirmHoldingsForm
from inventaire.forms.campaigns import CampaignForm, ScanForm
from inventaire.forms.catalogue import CategoryForm, LocationForm
from inventaire.forms.licences import LicenceForm, SeatForm

__all__ = [
    "AssetForm",
    "CampaignForm",
    "CategoryForm",
    "CheckInForm",
    "CheckOutForm",
    "ConfirmHoldingsForm",
    "DatedNoteForm",
    "DisposeForm",
    "FoundForm",
    "LicenceForm",
    "LocationForm",
    "MaintenanceForm",
    "RelocateForm",
    "ScanForm",
    "SeatForm",
]
