"""Download of private files: the owner object decides; denied and missing both give 404."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from opq_intranet.accounts.access import Audience, access
from opq_intranet.core.files import can_read
from opq_intranet.core.models import PrivateFile


@require_GET
@access(Audience.USER)
def private_file_download(request, uuid):
    private_file = get_object_or_404(PrivateFile.objects.select_related("owner_type"), uuid=uuid)
    if not can_read(request.user, private_file):
        raise Http404
    response = FileResponse(
        private_file.content.open("rb"),
        as_attachment=True,
        filename=private_file.original_name,
        content_type=private_file.mime_type,
    )
    # Even if a browser rendered it, the file could run no script and reach nothing.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
