"""Tables of the records lists."""

from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.models import Box, DispositionList, LegalHold, PaperLoan, RecordFile, RetentionRule, StorageSpace
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


def copy_rules_summary(rule):
    """ "P papier 2-5 C · S num. 1-0 D": the periods at a glance, as a schedule prints them."""
    parts = []
    for copy in rule.copy_rules.all():
        kind = "P" if copy.copy_kind == "principal" else "S"
        medium = _("paper") if copy.medium == "paper" else _("digital")
        parts.append(f"{kind} {medium} {copy.active_period}-{copy.semi_active_period} {copy.final_disposal}")
    return " · ".join(parts)


class RetentionRuleTable(Table):
    model = RetentionRule
    number = Column(_("Number"), link=True)
    title = Column(_("Title"))
    periods = Column(_("Periods"), accessor=copy_rules_summary, orderable=False)
    approval_status = Column(_("Approval"))
    banq_approved_on = Column(_("Approved on"))
    essential = BooleanColumn(_("Essential"))
    confidential = BooleanColumn(_("Confidential"))
    class_count = Column(_("Classes"), orderable=False)
    default_sort = "number"


class RecordFileTable(Table):
    model = RecordFile
    reference = Column(_("File number"), link=True)
    title = Column(_("Title"))
    record_class = Column(_("Class"), accessor="record_class.code", sort_by=("record_class__path",))
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    opened_on = Column(_("Opened on"))
    closed_on = Column(_("Closed on"))
    stage = Column(_("Stage"))
    disposal_on = Column(_("Disposal"), sort_by=("disposal_due_on",))
    confidentiality = Column(_("Confidentiality"))
    default_sort = "-opened_on"


# --- Paper: spaces, boxes, loans ------------------------------------------------------------------


def _percent(value, record=None):
    return "—" if value is None else f"{round(value)}\u00a0%"


class StorageSpaceTable(Table):
    model = StorageSpace
    code = Column(_("Code"), link=True)
    site = Column(_("Site"), accessor="site.name", sort_by=("site__name",))
    room = Column(_("Room"))
    shelf = Column(_("Shelf"))
    capacity = Column(_("Capacity (boxes)"), css_class="text-end")
    occupied = Column(_("Boxes"), css_class="text-end")
    free = Column(_("Free places"), css_class="text-end")
    is_active = BooleanColumn(_("In use"))
    default_sort = "code"


def _space_or_transit(value, record):
    return value or _("in transit")


class BoxTable(Table):
    model = Box
    number = Column(_("Box number"), link=True)
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    storage_space = Column(
        _("Storage space"), accessor="storage_space.code", sort_by=("storage_space__code",), display=_space_or_transit
    )
    site = Column(_("Site"), accessor="storage_space.site.name", sort_by=("storage_space__site__name",))
    status = Column(_("Status"))
    file_count = Column(_("Files"), css_class="text-end")
    capacity = Column(_("Capacity (files)"), css_class="text-end")
    fill = Column(_("Fill"), display=_percent, css_class="text-end")
    default_sort = "-number"


def loan_state(loan):
    if loan.returned_on:
        return _("Returned")
    if loan.due_on < timezone.localdate():
        return _("Overdue")
    return _("Out")


def _state_badge(value, record):
    if record.returned_on:
        css = "text-bg-secondary"
    elif record.due_on < timezone.localdate():
        css = "text-bg-danger"
    else:
        css = "text-bg-info"
    return format_html('<span class="badge {}">{}</span>', css, value)


class PaperLoanTable(Table):
    model = PaperLoan
    reference = Column(
        _("File number"), accessor="record_file.reference", sort_by=("record_file__reference",), link=True
    )
    title = Column(_("Title"), accessor="record_file.title", sort_by=("record_file__title",))
    org_unit = Column(_("Unit"), accessor="record_file.org_unit.name", sort_by=("record_file__org_unit__name",))
    borrower = Column(_("Borrower"), sort_by=("borrower__last_name", "borrower__first_name"))
    lent_on = Column(_("Lent on"))
    due_on = Column(_("Due on"))
    returned_on = Column(_("Returned on"))
    state = Column(_("State"), accessor=loan_state, orderable=False, display=_state_badge)
    default_sort = "due_on"


def _day(moment):
    return timezone.localtime(moment).date() if moment else None


class DispositionListTable(Table):
    model = DispositionList
    reference = Column(_("List"), link=True)
    kind = Column(_("Kind"))
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    file_count = Column(_("Files"), css_class="text-end")
    status = Column(_("Status"))
    due_on = Column(_("Files due by"))
    created_at = Column(_("Created"), accessor=lambda dl: _day(dl.created_at), sort_by=("created_at",))
    processed_at = Column(_("Processed"), accessor=lambda dl: _day(dl.processed_at), sort_by=("processed_at",))
    default_sort = "-created_at"


class LegalHoldTable(Table):
    model = LegalHold
    title = Column(_("Title"), link=True)
    placed_at = Column(_("In force since"), accessor=lambda hold: _day(hold.placed_at), sort_by=("placed_at",))
    placed_by = Column(_("By"), sort_by=("placed_by__last_name",))
    file_count = Column(_("Files"), css_class="text-end")
    class_count = Column(_("Classes"), css_class="text-end")
    lifted_at = Column(_("Lifted on"), accessor=lambda hold: _day(hold.lifted_at), sort_by=("lifted_at",))
    default_sort = "-placed_at"
