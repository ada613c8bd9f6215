"""Logging each read of confidential content: who, when, what (access law, art. 53-54)."""

import logging

from opq_intranet.core.models import ConfidentialAccess

logger = logging.getLogger("opq.access")


def confidential_access_log(*, request, obj, action="view"):
    """Record that request.user read (or downloaded) `obj`. Call it in the view that shows it."""
    entry = ConfidentialAccess.objects.create(
        user=request.user,
        object_label=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        action=action,
        path=request.get_full_path()[:500],
    )
    logger.info("user=%s action=%s object=%s#%s", request.user.pk, action, obj._meta.label, obj.pk)
    return entry
