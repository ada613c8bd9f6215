"""Private files: checked on the way in, stored outside the static root, served through a view.

On upload: size limit, type sniffed from the content (libmagic) and matched to the file
name's extension, SHA-256 recorded. On download: the object the file belongs to decides who
may read it, through a reader check its app registers:

    from opq_intranet.core.files import register_reader
    register_reader(Return, lambda user, ret: selectors.returns_visible_to(user).filter(pk=ret.pk).exists())

A denied file and a missing file both answer 404, so ids reveal nothing.

Behind nginx (`PRIVATE_FILE_X_ACCEL_PREFIX` set), the view still decides who may read, then
answers headers only with `X-Accel-Redirect`: nginx sends the bytes from its `internal`
location that aliases PRIVATE_MEDIA_ROOT (deploy/nginx/opq-intranet.conf), so a worker is not
held for the length of a 2 GB download. Unset, Django streams the file itself.
"""

import hashlib
from pathlib import PurePath
from urllib.parse import quote

import magic
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from opq_intranet.core.downloads import download_response, safe_filename
from opq_intranet.core.models import PrivateFile

# MIME type (as libmagic names it) -> extensions a file of that type may carry.
KNOWN_TYPES = {
    "application/pdf": {".pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
    "message/rfc822": {".eml"},
    "application/vnd.ms-outlook": {".msg"},
    "application/CDFV2": {".msg"},
    "text/plain": {".txt", ".csv"},
    "text/csv": {".csv"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/tiff": {".tif", ".tiff"},
}
DOCUMENT_TYPES = frozenset(KNOWN_TYPES) - {"image/png", "image/jpeg", "image/tiff"}
SNIFF_BYTES = 8192

_readers = {}


def register_reader(model, check):
    """`check(user, owner) -> bool` decides who may download files that belong to `model`."""
    _readers[model] = check


def sniff_mime_type(uploaded):
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return magic.from_buffer(head, mime=True)


def accepted_names(allowed_types):
    """The accepted types as people know them, by their extensions: "PDF, DOCX, XLSX…"."""
    names = []
    for mime_type, extensions in KNOWN_TYPES.items():
        if mime_type in allowed_types:
            names += [e.lstrip(".").upper() for e in sorted(extensions) if e.lstrip(".").upper() not in names]
    return ", ".join(names)


def validate_upload(uploaded, *, allowed_types=DOCUMENT_TYPES, max_bytes=None):
    """Return the sniffed MIME type, or raise ValidationError with a French message."""
    max_bytes = max_bytes or settings.PRIVATE_FILE_MAX_BYTES
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    mime_type = sniff_mime_type(uploaded)
    extension = PurePath(uploaded.name or "").suffix.lower()
    if mime_type not in allowed_types:
        raise ValidationError(
            _("This type of file (%(type)s) is not accepted here.") % {"type": mime_type}, code="type"
        )
    if extension not in KNOWN_TYPES.get(mime_type, set()):
        raise ValidationError(
            _("The file's content (%(type)s) does not match its name (%(name)s).")
            % {"type": mime_type, "name": uploaded.name},
            code="mismatch",
        )
    return mime_type


def sha256_of(uploaded):
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


@transaction.atomic
def private_file_store(*, uploaded, owner, user, allowed_types=DOCUMENT_TYPES, max_bytes=None, mime_type=None):
    """Validate and store an upload for `owner`; return the PrivateFile. `max_bytes` replaces
    the default limit (the exchange spaces take larger files); a caller that validated the
    file already passes its `mime_type`."""
    mime_type = mime_type or validate_upload(uploaded, allowed_types=allowed_types, max_bytes=max_bytes)
    stored = PrivateFile(
        original_name=safe_filename(uploaded.name),
        mime_type=mime_type,
        size=uploaded.size,
        sha256=sha256_of(uploaded),
        uploaded_at=timezone.now(),
        uploaded_by=user,
        owner_type=ContentType.objects.get_for_model(owner),
        owner_id=str(owner.pk),
    )
    stored.full_clean(exclude=["content"])
    stored.content.save(stored.uuid.hex, uploaded, save=False)
    try:
        stored.save()
    except Exception:
        stored.content.delete(save=False)  # no orphan on disk if the row is not written
        raise
    return stored


def can_read(user, private_file):
    owner = private_file.owner
    if owner is None:
        return False
    check = _readers.get(type(owner))
    return bool(check and check(user, owner))


def checksum_matches(private_file):
    """Fixity: recompute the stored content's SHA-256 and compare."""
    digest = hashlib.sha256()
    with private_file.content.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest() == private_file.sha256


def private_file_response(private_file, *, filename=None, inline=False, sandbox=True):
    """The file as a download, once the caller has checked who may read it. Even if a
    browser rendered it, it could run no script. `filename` replaces the stored name (a
    version's "rapport-v2.pdf"); `inline`/`sandbox` as in `download_response` (an inline
    PDF preview only)."""
    if private_file.content_destroyed_at is not None or not private_file.content:
        raise Http404  # destroyed under an approved disposition: only its description remains
    filename = filename or private_file.original_name
    prefix = settings.PRIVATE_FILE_X_ACCEL_PREFIX
    if not prefix:
        return download_response(
            private_file.content.open("rb"),
            filename=filename,
            content_type=private_file.mime_type,
            inline=inline,
            sandbox=sandbox,
        )
    # Same headers, no body: nginx serves the bytes. The stored name is ours ("2026/12/<uuid>"),
    # never the uploader's, so it cannot step out of the internal location.
    response = download_response(
        b"", filename=filename, content_type=private_file.mime_type, inline=inline, sandbox=sandbox
    )
    response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(private_file.content.name)}"
    return response


def private_file_destroy_content(private_file):
    """Delete the stored content for good, keeping the row (name, size, SHA-256) as the
    trace of what existed. Only an approved disposition calls this."""
    if private_file.content_destroyed_at is not None:
        return private_file
    private_file.content.delete(save=False)
    private_file.content = ""
    private_file.content_destroyed_at = timezone.now()
    private_file.save(update_fields=["content", "content_destroyed_at"])
    return private_file
