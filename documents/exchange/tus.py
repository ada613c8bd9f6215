"""The tus 1.0 resumable-upload protocol, server side (https://tus.io/protocols/resumable-upload):
core protocol plus the creation, expiration and termination extensions.

No maintained Django server fits (README, "Resumable uploads"): this module speaks the
protocol and the services (documents/exchange/services/uploads.py) keep the state, so that
the member endpoint and the drop links mount the same protocol with their own authorisation:

    endpoint = TusEndpoint(authorize=member_target, location=lambda upload, **kw: reverse(...))

    def upload_collection(request, space_pk):      # OPTIONS, POST
        return endpoint.collection(request, space_pk=space_pk)

    def upload_resource(request, space_pk, uid):  # HEAD, PATCH, DELETE
        return endpoint.resource(request, uid, space_pk=space_pk)

`authorize(request, **kwargs)` returns an `UploadTarget` (the space, folder or file, and the
person or link) or raises Http404 / PermissionDenied; `location(upload, **kwargs)` is the URL
of an upload. An upload is found only within its target's space and for the same person or
link: anyone else's upload id answers 404.

Answers: 201 + Location (created), 204 (chunk written, or terminated), 200 + Upload-Offset
(HEAD), 400 (malformed header), 403, 404 (unknown upload), 409 (wrong offset), 410 (expired,
refused or finished upload), 411 (no Content-Length), 412 (other protocol version), 413 (file
over the size limit or the quota, or a chunk over the chunk limit), 415 (wrong Content-Type),
422 (a refused file: type, virus). A refusal's French message is the body (text/plain) and,
percent-encoded, the `Upload-Refusal` header; the browser shows it under the file.
"""

import base64
import binascii
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _

from documents.exchange.choices import UploadState
from documents.exchange.models import Upload
from documents.exchange.services.uploads import (
    UploadConflict,
    UploadGone,
    UploadTooLarge,
    upload_append,
    upload_complete,
    upload_create,
    upload_fail,
    upload_terminate,
)

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,expiration,termination"
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
# What a PATCH may carry beyond the chunk size the browser is told to use.
CHUNK_MARGIN_BYTES = 64 * 1024
MAX_HEADER_DIGITS = 19  # within a 64-bit offset


@dataclass(frozen=True)
class UploadTarget:
    """Where an upload goes and who sends it: `user` (a read-write member) or `link` (a drop
    link, `user` None). `shared_file` for a new version, else `folder` (None: the root)."""

    space: Any
    folder: Any = None
    user: Any = None
    link: Any = None
    shared_file: Any = None


class ProtocolError(Exception):
    def __init__(self, status, message, headers=None):
        super().__init__(message)
        self.status = status
        self.message = str(message)
        self.headers = headers or {}


def tus_response(status, *, headers=None, message=""):
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    if message:
        response["Upload-Refusal"] = quote(message)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def parse_integer(request, header):
    """A non-negative integer header, or ProtocolError 400; None when absent."""
    value = request.headers.get(header)
    if value is None:
        return None
    value = value.strip()
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_HEADER_DIGITS):
        raise ProtocolError(400, _("The %(header)s header is not a valid number.") % {"header": header})
    return int(value)


def parse_metadata(value):
    """Upload-Metadata: comma-separated "key base64(value)" pairs (a key may come alone)."""
    metadata = {}
    for pair in (value or "").split(","):
        parts = pair.strip().split(" ")
        if not parts[0]:
            continue
        if len(parts) > 2:
            raise ProtocolError(400, _("The Upload-Metadata header is malformed."))
        try:
            decoded = base64.b64decode(parts[1], validate=True).decode("utf-8") if len(parts) == 2 else ""
        except (binascii.Error, UnicodeDecodeError) as error:
            raise ProtocolError(400, _("The Upload-Metadata header is malformed.")) from error
        metadata[parts[0]] = decoded
    return metadata


def refusal_message(error):
    return " ".join(str(message) for message in error.messages)


def _expires(upload):
    return {"Upload-Expires": http_date(upload.expires_at.timestamp())}


