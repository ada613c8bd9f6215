"""Every permission rule of the exchange spaces, in one place.

Who is a member of a space, with which access:
- the owner unit's staff, with the space's `unit_access`; the partner's users (the order's,
  or the organisation's), with its `partner_access`;
- a `SpaceMember` row gives one person other rights (a staff member of another unit, a
  partner user limited to reading); it never lets a partner into another partner's space;
- staff who administer exchange spaces (`documents.manage_exchange`) see and change every
  space;
- a closed space is read-only for the Office and gone from the partner's side.
The same rule as a query is `documents.exchange.selectors.spaces_visible_to` (filtering is in
the queryset: another partner's space, file, version or link answers 404).
"""

import copy

from documents.exchange.choices import MemberAccess
from opq_intranet.accounts.access import AccessRule, Audience

# Partners of an order or an organisation (portal, second factor) and staff members of a
# space: the pages are the same; what each sees is scoped in the selectors.
EXCHANGE_RULE = AccessRule(Audience.PORTAL, ("documents.use_exchange",), staff_any_of=("documents.use_exchange",))


def uses_exchange(user):
    return user.is_authenticated and user.is_active and user.has_perm("documents.use_exchange")


def manages_every_space(user):
    return user.is_office_staff and user.has_perm("documents.manage_exchange")


def is_partner_of(user, space):
    if not user.is_partner:
        return False
    if space.professional_order_id is not None:
        return user.professional_order_id == space.professional_order_id
    return user.partner_organisation_id is not None and user.partner_organisation_id == space.organisation_id


# `member` not given: the person's SpaceMember row is read (one query). A caller that has read
# the space's rows already passes the person's, or None when they have none.
UNREAD = object()


def access_of(user, space, member=UNREAD):
    """The person's access to the space (MemberAccess) or None. `member` is their SpaceMember
    row, or None for none, when the caller has read the rows (the page selectors do);
    otherwise it is read here (one query)."""
    if not uses_exchange(user):
        return None
    if manages_every_space(user):
        return MemberAccess.WRITE if space.is_active else MemberAccess.READ
    if user.is_partner and not (space.is_active and is_partner_of(user, space)):
        return None  # a closed space disappears from the partner's side
    if member is UNREAD:
        member = space.members.filter(user=user).first()
    if user.is_partner:
        access = member.access if member else space.partner_access
    elif member is not None:
        access = member.access
    elif user.org_unit_id is not None and user.org_unit_id == space.owner_unit_id:
        access = space.unit_access
    else:
        return None
    return access if space.is_active else MemberAccess.READ  # a closed space is read-only


def can_read(user, space, member=UNREAD):
    return access_of(user, space, member) is not None


def can_write(user, space, member=UNREAD):
    """Upload, new versions, folders, comments, delete, drop links: read-write members."""
    return access_of(user, space, member) == MemberAccess.WRITE


def can_create_space(user):
    """A staff member creates spaces for their own unit; the administrator for any unit."""
    return user.is_office_staff and uses_exchange(user) and (user.org_unit_id is not None or manages_every_space(user))


def can_choose_space_unit(user):
    return manages_every_space(user)


# --- What a member may do, from their access (MemberAccess or None) computed once. ------------
# The predicates below and the pages' `space_rights`/`file_rights` share these, so that a
# button and the service that refuses it never disagree.


def _office_writer(user, access):
    return user.is_office_staff and access == MemberAccess.WRITE


def _office_member(user, access):
    return user.is_office_staff and access is not None


def space_rights(user, access):
    """What a space's page offers (no query per button)."""
    return {
        "can_write": access == MemberAccess.WRITE,
        "can_administer": _office_writer(user, access),
        "can_share": _office_writer(user, access),
        "can_see_audit": _office_member(user, access),
    }


def file_rights(user, shared_file, access):
    """What a file's page offers: a deleted or purged file takes no change."""
    available = shared_file.is_available
    has_content = available and shared_file.current_version_id is not None
    return {
        "can_write": access == MemberAccess.WRITE and available,
        "can_comment": available and access is not None and shared_file.space.is_active,
        "can_download": has_content,
        "can_share": _office_writer(user, access) and has_content,
        "can_file": _office_member(user, access) and has_content,
    }


def can_administer(user, space):
    """Change the space (name, access, retention, quota), its members; close it: the owner
    unit's read-write staff and the administrator. Partners never."""
    return _office_writer(user, access_of(user, space))


def can_reopen(user, space):
    """Reopen a closed space: whoever would administer it were it open (a closed space is
    read-only for everyone, its administrators included)."""
    opened = copy.copy(space)
    opened.is_active = True
    return can_administer(user, opened)


def can_share(user, space):
    """Create and revoke share and drop links: the Office's read-write members only (a link
    opens the space to people without an account: the Office decides)."""
    return _office_writer(user, access_of(user, space))


def can_file_into_records(user, space):
    """ "Verser au dossier": the Office's members (documents' services check again that they
    may edit the chosen records file)."""
    return _office_member(user, access_of(user, space))


def can_see_audit(user, space):
    """The journal and its export: the Office's members of the space."""
    return _office_member(user, access_of(user, space))


def can_comment(user, space, member=UNREAD):
    """Comment on a file: any member, reader or writer, while the space is open."""
    return space.is_active and can_read(user, space, member)
