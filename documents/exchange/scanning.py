"""Virus scanning of uploads with a ClamAV daemon, when one is configured (CLAMAV_ADDRESS).

`scan(handle)` streams the content to clamd (INSTREAM) and raises ValidationError (French
message) when a virus is found. It fails closed: a daemon that cannot be reached, does not
answer within CLAMAV_TIMEOUT seconds, refuses the stream (over its StreamMaxLength) or answers
anything but OK refuses the upload too, and the reason is logged. Without a configured daemon
it does nothing.

The protocol is clamav-client's (Artefactual's maintained fork of python-clamd): unix socket
(a path, or unix:///path) or TCP (tcp://host:port)."""

import logging
from urllib.parse import urlsplit

from clamav_client import clamd
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def client(address, timeout):
    """A clamd client for CLAMAV_ADDRESS: a unix socket path (or unix:///path) or tcp://host:port."""
    if address.startswith("tcp://"):
        parts = urlsplit(address)
        if not parts.hostname or not parts.port:
            raise ImproperlyConfigured(f"CLAMAV_ADDRESS {address!r}: expected tcp://host:port")
        return clamd.ClamdNetworkSocket(host=parts.hostname, port=parts.port, timeout=timeout)
    if address.startswith("unix://"):
        address = address.removeprefix("unix://")
    if not address.startswith("/"):
        raise ImproperlyConfigured(f"CLAMAV_ADDRESS {address!r}: expected a socket path or tcp://host:port")
    return clamd.ClamdUnixSocket(path=address, timeout=timeout)


def unavailable():
    return ValidationError(_("The virus check is unavailable; try again later."), code="scan_unavailable")


def scan(handle):
    """Raise ValidationError unless clamd says `handle`'s content (read from where it stands) is clean."""
    address = settings.CLAMAV_ADDRESS
    if not address:
        return
    name = getattr(handle, "name", "") or ""
    try:
        result = client(address, settings.CLAMAV_TIMEOUT).instream(handle)  # timeout: per socket operation
    except clamd.BufferTooLongError:
        logger.error("Virus check refused %r: over clamd's StreamMaxLength (raise it to the upload limit)", name)
        raise unavailable() from None
    except (clamd.ClamdError, OSError, ImproperlyConfigured) as error:
        # OSError: a write timeout or a daemon that closed the socket during the stream.
        logger.error("Virus check unavailable at %s for %r: %s", address, name, error)
        raise unavailable() from None
    status, signature = result.get("stream", (None, None))
    if status == "OK":
        return
    if status == "FOUND":
        logger.warning("Virus %s found in an upload (%r): refused", signature, name)
        raise ValidationError(
            _("This file contains a virus (%(name)s) and was refused.") % {"name": signature}, code="virus"
        )
    logger.error("Virus check of %r: unexpected answer from clamd: %r", name, result)
    raise unavailable()
