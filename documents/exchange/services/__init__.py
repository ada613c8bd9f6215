"""Every write of the exchange spaces (callers import from here)."""

from .audit import event_log
from .files import check_type, file_store, quota_check

__all__ = [
    "check_type",
    "event_log",
    "file_store",
    "quota_check",
]
