"""Every write of the exchange spaces (callers import from here)."""

from .audit import event_log
from .files import check_type, file_store, quota_check
from .spaces import (
    folder_delete,
    folder_save,
    may_reopen,
    member_remove,
    member_set,
    space_close,
    space_reopen,
    space_save,
)
from .uploads import (
    upload_append,
    upload_complete,
    upload_create,
    upload_fail,
    upload_terminate,
    uploads_drop_abandoned,
)

__all__ = [
    "check_type",
    "event_log",
    "file_store",
    "folder_delete",
    "folder_save",
    "may_reopen",
    "member_remove",
    "member_set",
    "quota_check",
    "space_close",
    "space_reopen",
    "space_save",
    "upload_append",
    "upload_complete",
    "upload_create",
    "upload_fail",
    "upload_terminate",
    "uploads_drop_abandoned",
]
