"""Every write of the exchange spaces (callers import from here)."""

from .audit import event_log
from .digest import send_exchange_digest, space_news_read, space_news_send
from .files import check_type, file_store, quota_check
from .filing import shared_file_file_into
from .links import link_create, link_revoke
from .retention import expiry_of, run_retention, shared_file_purge, with_expiry
from .shared_files import (
    shared_file_comment,
    shared_file_delete,
    shared_file_rename,
    shared_file_upload,
    shared_file_viewed,
    upload_limits,
    version_download,
    version_preview,
)
from .spaces import (
    folder_delete,
    folder_save,
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
    "expiry_of",
    "file_store",
    "folder_delete",
    "folder_save",
    "link_create",
    "link_revoke",
    "member_remove",
    "member_set",
    "quota_check",
    "run_retention",
    "send_exchange_digest",
    "shared_file_comment",
    "shared_file_delete",
    "shared_file_file_into",
    "shared_file_purge",
    "shared_file_rename",
    "shared_file_upload",
    "shared_file_viewed",
    "space_close",
    "space_news_read",
    "space_news_send",
    "space_reopen",
    "space_save",
    "upload_append",
    "upload_complete",
    "upload_create",
    "upload_fail",
    "upload_limits",
    "upload_terminate",
    "uploads_drop_abandoned",
    "version_download",
    "version_preview",
    "with_expiry",
]
