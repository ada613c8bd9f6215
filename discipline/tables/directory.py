"""Tables of the directory's lists: councils, chairs, council members."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discipline.models import Chair, Council, CouncilMember
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


def _council_url(council):
    return reverse("discipline:council_detail", args=[council.pk])


def _chair_url(chair):
    return reverse("discipline:chair_detail", args=[chair.pk])


def _member_url(member):
    return reverse("discipline:member_detail", args=[member.pk])


def _two_digits(council):
    return f"{council.number:02d}"


class CouncilTable(Table):
    model = Council
    number = Column(_("Number"), accessor=_two_digits, sort_by=("number",), link=_council_url)
    order = Column(_("Professional order"), sort_by=("order__name",), link=_council_url)
    secretary_name = Column(_("Secretary"))
    secretary_email = Column(_("Secretary's email"))
    active_cases = Column(_("Active cases"), css_class="text-end")
    is_active = BooleanColumn(_("Active"))
    default_sort = "number"


class ChairTable(Table):
    model = Chair
    name = Column(_("Name"), accessor=str, sort_by=("last_name", "first_name"), link=_chair_url)
    email = Column(_("Email"))
    user = Column(_("User account"), sort_by=("user__last_name", "user__first_name"))
    is_senior = BooleanColumn(_("Senior chair"))
    active_cases = Column(_("Active cases"), css_class="text-end")
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"


class MemberTable(Table):
    model = CouncilMember
    last_name = Column(_("Last name"), link=_member_url)
    first_name = Column(_("First name"))
    title = Column(_("Professional title"))
    council = Column(_("Council"), sort_by=("council__number",))
    email = Column(_("Email"))
    appointed_on = Column(_("Appointed on"))
    is_active = BooleanColumn(_("Active"))
    default_sort = "last_name"
