"""Every permission rule of records management, in one place.

The access rules the views declare (who reaches a page) and the `can_<verb>(user, obj)`
predicates that views, templates, selectors, services and file readers share. Which files a
person sees is filtered in the queries (`documents.selectors.files_visible_to`), from
`sees_every_file` below.
"""

from documents.choices import DispositionStatus
from opq_intranet.accounts.access import AccessRule, Audience, access

MANAGE_PERMISSIONS = ("accounts.access_documents", "documents.manage_plan")
# The records manager's pages (Gestion documentaire): class-based views declare the rule,
# function views the decorator.
MANAGE_RULE = AccessRule(Audience.STAFF, MANAGE_PERMISSIONS)
MANAGE = access(Audience.STAFF, *MANAGE_PERMISSIONS)


def can_manage_plan(user):
    """The records manager: plan, schedule, holds, disposition, boxes and loans; sees every file."""
    return user.is_office_staff and user.has_perm("documents.manage_plan")


def sees_every_file(user):
    """Personal-information and confidential files included, whatever their unit."""
    return can_manage_plan(user)


def can_open_file_for(user, org_unit_id):
    """A staff member opens files for their own unit; the records manager for any unit."""
    return user.is_office_staff and (can_manage_plan(user) or org_unit_id == user.org_unit_id)


def can_choose_file_unit(user):
    """Only the records manager gives a file to another unit."""
    return can_manage_plan(user)


def can_edit_file(user, record_file):
    """The holding unit's staff, and the records manager."""
    if not user.is_office_staff:
        return False
    return can_manage_plan(user) or (user.org_unit_id is not None and user.org_unit_id == record_file.org_unit_id)


def can_override_file_dates(user):
    return can_manage_plan(user)


def acting_manager(org_unit):
    """The unit's manager (`OrgUnit.manager`) when they can act: an active staff account.

    `selectors.unit_has_acting_manager()` is the same rule as a query condition."""
    manager = org_unit.manager
    if manager is not None and manager.is_active and manager.is_office_staff:
        return manager
    return None


def can_validate(user, disposition_list):
    """The holding unit's manager checks its list; for a unit without one (or whose manager
    can no longer sign in), the records manager does: a list always has someone to act."""
    if not user.is_office_staff:
        return False
    manager = acting_manager(disposition_list.org_unit)
    if manager is not None:
        return user.pk == manager.pk
    return can_manage_plan(user)


def sees_unit_lists(user, disposition_list):
    """The unit's staff, its manager and the records manager see the unit's lists."""
    return user.is_office_staff and (
        can_manage_plan(user)
        or user.org_unit_id == disposition_list.org_unit_id
        or user.pk == disposition_list.org_unit.manager_id
    )


def can_read_certificate(user, disposition_list):
    """A processed list's certificate: its unit (and its manager) and the records manager."""
    return sees_unit_lists(user, disposition_list)


# --- Paper -----------------------------------------------------------------------------------------


def can_add_box_to(user, space):
    """A new box goes in a space that is in use and has a free place (`spaces()` counts them)."""
    return can_manage_plan(user) and space.is_active and space.free > 0


def can_change_box(user, box):
    """A box that has left the Office (sent to BAnQ or destroyed) no longer changes."""
    return can_manage_plan(user) and box.on_shelf


def can_change_file(user, record_file):
    """Change it, file records in it, close it: its editors, until it is disposed of."""
    return can_edit_file(user, record_file) and not record_file.is_disposed


# --- Disposition -----------------------------------------------------------------------------------


def can_validate_now(user, disposition_list):
    """The unit validates its list once, while it is a draft."""
    return can_validate(user, disposition_list) and disposition_list.status == DispositionStatus.DRAFT


def can_approve(user, disposition_list):
    return can_manage_plan(user) and disposition_list.status == DispositionStatus.VALIDATED


def can_process(user, disposition_list):
    return can_manage_plan(user) and disposition_list.status == DispositionStatus.APPROVED


def can_cancel(user, disposition_list):
    return can_manage_plan(user) and disposition_list.is_open
