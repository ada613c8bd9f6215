"""The upload zone's limits, for documents/exchange/_upload_zone.html (the page that includes
it gives `space`, and `folder` or `shared_file`):

    {% load exchange_uploads %}
    {% upload_limits as limits %}   {# limits.max_bytes, limits.chunk_bytes, limits.accept, limits.types #}

What the browser checks before sending; the server checks it again (documents/exchange/tus.py).
"""

from django import template
from django.conf import settings
from django.urls import reverse

from documents.exchange.services.files import EXCHANGE_TYPES
from documents.exchange.services.uploads import ACCEPTED_EXTENSIONS
from opq_intranet.core.files import accepted_names

register = template.Library()


@register.simple_tag
def upload_limits():
    return {
        "max_bytes": settings.EXCHANGE_MAX_FILE_BYTES,
        "chunk_bytes": settings.EXCHANGE_UPLOAD_CHUNK_BYTES,
        "accept": ",".join(sorted(ACCEPTED_EXTENSIONS)),
        "types": accepted_names(EXCHANGE_TYPES),
    }


@register.simple_tag
def member_upload_endpoint(space, folder=None, shared_file=None):
    """Where a member's zone opens its uploads: into `folder`, or as a new version of
    `shared_file`, or at the space's root."""
    url = reverse("exchange:upload_collection", args=[space.pk])
    if shared_file:
        return f"{url}?file={shared_file.pk}"
    return f"{url}?folder={folder.pk}" if folder else url
