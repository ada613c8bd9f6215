"""Every write of the mail app that has a rule, one module per sub-domain. Views validate input
and call these; callers import from here (`from courrier import services`)."""

from .access import (
    access_request_answer,
    access_request_close,
    access_request_decide,
    access_request_extend,
    access_request_open,
    clean_articles,
    review_request_add,
    review_request_decide,
)
from .contacts import contact_save
from .filing import mail_file
from .mail import (
    ATTACHMENT_TYPES,
    ROUTED,
    mail_attach,
    mail_close,
    mail_register,
    mail_reply,
    mail_route,
    mail_take,
    mail_update,
)
from .mandates import (
    REFERENCE_PREFIX,
    REFERENCE_SERIES,
    TRANSITIONS,
    allowed_statuses,
    mandate_add_note,
    mandate_create,
    mandate_link_file,
    mandate_link_mail,
    mandate_set_helpers,
    mandate_set_status,
    mandate_unlink_file,
    mandate_unlink_mail,
    mandate_update,
)
from .search_vector import contact_search_refresh, mail_search_refresh

__all__ = [
    "ATTACHMENT_TYPES",
    "REFERENCE_PREFIX",
    "REFERENCE_SERIES",
    "ROUTED",
    "TRANSITIONS",
    "access_request_answer",
    "access_request_close",
    "access_request_decide",
    "access_request_extend",
    "access_request_open",
    "allowed_statuses",
    "clean_articles",
    "contact_save",
    "contact_search_refresh",
    "mail_attach",
    "mail_close",
    "mail_file",
    "mail_register",
    "mail_reply",
    "mail_route",
    "mail_search_refresh",
    "mail_take",
    "mail_update",
    "mandate_add_note",
    "mandate_create",
    "mandate_link_file",
    "mandate_link_mail",
    "mandate_set_helpers",
    "mandate_set_status",
    "mandate_unlink_file",
    "mandate_unlink_mail",
    "mandate_update",
    "review_request_add",
    "review_request_decide",
]
