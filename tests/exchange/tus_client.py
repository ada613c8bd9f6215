"""A tus 1.0 client over Django's test client, as tus-js-client speaks it (headers, methods),
for the protocol and upload tests."""

import base64

from django.urls import reverse

TUS = {"Tus-Resumable": "1.0.0"}
OFFSET_TYPE = "application/offset+octet-stream"


def metadata(**values):
    return ",".join(f"{key} {base64.b64encode(value.encode()).decode()}" for key, value in values.items())


def collection_url(space, query=""):
    return reverse("exchange:upload_collection", args=[space.pk]) + query


def create(client, space, *, name="piece.pdf", length, query="", headers=None):
    return client.post(
        collection_url(space, query),
        headers={**TUS, "Upload-Length": str(length), "Upload-Metadata": metadata(filename=name), **(headers or {})},
    )


def head(client, url, headers=None):
    return client.head(url, headers={**TUS, **(headers or {})})


def patch(client, url, *, offset, data, headers=None, **extra):
    return client.generic(
        "PATCH",
        url,
        data,
        content_type=OFFSET_TYPE,
        headers={**TUS, "Upload-Offset": str(offset), **(headers or {})},
        **extra,
    )


def send(client, space, content, *, name="piece.pdf", chunk=256 * 1024, query=""):
    """A whole upload, chunk by chunk; the last PATCH's response."""
    created = create(client, space, name=name, length=len(content), query=query)
    assert created.status_code == 201, created.content.decode()
    url = created["Location"]
    offset = 0
    response = None
    while offset < len(content):
        response = patch(client, url, offset=offset, data=content[offset : offset + chunk])
        if response.status_code != 204:
            return response
        offset = int(response["Upload-Offset"])
    return response
