"""Read queries of the core pages, with what their templates need prefetched."""

from django.db.models import Count, Q

from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core.models import OrgUnit, ProfessionalOrder


def orders():
    return ProfessionalOrder.objects.all()


def org_units():
    return OrgUnit.objects.select_related("parent", "site").annotate(
        member_count=Count("members", filter=Q(members__is_active=True, members__kind=UserKind.STAFF))
    )


def active_staff():
    """The Office's staff who can sign in: the one definition every people picker uses."""
    return User.objects.filter(kind=UserKind.STAFF, is_active=True)


def staff_people():
    return active_staff().select_related("org_unit", "site")


def unit_members(unit):
    return staff_people().filter(org_unit=unit)