class TusEndpoint:
    """The protocol views of one kind of upload collection (see the module docstring)."""

    def __init__(self, *, authorize, location):
        self.authorize = authorize
        self.location = location

    # --- the collection: OPTIONS (what the server supports), POST (creation) -------------

    def collection(self, request, **kwargs):
        try:
            if request.method == "OPTIONS":
                return self.options()
            if request.method != "POST":
                return tus_response(405, headers={"Allow": "OPTIONS, POST"})
            self.check_version(request)
            return self.create(request, self.authorize(request, **kwargs), **kwargs)
        except ProtocolError as error:
            return tus_response(error.status, headers=error.headers, message=error.message)
        except Http404:
            return tus_response(404, message=_("This space does not exist or is not yours."))
        except PermissionDenied:
            return tus_response(403, message=_("You may not add files to this space."))

    def check_version(self, request):
        if request.headers.get("Tus-Resumable") != TUS_VERSION:
            raise ProtocolError(
                412,
                _("This server speaks version %(version)s of tus.") % {"version": TUS_VERSION},
                {"Tus-Version": TUS_VERSION},
            )

    def options(self):
        return tus_response(
            204,
            headers={
                "Tus-Version": TUS_VERSION,
                "Tus-Extension": TUS_EXTENSIONS,
                "Tus-Max-Size": str(settings.EXCHANGE_MAX_FILE_BYTES),
            },
        )

    def create(self, request, target, **kwargs):
        if request.headers.get("Upload-Defer-Length"):
            raise ProtocolError(400, _("The file's size must be given when the upload starts."))
        length = parse_integer(request, "Upload-Length")
        if length is None:
            raise ProtocolError(400, _("The file's size must be given when the upload starts."))
        metadata = parse_metadata(request.headers.get("Upload-Metadata"))
        filename = metadata.get("filename") or metadata.get("name") or ""
        if not filename.strip():
            raise ProtocolError(400, _("The file's name is missing."))
        try:
            upload = upload_create(
                space=target.space,
                folder=target.folder,
                filename=filename,
                length=length,
                user=target.user,
                link=target.link,
                shared_file=target.shared_file,
            )
        except ValidationError as error:
            code = getattr(error, "code", None)
            status = 413 if code in ("too_large", "quota") else 422
            raise ProtocolError(status, refusal_message(error)) from error
        return tus_response(201, headers={"Location": self.location(upload, **kwargs), **_expires(upload)})

    # --- one upload: HEAD (its offset), PATCH (a chunk), DELETE (termination) ------------

    def resource(self, request, upload_id, **kwargs):
        try:
            if request.method == "OPTIONS":
                return self.options()
            if request.method not in ("HEAD", "PATCH", "DELETE"):
                return tus_response(405, headers={"Allow": "OPTIONS, HEAD, PATCH, DELETE"})
            self.check_version(request)
            upload = self.find(self.authorize(request, **kwargs), upload_id)
            if request.method == "HEAD":
                return self.head(upload)
            if request.method == "DELETE":
                upload_terminate(upload=upload)
                return tus_response(204)
            return self.patch(request, upload)
        except ProtocolError as error:
            return tus_response(error.status, headers=error.headers, message=error.message)
        except Http404:
            return tus_response(404, message=_("This upload does not exist."))
        except PermissionDenied:
            return tus_response(403, message=_("You may not add files to this space."))

    def find(self, target, upload_id):
        """The upload, within the target's space and for the same person or link; else 404."""
        try:
            key = uuid.UUID(str(upload_id))
        except ValueError as error:
            raise Http404 from error
        uploads = Upload.objects.filter(uuid=key, space=target.space)
        if target.link is not None:
            uploads = uploads.filter(link=target.link)
        else:
            uploads = uploads.filter(user=target.user, link__isnull=True)
        upload = uploads.first()
        if upload is None:
            raise Http404
        return upload

    def head(self, upload):
        headers = {"Upload-Length": str(upload.length), **_expires(upload)}
        if upload.state == UploadState.COMPLETE:
            return tus_response(200, headers={"Upload-Offset": str(upload.length), **headers})
        if upload.state == UploadState.REFUSED or upload.expires_at <= timezone.now():
            return tus_response(410)
        return tus_response(200, headers={"Upload-Offset": str(upload.offset), **headers})

    def patch(self, request, upload):
        if request.content_type != OFFSET_CONTENT_TYPE:
            raise ProtocolError(415, _("A chunk is sent as %(type)s.") % {"type": OFFSET_CONTENT_TYPE})
        offset = parse_integer(request, "Upload-Offset")
        if offset is None:
            raise ProtocolError(400, _("The Upload-Offset header is missing."))
        length = parse_integer(request, "Content-Length")
        if length is None:
            raise ProtocolError(411, _("The chunk's length (Content-Length) is missing."))
        if length > settings.EXCHANGE_UPLOAD_CHUNK_BYTES + CHUNK_MARGIN_BYTES:
            raise ProtocolError(413, _("This chunk is too large."))
        if upload.state == UploadState.REFUSED:
            raise ProtocolError(410, upload.refusal)
        try:
            # The body is read from the request's stream a piece at a time, never whole.
            upload = upload_append(upload=upload, offset=offset, chunk_stream=request, chunk_length=length)
        except UploadConflict as error:
            raise ProtocolError(
                409, _("The upload is at another offset; resume from there."), {"Upload-Offset": str(error.offset)}
            ) from error
        except UploadGone as error:
            raise ProtocolError(410, _("This upload has expired; send the file again.")) from error
        except UploadTooLarge as error:
            raise ProtocolError(413, refusal_message(error)) from error
        headers = {"Upload-Offset": str(upload.offset), **_expires(upload)}
        if upload.offset == upload.length:
            try:
                upload = upload_complete(upload=upload, request=request)
            except ValidationError as error:
                raise ProtocolError(422, refusal_message(error)) from error
            except Exception:
                upload_fail(upload=upload)
                raise
            headers["Upload-Result"] = str(upload.result.shared_file_id) if upload.result_id else ""
        return tus_response(204, headers=headers)
