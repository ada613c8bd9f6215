"""Resumable uploads of a space's members: the tus protocol endpoints (documents/exchange/tus.py).

Function views, not core's generic views: they are protocol endpoints (OPTIONS, POST, HEAD,
PATCH, DELETE answering tus headers and status codes to tus-js-client), not pages. CSRF stays
on: the browser sends the page's token in the X-CSRFToken header.

The drop links (views/links.py) mount the same protocol with their own `authorize`:
`TusEndpoint(authorize=..., location=...)`.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from documents.exchange import permissions, selectors
from documents.exchange.permissions import EXCHANGE_RULE
from documents.exchange.tus import TusEndpoint, UploadTarget
from opq_intranet.accounts.access import access
from opq_intranet.core.querystring import query_id


def member_target(request, *, space_pk):
    """A read-write member's upload into a space (404 for a space that is not theirs, 403 for
    a reader), into `?folder=<id>` or as a new version of `?file=<id>` (404 when not of the
    space)."""
    space = get_object_or_404(selectors.spaces_visible_to(request.user), pk=space_pk)
    if not permissions.can_write(request.user, space):
        raise PermissionDenied
    folder = shared_file = None
    folder_id, file_id = query_id(request, "folder"), query_id(request, "file")
    if file_id is not None:
        shared_file = get_object_or_404(space.files.filter(deleted_at__isnull=True, purged_at__isnull=True), pk=file_id)
    elif folder_id is not None:
        folder = get_object_or_404(space.folders, pk=folder_id)
    return UploadTarget(space=space, folder=folder, shared_file=shared_file, user=request.user)


def _location(upload, *, space_pk):
    return reverse("exchange:upload_resource", args=[space_pk, upload.uuid])


member_endpoint = TusEndpoint(authorize=member_target, location=_location)


@access(EXCHANGE_RULE)
def upload_collection(request, space_pk):
    """OPTIONS (what the server supports) and POST (a new upload)."""
    return member_endpoint.collection(request, space_pk=space_pk)


@access(EXCHANGE_RULE)
def upload_resource(request, space_pk, uid):
    """HEAD (the offset to resume from), PATCH (a chunk) and DELETE (cancel)."""
    return member_endpoint.resource(request, uid, space_pk=space_pk)
