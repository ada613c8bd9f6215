"""A shared file's own actions: the plain upload (a new file or a new version, through
`file_store`), views and downloads (logged), comments, renaming and deleting.

Each checks the person's right again (documents.exchange.permissions), whatever the view
checked, and logs what it did in the space's audit trail (`event_log`).
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.exchange import permissions
from documents.exchange.choices import EventAction
from documents.exchange.models import FileComment, SharedFile
from documents.exchange.selectors import preview_kind
from documents.exchange.services.audit import event_log
from documents.exchange.services.files import EXCHANGE_TYPES, file_store
from opq_intranet.core.downloads import safe_filename
from opq_intranet.core.files import accepted_names


def _available(shared_file):
    if not shared_file.is_available:
        raise ValidationError(_("This file was deleted or purged; it can no longer be changed."), code="unavailable")


def upload_limits(space):
    """What an upload form says before anything is sent: the accepted types, the size limit
    and what the space's quota still holds (bytes)."""
    return {
        "types": accepted_names(EXCHANGE_TYPES),
        "max_bytes": min(settings.EXCHANGE_MAX_FILE_BYTES, space.free_bytes),
        "file_max_bytes": settings.EXCHANGE_MAX_FILE_BYTES,
        "free_bytes": space.free_bytes,
    }


def shared_file_upload(*, space, uploaded, user, folder=None, shared_file=None, request=None):
    """The plain (non-resumable) upload: `file_store`, and a refusal recorded in the audit
    trail (UPLOAD_REFUSED, with its message) before the ValidationError goes on to the form.
    A refused file leaves nothing behind (file_store's own transaction is rolled back)."""
    try:
        return file_store(
            space=space, uploaded=uploaded, user=user, folder=folder, shared_file=shared_file, request=request
        )
    except ValidationError as error:
        event_log(
            space=space,
            action=EventAction.UPLOAD_REFUSED,
            user=user,
            shared_file=shared_file,
            object_name=safe_filename(uploaded.name),
            detail=" ".join(str(message) for message in error.messages),
            request=request,
        )
        raise


def shared_file_viewed(*, shared_file, user, access=None, request=None):
    """Opening a file's page: VIEWED in the audit trail (no activity for the retention).
    `access` is the person's access when the page computed it already (no second query)."""
    if access is None:
        access = permissions.access_of(user, shared_file.space)
    if access is None:
        raise PermissionDenied
    return event_log(
        space=shared_file.space, action=EventAction.VIEWED, user=user, shared_file=shared_file, request=request
    )


def _servable(version, user):
    shared_file = version.shared_file
    if not permissions.can_read(user, shared_file.space):
        raise PermissionDenied
    if not shared_file.is_available or version.stored_file.content_destroyed_at is not None:
        raise ValidationError(_("This file's content is no longer available."), code="unavailable")


@transaction.atomic
def version_download(*, version, user, request=None):
    """A member downloads one version: DOWNLOADED (with its number) in the audit trail, and
    the file's last activity (what its retention counts from) is now. Returns the stored file."""
    _servable(version, user)
    shared_file = version.shared_file
    SharedFile.objects.filter(pk=shared_file.pk).update(last_activity_at=timezone.now())
    event_log(
        space=shared_file.space,
        action=EventAction.DOWNLOADED,
        user=user,
        shared_file=shared_file,
        detail=f"v{version.number}",
        request=request,
    )
    return version.stored_file


def version_preview(*, version, user, request=None):
    """The content shown in the file's page (PDF, PNG, JPEG only): VIEWED, with the version's
    number, since the preview's address gives the content as well as the page does."""
    _servable(version, user)
    if preview_kind(version) is None:
        raise ValidationError(_("This type of file is not shown in the page."), code="no_preview")
    event_log(
        space=version.shared_file.space,
        action=EventAction.VIEWED,
        user=user,
        shared_file=version.shared_file,
        detail=f"v{version.number}",
        request=request,
    )
    return version.stored_file


@transaction.atomic
def shared_file_comment(*, shared_file, user, body, request=None):
    """Any member comments on an available file while the space is open (COMMENTED)."""
    shared_file = SharedFile.objects.select_for_update().select_related("space").get(pk=shared_file.pk)
    if not permissions.can_comment(user, shared_file.space):
        raise PermissionDenied
    _available(shared_file)
    comment = FileComment(shared_file=shared_file, author=user, body=body.strip())
    comment.full_clean()
    comment.save()
    shared_file.last_activity_at = comment.created_at
    shared_file.save(update_fields=["last_activity_at"])
    event_log(
        space=shared_file.space,
        action=EventAction.COMMENTED,
        user=user,
        shared_file=shared_file,
        detail=comment.body[:200],
        request=request,
    )
    return comment


@transaction.atomic
def shared_file_rename(*, shared_file, user, name):
    """A writer renames a file; its extension stays (every version has the file's type). The
    change is in the file's history."""
    shared_file = SharedFile.objects.select_for_update().select_related("space").get(pk=shared_file.pk)
    if not permissions.can_write(user, shared_file.space):
        raise PermissionDenied
    _available(shared_file)
    new_name = safe_filename(name.strip())
    extension = PurePath(shared_file.name).suffix
    if PurePath(new_name).suffix.lower() != extension.lower():
        raise ValidationError(
            {"name": _("The name keeps the file's extension (%(extension)s).") % {"extension": extension or "—"}},
            code="extension",
        )
    shared_file.name = new_name
    shared_file.full_clean()
    shared_file.save(update_fields=["name"])
    return shared_file


@transaction.atomic
def shared_file_delete(*, shared_file, user, request=None):
    """A writer deletes a file: it leaves the space's lists and takes no new version or
    comment; the audit trail keeps it (DELETED). Its content stays until the retention purge,
    which frees the quota."""
    shared_file = SharedFile.objects.select_for_update().select_related("space").get(pk=shared_file.pk)
    if not permissions.can_write(user, shared_file.space):
        raise PermissionDenied
    _available(shared_file)
    shared_file.deleted_at = timezone.now()
    shared_file.deleted_by = user
    shared_file.full_clean()
    shared_file.save(update_fields=["deleted_at", "deleted_by"])
    event_log(space=shared_file.space, action=EventAction.DELETED, user=user, shared_file=shared_file, request=request)
    return shared_file
