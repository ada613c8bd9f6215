"""Spaces, folders and members: creating and changing a space, closing and reopening it,
folders, and the people named on a space. Each write checks the permission again
(documents.exchange.permissions) and leaves its line in the audit trail."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.exchange import permissions
from documents.exchange.choices import EventAction, MemberAccess
from documents.exchange.models import ExchangeSpace, Folder, SharedFile, ShareLink, SpaceMember
from documents.exchange.services.audit import event_log

# What the audit trail names when a space's settings change.
TRACKED_FIELDS = (
    "name",
    "owner_unit_id",
    "description",
    "unit_access",
    "partner_access",
    "retention_days",
    "quota_bytes",
)


def _check_partner(space):
    if space.professional_order_id is None and space.organisation_id is None:
        raise ValidationError(
            {"professional_order": _("Choose the professional order or the partner organisation of the space.")}
        )
    if space.professional_order_id is not None and space.organisation_id is not None:
        raise ValidationError(
            {"organisation": _("A space is shared with one partner: choose an order or an organisation, not both.")}
        )


@transaction.atomic
def space_save(*, space, user, request=None):
    """Create a space (`space.pk` empty) or change it. A new space belongs to the person's
    own unit unless they may choose it; its partner never changes afterwards (the files
    shared with one partner never become another's)."""
    if space.pk is None:
        if not permissions.can_create_space(user):
            raise PermissionDenied
        if not permissions.can_choose_space_unit(user):
            space.owner_unit_id = user.org_unit_id
        space.created_by = user
        before = None
    else:
        before = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
        if not permissions.can_administer(user, before):
            raise PermissionDenied
        if space.owner_unit_id != before.owner_unit_id and not permissions.can_choose_space_unit(user):
            raise ValidationError({"owner_unit": _("Only the administrator of the exchange spaces moves a space.")})
        partner = (space.professional_order_id, space.organisation_id)
        if partner != (before.professional_order_id, before.organisation_id):
            raise ValidationError(
                {"professional_order": _("The partner of a space never changes: create a space for the other partner.")}
            )
        space.is_active = before.is_active
        space.used_bytes = before.used_bytes
    space.name = space.name.strip()
    _check_partner(space)
    if space.quota_bytes is not None and space.quota_bytes < space.used_bytes:
        raise ValidationError(
            {
                "quota_bytes": _("The quota cannot be less than what the space already holds (%(used)s).")
                % {"used": filesizeformat(space.used_bytes)}
            }
        )
    space.full_clean(exclude=["created_by"])  # None for spaces made before accounts (imports)
    space.save()
    if before is None:
        event_log(space=space, action=EventAction.SPACE_CREATED, user=user, object_name=space.name, request=request)
    else:
        changed = [field for field in TRACKED_FIELDS if getattr(before, field) != getattr(space, field)]
        if changed:
            labels = ", ".join(str(ExchangeSpace._meta.get_field(f.removesuffix("_id")).verbose_name) for f in changed)
            event_log(
                space=space,
                action=EventAction.SPACE_CHANGED,
                user=user,
                object_name=space.name,
                detail=labels,
                request=request,
            )
    return space


def _space_set_open(space, *, user, is_open, detail, request):
    space.is_active = is_open
    space.save(update_fields=["is_active"])
    event_log(
        space=space, action=EventAction.SPACE_CHANGED, user=user, object_name=space.name, detail=detail, request=request
    )
    return space


@transaction.atomic
def space_close(*, space, user, request=None):
    """Close a space: read-only for the Office, gone from the partner's side."""
    space = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
    if not permissions.can_administer(user, space):
        raise PermissionDenied
    return _space_set_open(space, user=user, is_open=False, detail=_("closed"), request=request)


@transaction.atomic
def space_reopen(*, space, user, request=None):
    space = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
    if space.is_active:
        raise ValidationError(_("This space is already open."))
    if not permissions.can_reopen(user, space):
        raise PermissionDenied
    return _space_set_open(space, user=user, is_open=True, detail=_("reopened"), request=request)


# --- Folders ------------------------------------------------------------------------------


@transaction.atomic
def folder_save(*, folder, user, request=None):
    """Create a folder (in `folder.parent`, or at the space's root) or rename it: the
    space's read-write members."""
    space = ExchangeSpace.objects.select_for_update().get(pk=folder.space_id)
    if not permissions.can_write(user, space):
        raise PermissionDenied
    if folder.parent_id is not None and not Folder.objects.filter(pk=folder.parent_id, space=space).exists():
        raise PermissionDenied
    is_new = folder.pk is None
    if is_new:
        folder.created_by = user
    else:
        before = Folder.objects.get(pk=folder.pk)
        if before.space_id != space.pk or before.parent_id != folder.parent_id:
            raise PermissionDenied  # renaming only: a folder stays where it is
    folder.name = " ".join(folder.name.split())
    if folder.name in (".", ".."):
        raise ValidationError({"name": _("Choose another name for the folder.")})
    folder.full_clean(exclude=["created_by"])
    folder.save()
    if is_new:
        event_log(space=space, action=EventAction.FOLDER_CREATED, user=user, object_name=folder.name, request=request)
    return folder


@transaction.atomic
def folder_delete(*, folder, user, request=None):
    """Delete an empty folder: no subfolder, no available file, no share link still open.
    The deleted files it kept move up to its parent (their trail stays)."""
    space = ExchangeSpace.objects.select_for_update().get(pk=folder.space_id)
    if not permissions.can_write(user, space):
        raise PermissionDenied
    folder = Folder.objects.select_for_update().get(pk=folder.pk, space=space)
    if folder.children.exists():
        raise ValidationError(_("The folder still holds folders: delete or empty them first."))
    if SharedFile.objects.filter(folder=folder, deleted_at__isnull=True, purged_at__isnull=True).exists():
        raise ValidationError(_("The folder still holds files: delete them or move them first."))
    open_links = ShareLink.objects.filter(folder=folder, revoked_at__isnull=True, expires_at__gt=timezone.now())
    if open_links.exists():
        raise ValidationError(_("A share link still opens this folder: revoke it first."))
    SharedFile.objects.filter(folder=folder).update(folder=folder.parent)
    name = folder.name
    folder.delete()
    event_log(space=space, action=EventAction.FOLDER_DELETED, user=user, object_name=name, request=request)


# --- Members ------------------------------------------------------------------------------


def _check_member(space, person):
    if not person.is_active:
        raise ValidationError({"user": _("This account is disabled.")})
    if person.is_partner:
        if not permissions.is_partner_of(person, space):
            raise ValidationError(
                {"user": _("A partner user can only be a member of a space of their own order or organisation.")}
            )
    elif not person.is_office_staff:
        raise ValidationError({"user": _("Only the Office's staff and the partner's users can be members.")})
    if not permissions.uses_exchange(person):
        raise ValidationError({"user": _("This person has no role that opens the exchange spaces.")})


@transaction.atomic
def member_set(*, space, person, access, user, request=None):
    """Name `person` on the space with `access` (add or change): a staff member of any unit,
    or a user of the space's own partner. The space's administrators only."""
    space = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
    if not permissions.can_administer(user, space):
        raise PermissionDenied
    if access not in MemberAccess.values:
        raise ValidationError({"access": _("Choose the access: read, or read and write.")})
    _check_member(space, person)
    member = SpaceMember.objects.filter(space=space, user=person).first() or SpaceMember(space=space, user=person)
    member.access = access
    member.full_clean()
    member.save()
    event_log(
        space=space,
        action=EventAction.MEMBER_SET,
        user=user,
        object_name=person.get_full_name() or person.username,
        detail=str(member.get_access_display()),
        request=request,
    )
    return member


@transaction.atomic
def member_remove(*, member, user, request=None):
    """Remove a named member: they keep the default access their unit or partner gives, if any."""
    space = ExchangeSpace.objects.select_for_update().get(pk=member.space_id)
    if not permissions.can_administer(user, space):
        raise PermissionDenied
    person = member.user
    SpaceMember.objects.filter(pk=member.pk).delete()
    event_log(
        space=space,
        action=EventAction.MEMBER_REMOVED,
        user=user,
        object_name=person.get_full_name() or person.username,
        request=request,
    )
