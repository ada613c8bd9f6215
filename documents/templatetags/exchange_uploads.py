"""The upload zone's limits, for documents/exchange/_upload_zone.html (the page that includes
it gives `space`, and `folder` or `shared_file`):

    {% load exchange_uploads %}
    {% upload_limits as limits %}   {# limits.max_bytes, limits.chunk_bytes, limits.accept, limits.types #}

What the browser checks before sending; the server checks it again (documents/exchange/tus.py).
"""

from django import template
from django.conf import settings

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
