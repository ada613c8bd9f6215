"""Every write of records management that has a rule. Views validate input and call these.

Other apps (courrier, discipline) file into documents through these; `can_edit_file` is
re-exported from documents.permissions for them: may this person file into that file."""

from documents.permissions import can_edit_file

from .disposition import (
    disposition_list_approve,
    disposition_list_cancel,
    disposition_list_generate,
    disposition_list_process,
    disposition_list_validate,
)
from .files import (
    REFERENCE_SERIES,
    file_close,
    file_create,
    file_override_dates,
    file_schedule_refresh,
    file_update,
    files_schedule_refresh,
)
from .holds import hold_lift, hold_place
from .paper import (
    BOX_SERIES,
    box_create,
    box_save,
    default_due_on,
    file_put_in_box,
    file_take_out_of_box,
    loan_create,
    loan_extend,
    loan_return,
    space_save,
)
from .plan import record_class_save, retention_rule_save
from .records import record_add, record_add_copy, record_search_refresh, record_update, record_version_add

__all__ = [
    "BOX_SERIES",
    "REFERENCE_SERIES",
    "box_create",
    "box_save",
    "can_edit_file",
    "default_due_on",
    "disposition_list_approve",
    "disposition_list_cancel",
    "disposition_list_generate",
    "disposition_list_process",
    "disposition_list_validate",
    "file_close",
    "file_create",
    "file_override_dates",
    "file_put_in_box",
    "file_schedule_refresh",
    "file_take_out_of_box",
    "file_update",
    "files_schedule_refresh",
    "hold_lift",
    "hold_place",
    "loan_create",
    "loan_extend",
    "loan_return",
    "record_add",
    "record_add_copy",
    "record_class_save",
    "record_search_refresh",
    "record_update",
    "record_version_add",
    "retention_rule_save",
    "space_save",
]
