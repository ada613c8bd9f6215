"""Every write of the BDSP that has a rule. Views validate input and call these."""

from .api_token import api_token_issue, api_token_revoke
from .attachments import attachment_add, attachment_remove
from .form_editor import (
    indicator_delete,
    indicator_save,
    rule_delete,
    rule_save,
    section_delete,
    section_save,
)
from .forms import form_copy, form_create_from_regulation, form_open
from .returns import (
    RETURN_DUE_DAYS,
    ReturnConflict,
    comment_add,
    return_accept,
    return_news_read,
    return_remind,
    return_reopen,
    return_save_general,
    return_save_values,
    return_send_back,
    return_start,
    return_submit,
    value_flag,
)
from .values import parse_value

__all__ = [
    "RETURN_DUE_DAYS",
    "ReturnConflict",
    "api_token_issue",
    "api_token_revoke",
    "attachment_add",
    "attachment_remove",
    "comment_add",
    "form_copy",
    "form_create_from_regulation",
    "form_open",
    "indicator_delete",
    "indicator_save",
    "parse_value",
    "return_accept",
    "return_news_read",
    "return_remind",
    "return_reopen",
    "return_save_general",
    "return_save_values",
    "return_send_back",
    "return_start",
    "return_submit",
    "rule_delete",
    "rule_save",
    "section_delete",
    "section_save",
    "value_flag",
]
