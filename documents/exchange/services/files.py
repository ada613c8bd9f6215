"""Files of a space: storing an upload as a new file or a new version, within the quota."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.exchange import permissions, scanning
from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeSpace, FileVersion, SharedFile
from documents.exchange.services.audit import event_log
from opq_intranet.core.downloads import safe_filename
from opq_intranet.core.files import KNOWN_TYPES, private_file_store, validate_upload

# What a space accepts: the documents and images core knows (type sniffed from the content).
EXCHANGE_TYPES = frozenset(KNOWN_TYPES)


def quota_check(*, space, size):
    """Refuse, before anything is received, a file that is too large or that the space's
    quota cannot hold."""
    limit = settings.EXCHANGE_MAX_FILE_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if size > space.free_bytes:
        raise ValidationError(
            _("The space's quota is reached: %(free)s left, the file takes %(size)s.")
            % {"free": filesizeformat(space.free_bytes), "size": filesizeformat(size)},
            code="quota",
        )


def check_type(uploaded):
    """The sniffed MIME type, or a French ValidationError."""
    return validate_upload(uploaded, allowed_types=EXCHANGE_TYPES, max_bytes=settings.EXCHANGE_MAX_FILE_BYTES)


@transaction.atomic
def file_store(*, space, uploaded, user, folder=None, shared_file=None, link=None, request=None):
    """Store `uploaded` in the space: a new file in `folder`, or a new version of
    `shared_file`. Checks the writer's right (or the drop link's), size, quota, type and
    viruses; a refused file leaves nothing behind. Returns the FileVersion.

    Through a drop link, `user` is None and `link` is the link (its checks are the link's)."""
    space = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
    if link is None and not permissions.can_write(user, space):
        raise PermissionDenied
    if (folder is not None and folder.space_id != space.pk) or (
        shared_file is not None and shared_file.space_id != space.pk
    ):
        raise PermissionDenied
    quota_check(space=space, size=uploaded.size)
    mime_type = check_type(uploaded)
    if shared_file is not None and PurePath(uploaded.name).suffix.lower() != PurePath(shared_file.name).suffix.lower():
        raise ValidationError(
            _("A new version must be of the same type as the file (%(name)s).") % {"name": shared_file.name}
        )
    uploaded.seek(0)
    scanning.scan(uploaded)
    uploaded.seek(0)
    now = timezone.now()
    is_new = shared_file is None
    if is_new:
        shared_file = SharedFile.objects.create(
            space=space, folder=folder, name=safe_filename(uploaded.name), created_by=user, last_activity_at=now
        )
    else:
        shared_file = SharedFile.objects.select_for_update().get(pk=shared_file.pk)
        if not shared_file.is_available:
            raise ValidationError(_("This file was deleted; it takes no new version."))
    # A stored file always names an account: through a drop link, the link's creator (the
    # version itself keeps `created_by` empty and names the link).
    stored = private_file_store(
        uploaded=uploaded,
        owner=shared_file,
        user=user if user is not None else link.created_by,
        mime_type=mime_type,
        max_bytes=settings.EXCHANGE_MAX_FILE_BYTES,
    )
    number = (shared_file.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = FileVersion.objects.create(
        shared_file=shared_file, number=number, stored_file=stored, created_by=user, link=link
    )
    shared_file.current_version = version
    shared_file.last_activity_at = now
    shared_file.save(update_fields=["current_version", "last_activity_at"])
    ExchangeSpace.objects.filter(pk=space.pk).update(used_bytes=F("used_bytes") + stored.size)
    event_log(
        space=space,
        action=EventAction.UPLOADED if is_new else EventAction.VERSION_ADDED,
        user=user,
        link=link,
        shared_file=shared_file,
        detail=f"v{number}",
        request=request,
    )
    return version
