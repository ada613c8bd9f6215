"""Resumable uploads (tus): an `Upload` row holds the state, the bytes land in a temporary
file under settings.EXCHANGE_UPLOAD_ROOT named by the upload's uuid (never the person's file
name), and the last byte hands the file to `file_store`, the one way a file is stored.

- `upload_create` checks the writer's right (or the drop link's space), the size and the
  quota BEFORE any byte is accepted (the uploads in progress count against the room left),
  and the file name's extension (the content is sniffed at the end);
- `upload_append` writes a chunk read from a stream at the upload's offset (a wrong offset
  is refused: the client asks HEAD and resumes from there), a piece at a time: the request
  body is never held in memory;
- `upload_complete` stores the file (new file in the folder, or new version) or marks the
  upload refused with the French message; the temporary file is deleted whatever happens;
- `upload_terminate` drops an upload the client cancels; `uploads_drop_abandoned` (scheduled)
  drops the expired ones and any temporary file left without a row.

The protocol itself (headers, status codes) is documents/exchange/tus.py.
"""

import logging
import os
from datetime import timedelta
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.exchange import permissions
from documents.exchange.choices import EventAction, UploadState
from documents.exchange.models import ExchangeSpace, Upload
from documents.exchange.services.audit import event_log
from documents.exchange.services.files import EXCHANGE_TYPES, file_store, quota_check
from opq_intranet.core.downloads import safe_filename
from opq_intranet.core.files import KNOWN_TYPES, accepted_names

logger = logging.getLogger(__name__)

# An upload left alone this long is dropped (each chunk received moves it on).
UPLOAD_LIFETIME = timedelta(hours=24)
# A chunk is written to disk this many bytes at a time.
WRITE_PIECE_BYTES = 256 * 1024
ACCEPTED_EXTENSIONS = frozenset(ext for mime, exts in KNOWN_TYPES.items() if mime in EXCHANGE_TYPES for ext in exts)


class UploadConflict(Exception):
    """The client's offset is not the upload's: it must ask for the offset and resume."""

    def __init__(self, offset):
        super().__init__(offset)
        self.offset = offset


class UploadGone(Exception):
    """The upload expired, was refused or is finished: it takes no more bytes."""


class UploadTooLarge(ValidationError):
    """A chunk would take the upload past its declared length."""


def upload_root():
    root = Path(settings.EXCHANGE_UPLOAD_ROOT)
    root.mkdir(parents=True, exist_ok=True, mode=0o750)
    return root


def temp_path(upload):
    """The upload's temporary file: its uuid only, whatever the person's file name."""
    return upload_root() / f"{upload.uuid.hex}.part"


def _drop_temp(upload):
    try:
        temp_path(upload).unlink(missing_ok=True)
    except OSError:  # pragma: no cover - a disk error must not hide the real outcome
        logger.exception("Could not delete the temporary file of upload %s", upload.uuid)


def _check_name(*, filename, shared_file):
    extension = PurePath(filename).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise ValidationError(
            _("This type of file is not accepted here (%(name)s). Accepted types: %(types)s.")
            % {"name": filename, "types": accepted_names(EXCHANGE_TYPES)},
            code="type",
        )
    if shared_file is not None and extension != PurePath(shared_file.name).suffix.lower():
        raise ValidationError(
            _("A new version must be of the same type as the file (%(name)s).") % {"name": shared_file.name},
            code="type",
        )


def _check_room(*, space, size):
    """The room the uploads in progress into the space will take is not free any more: two
    files that each fit, but not together, are not both sent only for the second to be
    refused at its last byte (the space's row is locked by the caller)."""
    reserved = (
        Upload.objects.filter(space=space, state=UploadState.RECEIVING, expires_at__gt=timezone.now()).aggregate(
            total=Sum("length")
        )["total"]
        or 0
    )
    if reserved and size > space.free_bytes - reserved:
        raise ValidationError(
            _("The files being sent to this space leave %(free)s; this file takes %(size)s.")
            % {"free": filesizeformat(max(space.free_bytes - reserved, 0)), "size": filesizeformat(size)},
            code="quota",
        )


@transaction.atomic
def upload_create(*, space, folder=None, filename, length, user=None, link=None, shared_file=None):
    """Open an upload of `length` bytes into `space` (a new file in `folder`, or a new version
    of `shared_file`), by a read-write member `user` or through the drop `link` (whose own
    checks, expiry and revocation, are the caller's). Refused with a French ValidationError
    (code "too_large" or "quota": before any byte) or PermissionDenied."""
    space = ExchangeSpace.objects.select_for_update().get(pk=space.pk)
    if link is None and not permissions.can_write(user, space):
        raise PermissionDenied
    if link is not None and link.space_id != space.pk:
        raise PermissionDenied
    if (folder is not None and folder.space_id != space.pk) or (
        shared_file is not None and (shared_file.space_id != space.pk or not shared_file.is_available)
    ):
        raise PermissionDenied
    filename = safe_filename(filename)
    if length < 1:
        raise ValidationError(_("The file is empty."), code="empty")
    quota_check(space=space, size=length)
    _check_room(space=space, size=length)
    _check_name(filename=filename, shared_file=shared_file)
    upload = Upload(
        space=space,
        folder=folder if shared_file is None else shared_file.folder,
        shared_file=shared_file,
        user=user if user is not None and user.is_authenticated else None,
        link=link,
        filename=filename,
        length=length,
        expires_at=timezone.now() + UPLOAD_LIFETIME,
    )
    upload.full_clean()
    upload.save()
    fd = os.open(temp_path(upload), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o640)
    os.close(fd)
    return upload


