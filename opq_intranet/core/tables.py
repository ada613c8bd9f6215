"""Tables of the core lists."""

from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table
from opq_intranet.core.models import OrgUnit, ProfessionalOrder


class ProfessionalOrderTable(Table):
    model = ProfessionalOrder
    name = Column(_("Official name"), link=True)
    code = Column(_("Code"))
    profession = Column(_("Profession"))
    practice_kind = Column(_("Practice"))
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"


class OrgUnitTable(Table):
    model = OrgUnit
    name = Column(_("Name"), link=True)
    code = Column(_("Code"))
    parent = Column(_("Parent unit"), sort_by=("parent__name",))
    site = Column(_("Site"), sort_by=("site__name",))
    member_count = Column(_("Staff"))
    default_sort = "name"


class PersonTable(Table):
    model = User
    name = Column(_("Name"), accessor="get_full_name", sort_by=("last_name", "first_name"), link=True)
    job_title = Column(_("Job title"))
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    site = Column(_("Site"), sort_by=("site__name",))
    email = Column(_("Email"))
    phone = Column(_("Telephone"), orderable=False)
    default_sort = "name"
