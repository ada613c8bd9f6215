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


def holders_of(permission):
    """Active people who hold `permission` ("app_label.codename") through a role or directly,
    as a queryset (one subquery). Superusers are not included for that alone: they hold
    every permission, not every job."""
    app_label, codename = permission.split(".", 1)
    holds = Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label) | Q(
        user_permissions__codename=codename, user_permissions__content_type__app_label=app_label
    )
    return User.objects.filter(pk__in=User.objects.filter(holds, is_active=True).values("pk"))


def staff_holding(permission):
    """The staff who may be given work that needs `permission` (a people picker's choices)."""
    return holders_of(permission).filter(kind=UserKind.STAFF)


def staff_people():
    return active_staff().select_related("org_unit", "site")


def unit_members(unit):
    return staff_people().filter(org_unit=unit)
