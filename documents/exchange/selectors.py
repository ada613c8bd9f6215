"""Every read of the exchange spaces, scoped to what the person may see (another partner's
space, file, version or link is simply not in the queryset: 404)."""

from pathlib import PurePath

from django.db.models import Exists, Max, OuterRef, Q

from documents.exchange import permissions
from documents.exchange.models import ExchangeSpace, FileVersion, Folder, SharedFile, ShareLink, SpaceMember
from documents.exchange.permissions import manages_every_space, uses_exchange
from opq_intranet.accounts.models import UserKind
from opq_intranet.core.selectors import holders_of


def spaces_visible_to(user):
    """The spaces the person is a member of (documents.exchange.permissions says how)."""
    spaces = ExchangeSpace.objects.select_related("professional_order", "organisation", "owner_unit")
    if not uses_exchange(user):
        return spaces.none()
    if manages_every_space(user):
        return spaces
    if user.is_partner:
        if user.professional_order_id is not None:
            return spaces.filter(is_active=True, professional_order_id=user.professional_order_id)
        return spaces.filter(is_active=True, organisation_id=user.partner_organisation_id)
    named = SpaceMember.objects.filter(space=OuterRef("pk"), user=user)
    own_unit = Q(owner_unit_id=user.org_unit_id) if user.org_unit_id else Q(pk__in=[])
    return spaces.filter(own_unit | Exists(named))


def files_visible_to(user):
    """Shared files of the person's spaces, deleted and purged ones included (their pages
    say so); callers filter `deleted_at`/`purged_at` for what is available."""
    return SharedFile.objects.filter(space__in=spaces_visible_to(user).values("pk")).select_related(
        "space", "folder", "current_version__stored_file"
    )


def versions_visible_to(user):
    return FileVersion.objects.filter(shared_file__in=files_visible_to(user).values("pk")).select_related(
        "stored_file", "shared_file"
    )


def links_visible_to(user):
    return ShareLink.objects.filter(space__in=spaces_visible_to(user).values("pk")).select_related(
        "space", "shared_file", "folder", "created_by"
    )


# --- Spaces, folders and members pages (views/spaces.py). ---------------------------------


def space_list_for(user):
    """The list of spaces: what its columns need (partner, unit) and the last activity."""
    return spaces_visible_to(user).annotate(
        last_activity_at=Max("files__last_activity_at", filter=Q(files__deleted_at__isnull=True))
    )


def available_files(space, folder=None):
    """The files of one folder (or of the space's root) people may open: neither deleted nor
    purged, with what the file table shows (size, version, who and when)."""
    return (
        SharedFile.objects.filter(space=space, folder=folder, deleted_at__isnull=True, purged_at__isnull=True)
        .select_related("current_version__stored_file", "current_version__created_by")
        .order_by("name", "pk")
    )


def space_page(space, user, folder=None):
    """What a space's page (or one of its folders') shows, in a constant number of queries:
    the person's access, the folders' path and subfolders, the files, the named members."""
    named = list(space.members.select_related("user").order_by("user__last_name", "user__first_name", "pk"))
    # The person's own row, when named, spares access_of its query.
    member = next((m for m in named if m.user_id == user.pk), None)
    access = permissions.access_of(user, space, member)
    folders = list(Folder.objects.filter(space=space).only("pk", "parent_id", "name", "space_id"))
    by_pk = {f.pk: f for f in folders}
    path = []
    current = by_pk.get(folder.pk) if folder is not None else None
    while current is not None and len(path) < len(folders):
        path.insert(0, current)
        current = by_pk.get(current.parent_id)
    parent_pk = folder.pk if folder is not None else None
    subfolders = [f for f in folders if f.parent_id == parent_pk]
    return {
        "space": space,
        "folder": folder,
        "folder_path": path,
        "subfolders": subfolders,
        "files": list(available_files(space, folder)),
        "named_members": named,
        "access": access,
    }


