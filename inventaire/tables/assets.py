"""Table of the assets' list."""

from django.utils.translation import gettext_lazy as _

from inventaire.models import Asset
from opq_intranet.core.lists.tables import EMPTY, Column, Table


def _holder(record):
    holder = record.holder
    return (holder.get_full_name() or holder.username) if holder else EMPTY


class AssetTable(Table):
    model = Asset
    tag = Column(_("Asset tag"), link=True)
    category = Column(_("Category"), sort_by=("category__name",))
    label = Column(
        _("Make and model"), accessor=lambda asset: asset.label or EMPTY, sort_by=("manufacturer", "model_name")
    )
    serial_number = Column(_("Serial number"))
    status = Column(_("Status"))
    location = Column(_("Location"), sort_by=("location__site__name", "location__floor", "location__room"))
    holder = Column(_("Held by"), accessor=_holder, sort_by=("holder__last_name", "holder__first_name"))
    warranty_ends_on = Column(_("Warranty end"))
    default_sort = "tag"
