"""Every write of records management that has a rule. Views validate input and call these."""

from .disposition import (
    can_validate,
    disposition_list_approve,
    disposition_list_cancel,
    disposition_list_generate,
    disposition_list_process,
    disposition_list_validate,
)
from .files import can_edit_file, file_close, file_create, file_override_dates, file_schedule_refresh, file_update
from .holds import hold_lift, hold_place
from .plan import can_manage_plan, record_class_save, retention_rule_save
from .records import record_add, record_search_refresh, record_update, record_version_add

__all__ = [
    "can_edit_file",
    "can_manage_plan",
    "can_validate",
    "disposition_list_approve",
    "disposition_list_cancel",
    "disposition_list_generate",
    "disposition_list_process",
    "disposition_list_validate",
    "file_close",
    "file_create",
    "file_override_dates",
    "file_schedule_refresh",
    "file_update",
    "hold_lift",
    "hold_place",
    "record_add",
    "record_class_save",
    "record_search_refresh",
    "record_update",
    "record_version_add",
    "retention_rule_save",
]
