"""Every read query of the mail app, with its prefetches, one module per sub-domain; and the
page selectors, which return what one page shows. Callers import from here."""

from .access import (
    YearReport,
    access_request_page,
    access_requests_visible_to,
    open_access_requests_by_deadline,
    reviews_visible_to,
    year_report,
)
from .contacts import CONTACT_ITEMS_SHOWN, CONTACT_OPTIONS, contact_options, contact_page
from .mail import item_page, item_with_access_request, items_visible_to, my_pending_items
from .mandates import (
    DUE_ROW_FIELDS,
    PRIORITY_RANK,
    due_by_unit,
    due_this_week,
    involving,
    linked_files,
    linked_items,
    mandate_page,
    mandates_for_list,
    mandates_for_page,
    mandates_visible_to,
    my_active_mandates,
    notes_of,
    overdue,
    week_end,
)

__all__ = [
    "CONTACT_ITEMS_SHOWN",
    "CONTACT_OPTIONS",
    "DUE_ROW_FIELDS",
    "PRIORITY_RANK",
    "YearReport",
    "access_request_page",
    "access_requests_visible_to",
    "contact_options",
    "contact_page",
    "due_by_unit",
    "due_this_week",
    "involving",
    "item_page",
    "item_with_access_request",
    "items_visible_to",
    "linked_files",
    "linked_items",
    "mandate_page",
    "mandates_for_list",
    "mandates_for_page",
    "mandates_visible_to",
    "my_active_mandates",
    "my_pending_items",
    "notes_of",
    "open_access_requests_by_deadline",
    "overdue",
    "reviews_visible_to",
    "week_end",
    "year_report",
]
