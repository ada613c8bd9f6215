"""Every file the project sends (private files, PDFs, CSV, XLSX) goes through `download_response`.

One place decides the headers: the file name sanitised and encoded (RFC 6266), an attachment
unless asked otherwise, `Content-Security-Policy: sandbox` so that a file a browser renders
can run no script, no content-type sniffing, and no copy kept by a browser or proxy cache.
"""

from pathlib import PurePath

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename

PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_response(content, *, filename, content_type, inline=False, sandbox=True):
    """`content`: bytes or str (sent as is), an open binary file (streamed), or an iterator
    of chunks (streamed). `inline=True` lets the browser show it (a letter's preview);
    `sandbox=False` only for inline PDFs, which a sandboxed page cannot display."""
    if isinstance(content, bytes | str):
        response = HttpResponse(content, content_type=content_type)
    elif hasattr(content, "read"):
        response = FileResponse(content, content_type=content_type)
    else:
        response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, safe_filename(filename))
    if sandbox:
        response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def safe_filename(name):
    """The base name only, without characters that could break a header or a path."""
    base = PurePath((name or "").replace("\\", "/")).name
    cleaned = get_valid_filename(base) if base.strip(". ") else ""
    return (cleaned or "fichier")[:200]