def space_members_page(space):
    """The members page: the owner unit's staff, the partner's users (both by default) and the
    people named on the space. Three queries."""
    named = list(space.members.select_related("user", "user__org_unit").order_by("user__last_name", "pk"))
    named_pks = {m.user_id for m in named}
    people = holders_of("documents.use_exchange").order_by("last_name", "first_name", "pk")
    unit_staff = [
        u
        for u in people.filter(kind=UserKind.STAFF, org_unit_id=space.owner_unit_id).select_related("org_unit")
        if u.pk not in named_pks
    ]
    if space.professional_order_id is not None:
        partner_users = people.filter(kind=UserKind.PARTNER, professional_order_id=space.professional_order_id)
    else:
        partner_users = people.filter(kind=UserKind.PARTNER, partner_organisation_id=space.organisation_id)
    partner_users = [u for u in partner_users if u.pk not in named_pks]
    return {"named_members": named, "unit_staff": unit_staff, "partner_users": partner_users}


# --- A file's page, its previews and downloads (views/files.py). --------------------------

# What a file's page shows in itself (an <iframe> for a PDF, an <img> for an image).
PREVIEW_TYPES = {"application/pdf": "pdf", "image/png": "image", "image/jpeg": "image"}


def preview_kind(version):
    """ "pdf", "image" or None: how the page may show this version's content."""
    if version is None or version.stored_file.content_destroyed_at is not None:
        return None
    return PREVIEW_TYPES.get(version.stored_file.mime_type)


def space_files_visible_to(user, space_pk):
    """The person's files of the space in the URL (another space's file, or another
    partner's, is not there: 404), deleted and purged ones included."""
    return (
        files_visible_to(user)
        .filter(space_id=space_pk)
        .select_related("created_by", "deleted_by", "filed_record", "current_version__created_by")
    )


def servable_version(user, space_pk, file_pk, number=None):
    """The version a download or a preview sends (the current one without `number`), or
    None: the file must be the person's, in that space, neither deleted nor purged, and its
    content still stored."""
    versions = (
        versions_visible_to(user)
        .filter(
            shared_file_id=file_pk,
            shared_file__space_id=space_pk,
            shared_file__deleted_at__isnull=True,
            shared_file__purged_at__isnull=True,
            stored_file__content_destroyed_at__isnull=True,
        )
        .select_related("shared_file__space")
    )
    if number is None:
        return versions.filter(pk__in=SharedFile.objects.filter(pk=file_pk).values("current_version_id")).first()
    return versions.filter(number=number).first()


def folder_path(space, folder_pk):
    """The folders from the space's root down to `folder_pk` (none for the root): one query."""
    if folder_pk is None:
        return []
    by_pk = {f.pk: f for f in Folder.objects.filter(space=space).only("pk", "parent_id", "name", "space_id")}
    path = []
    current = by_pk.get(folder_pk)
    while current is not None and len(path) < len(by_pk):
        path.insert(0, current)
        current = by_pk.get(current.parent_id)
    return path


def file_page(shared_file, user):
    """What a file's page shows, in a constant number of queries whatever its versions and
    comments: the person's access, the folders' path, the versions (who, when, through which
    drop link), the comments, and how the current version is previewed."""
    space = shared_file.space
    access = permissions.access_of(user, space)
    path = folder_path(space, shared_file.folder_id)
    versions = list(shared_file.versions.select_related("stored_file", "created_by", "link").order_by("-number", "-pk"))
    comments = list(shared_file.comments.select_related("author").order_by("created_at", "pk"))
    return {
        "space": space,
        "folder_path": path,
        "versions": versions,
        "comments": comments,
        "access": access,
        "preview": preview_kind(shared_file.current_version) if shared_file.is_available else None,
        "type_label": type_label(shared_file),
    }


def type_label(shared_file):
    """The type as people know it: its extension ("PDF", "DOCX"), else what was sniffed."""
    extension = PurePath(shared_file.name).suffix.lstrip(".").upper()
    version = shared_file.current_version
    return extension or (version.stored_file.mime_type if version is not None else "")
