"""Table of the software licences."""

from django.utils.translation import gettext_lazy as _

from inventaire.models import Licence
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


class LicenceTable(Table):
    model = Licence
    name = Column(_("Software"), link=True)
    vendor = Column(_("Vendor"))
    seats = Column(_("Seats"))
    held = Column(_("Held"), sort_by=("held",))
    expires_on = Column(_("Expires on"))
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"