def _receiving(upload):
    if upload.state != UploadState.RECEIVING or upload.expires_at <= timezone.now():
        raise UploadGone
    if not temp_path(upload).exists():
        raise UploadGone


def upload_append(*, upload, offset, chunk_stream, chunk_length):
    """Write `chunk_length` bytes read from `chunk_stream` at `offset`. Returns the upload
    with its new offset. A wrong offset raises UploadConflict; more bytes than the upload's
    length UploadTooLarge; a dropped connection keeps what arrived (the client resumes from
    the offset it then reads)."""
    with transaction.atomic():
        # The row's lock makes concurrent chunks of one upload wait: the second one then
        # finds the offset moved and is refused (409).
        upload = Upload.objects.select_for_update().get(pk=upload.pk)
        _receiving(upload)
        if offset != upload.offset:
            raise UploadConflict(upload.offset)
        if upload.offset + chunk_length > upload.length:
            raise UploadTooLarge(_("The data sent goes past the file's declared size."), code="too_large")
        written = 0
        with open(temp_path(upload), "r+b") as handle:
            handle.seek(upload.offset)
            try:
                while written < chunk_length:
                    piece = chunk_stream.read(min(WRITE_PIECE_BYTES, chunk_length - written))
                    if not piece:
                        break  # the connection ended early: keep what arrived
                    handle.write(piece)
                    written += len(piece)
            except OSError:
                # A dropped connection (UnreadablePostError is an OSError): keep what arrived.
                logger.info("Upload %s: connection dropped after %s bytes of a chunk", upload.uuid, written)
            handle.truncate()  # a previous chunk's unacknowledged tail goes
            handle.flush()
            os.fsync(handle.fileno())
        upload.offset += written
        upload.expires_at = timezone.now() + UPLOAD_LIFETIME
        upload.save(update_fields=["offset", "expires_at"])
    return upload


class _ReceivedFile(File):
    """The complete temporary file, handed to the storage as a file it may move rather than
    copy (FileSystemStorage moves what has a `temporary_file_path`)."""

    def __init__(self, handle, *, name, path):
        super().__init__(handle, name=name)
        self._path = path

    def temporary_file_path(self):
        return str(self._path)


def _refusal_text(error):
    if isinstance(error, ValidationError):
        return " ".join(str(message) for message in error.messages)
    return _("You may not add files to this space.")


def upload_complete(*, upload, request=None):
    """Store a fully received upload through `file_store`: a new file or a new version. A
    refusal (type, virus, quota, right) marks the upload refused with its French message and
    raises a ValidationError; nothing is left behind (no temporary file, no shared file, no
    stored file). Returns the upload, COMPLETE with its `result` version."""
    refusal = None
    with transaction.atomic():
        upload = (
            Upload.objects.select_for_update(of=("self",))
            .select_related("space", "folder", "shared_file", "link", "user")
            .get(pk=upload.pk)
        )
        if upload.state != UploadState.RECEIVING or upload.offset != upload.length:
            return upload
        path = temp_path(upload)
        try:
            with open(path, "rb") as handle:
                # file_store's own savepoint: a refusal rolls back whatever it began.
                version = file_store(
                    space=upload.space,
                    uploaded=_ReceivedFile(handle, name=upload.filename, path=path),
                    user=upload.user,
                    folder=upload.folder,
                    shared_file=upload.shared_file,
                    link=upload.link,
                    request=request,
                )
        except (ValidationError, PermissionDenied) as error:
            refusal = error
        finally:
            _drop_temp(upload)
        upload.expires_at = timezone.now() + UPLOAD_LIFETIME
        if refusal is None:
            upload.state = UploadState.COMPLETE
            upload.result = version
            upload.save(update_fields=["state", "result", "expires_at"])
            return upload
        upload.state = UploadState.REFUSED
        upload.refusal = _refusal_text(refusal)[:500]
        upload.save(update_fields=["state", "refusal", "expires_at"])
        event_log(
            space=upload.space,
            action=EventAction.UPLOAD_REFUSED,
            user=upload.user,
            link=upload.link,
            shared_file=upload.shared_file,
            object_name=upload.filename,
            detail=upload.refusal,
            request=request,
        )
    raise ValidationError(upload.refusal, code=getattr(refusal, "code", None) or "forbidden")


def upload_fail(*, upload):
    """An unexpected error while storing: the upload is refused (the client starts again)
    rather than left looking complete."""
    Upload.objects.filter(pk=upload.pk, state=UploadState.RECEIVING).update(
        state=UploadState.REFUSED, refusal=_("The file could not be stored; send it again.")
    )
    _drop_temp(upload)


@transaction.atomic
def upload_terminate(*, upload):
    """The client cancels: the upload and its bytes go (tus termination)."""
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    _drop_temp(upload)
    upload.delete()


def uploads_drop_abandoned(*, now=None):
    """Drop the uploads past their expiry (abandoned, or finished and no longer asked about)
    with their temporary files, and any temporary file that has no upload any more. Returns
    (rows, files) dropped. Idempotent."""
    now = now or timezone.now()
    dropped = 0
    for upload in Upload.objects.filter(expires_at__lte=now).only("pk", "uuid").iterator():
        _drop_temp(upload)
        dropped += Upload.objects.filter(pk=upload.pk, expires_at__lte=now).delete()[0]
    root = Path(settings.EXCHANGE_UPLOAD_ROOT)
    orphans = 0
    if root.is_dir():
        known = {u.hex for u in Upload.objects.values_list("uuid", flat=True)}
        cutoff = (now - UPLOAD_LIFETIME).timestamp()
        for path in root.glob("*.part"):
            if path.stem not in known and path.stat().st_mtime <= cutoff:
                path.unlink(missing_ok=True)
                orphans += 1
    return dropped, orphans
