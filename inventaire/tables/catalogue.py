"""Tables of the categories and the locations."""

from django.utils.translation import gettext_lazy as _

from inventaire.models import Category, Location
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


class CategoryTable(Table):
    model = Category
    name = Column(_("Name"), link=True)
    kind = Column(_("Kind"))
    posture = Column(_("Security requirement"))
    life_months = Column(_("Expected life (months)"))
    residual_percent = Column(_("Residual value (%)"))
    has_storage = BooleanColumn(_("Holds data"))
    asset_count = Column(_("Assets"), sort_by=("asset_count",))
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"


class LocationTable(Table):
    model = Location
    room = Column(_("Room"), link=True)
    floor = Column(_("Floor"))
    site = Column(_("Site"), sort_by=("site__name",))
    description = Column(_("Description"))
    asset_count = Column(_("Assets"), sort_by=("asset_count",))
    is_active = BooleanColumn(_("Active"))
    default_sort = "room"
