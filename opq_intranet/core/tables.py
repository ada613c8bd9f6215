"""Tables of the core lists, and the base every app's table extends."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User
from opq_intranet.core.models import OrgUnit, ProfessionalOrder


class BaseTable(tables.Table):
    """Bootstrap styling and a French empty message."""

    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("Nothing matches these criteria.")


class ProfessionalOrderTable(BaseTable):
    name = tables.Column(linkify=True, verbose_name=_("Official name"))
    code = tables.Column(verbose_name=_("Code"))
    profession = tables.Column(verbose_name=_("Profession"))
    practice_kind = tables.Column(verbose_name=_("Practice"))
    is_active = tables.BooleanColumn(verbose_name=_("Active"))

    class Meta(BaseTable.Meta):
        model = ProfessionalOrder
        fields = ("name", "code", "profession", "practice_kind", "is_active")
        order_by = ("name",)


class OrgUnitTable(BaseTable):
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    parent = tables.Column(verbose_name=_("Parent unit"))
    site = tables.Column(verbose_name=_("Site"))
    member_count = tables.Column(verbose_name=_("Staff"), orderable=True)

    class Meta(BaseTable.Meta):
        model = OrgUnit
        fields = ("name", "code", "parent", "site", "member_count")
        order_by = ("name",)


class PersonTable(BaseTable):
    name = tables.Column(
        linkify=True, verbose_name=_("Name"), accessor="get_full_name", order_by=("last_name", "first_name")
    )
    job_title = tables.Column(verbose_name=_("Job title"))
    org_unit = tables.Column(verbose_name=_("Unit"))
    site = tables.Column(verbose_name=_("Site"))
    email = tables.EmailColumn(verbose_name=_("Email"))
    phone = tables.Column(verbose_name=_("Telephone"))

    class Meta(BaseTable.Meta):
        model = User
        fields = ("name", "job_title", "org_unit", "site", "email", "phone")
        order_by = ("name",)
