"""Download of private files: the owner object decides; denied and missing both give 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from opq_intranet.accounts.access import Audience, access
from opq_intranet.core.files import can_read, private_file_response
from opq_intranet.core.models import PrivateFile


@require_GET
@access(Audience.USER)
def private_file_download(request, uuid):
    private_file = get_object_or_404(PrivateFile.objects.select_related("owner_type"), uuid=uuid)
    if not can_read(request.user, private_file):
        raise Http404
    return private_file_response(private_file)
