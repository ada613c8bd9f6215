"""Read queries of disposition: what is due, the lists, the legal holds, and their pages."""

from dataclasses import dataclass

from django.db.models import Count, Q

from documents.choices import DISPOSAL_OF_KIND, TRANSFER_KINDS, DispositionStatus, FileMedium
from documents.models import DispositionList, LegalHold, Record
from documents.permissions import acting_manager, can_manage_plan
from documents.selectors.files import (
    due_for_disposal,
    due_for_disposal_including_held,
    due_for_semi_active,
    held_files,
    left_off,
    not_held,
    not_lent,
    paper_due_for_semi_active,
)
from opq_intranet.accounts.models import UserKind
from opq_intranet.core.selectors import holders_of

OPEN_LIST_STATUSES = (DispositionStatus.DRAFT, DispositionStatus.VALIDATED, DispositionStatus.APPROVED)
LISTS_SHOWN = 10  # on the disposition page: the latest; the list page has them all, with filters
PREVIEW_ROWS = 50  # the count says how many more


def _due_for_new_list(kind, org_unit, due_on):
    """The unit's files due by `due_on` for this kind of list, held and lent ones included,
    that are not on an open list already."""
    if kind in TRANSFER_KINDS:
        due = paper_due_for_semi_active(due_on)
    else:
        due = due_for_disposal_including_held(due_on).filter(final_disposal=DISPOSAL_OF_KIND[kind])
    on_open_lists = DispositionList.objects.filter(status__in=OPEN_LIST_STATUSES).values("files")
    return due.filter(org_unit=org_unit).exclude(pk__in=on_open_lists)


def files_for_new_list(*, kind, org_unit, due_on):
    """The unit's files a new list of this kind takes by `due_on`: due, not held (for disposal),
    not lent, not already on an open list. The preview page and the generation read the same query."""
    due = _due_for_new_list(kind, org_unit, due_on)
    if kind not in TRANSFER_KINDS:  # a hold suspends disposal, not the move to semi-active storage
        due = not_held(due)
    return not_lent(due)


def files_left_off_new_list(*, kind, org_unit, due_on):
    """The unit's due files a new list leaves off, each with why (files.LeftOff): held (for
    disposal) or lent. The preview shows them, the generation records them (LeftOffFile)."""
    return left_off(_due_for_new_list(kind, org_unit, due_on), holds_count=kind not in TRANSFER_KINDS)


def lists_visible_to(user):
    """Every list for the records manager; a unit's own lists for its staff and its manager
    (permissions.sees_unit_lists)."""
    lists = DispositionList.objects.select_related("org_unit__manager").annotate(file_count=Count("files"))
    if can_manage_plan(user):
        return lists
    return lists.filter(Q(org_unit_id=user.org_unit_id) | Q(org_unit__manager=user))


# --- Who acts on a list -----------------------------------------------------------------------------

# A list's unit has a manager who can act (permissions.acting_manager), or has none, as query
# conditions (the second spelled out: a negated join loses its NULL guards inside an OR).
UNIT_HAS_ACTING_MANAGER = Q(org_unit__manager__is_active=True, org_unit__manager__kind=UserKind.STAFF)
UNIT_WITHOUT_ACTING_MANAGER = (
    Q(org_unit__manager__isnull=True)
    | Q(org_unit__manager__is_active=False)
    | Q(org_unit__manager__kind__in=[kind for kind in UserKind if kind != UserKind.STAFF])
)


def list_approvers():
    """The records managers: they approve and process every list, and validate the lists of
    units without a manager who can act."""
    return list(holders_of("documents.manage_plan").filter(kind=UserKind.STAFF).order_by("last_name", "first_name"))


def list_validators(org_unit):
    """([who validates the unit's lists], whether the records manager does it for the unit):
    its manager, else the records managers (permissions.can_validate)."""
    manager = acting_manager(org_unit)
    if manager is not None:
        return [manager], False
    return list_approvers(), True


@dataclass(frozen=True)
class ListStep:
    """The step a list waits for, and who must take it."""

    step: str  # "validate", "approve" or "process"
    people: list
    by_records_manager: bool = False


def list_step(disposition_list):
    """What the open list waits for and who must act now (None once processed or cancelled)."""
    status = disposition_list.status
    if status == DispositionStatus.DRAFT:
        people, by_records_manager = list_validators(disposition_list.org_unit)
        return ListStep("validate", people, by_records_manager)
    if status == DispositionStatus.VALIDATED:
        return ListStep("approve", list_approvers())
    if status == DispositionStatus.APPROVED:
        return ListStep("process", list_approvers())
    return None


@dataclass(frozen=True)
class WaitingList:
    disposition_list: DispositionList
    step: str


def lists_waiting_for(user, limit):
    """The open lists waiting for this person, the oldest first, at most `limit` (one query):
    drafts of the units they manage; for the records manager, the drafts of units without an
    acting manager, and every validated (to approve) and approved (to process) list."""
    waiting = Q(status=DispositionStatus.DRAFT, org_unit__manager=user) & UNIT_HAS_ACTING_MANAGER
    if can_manage_plan(user):
        waiting |= Q(status=DispositionStatus.DRAFT) & UNIT_WITHOUT_ACTING_MANAGER
        waiting |= Q(status__in=(DispositionStatus.VALIDATED, DispositionStatus.APPROVED))
    lists = (
        DispositionList.objects.filter(waiting)
        .select_related("org_unit")
        .annotate(file_count=Count("files"))
        .order_by("created_at", "pk")[:limit]
    )
    steps = {
        DispositionStatus.DRAFT: "validate",
        DispositionStatus.VALIDATED: "approve",
        DispositionStatus.APPROVED: "process",
    }
    return [WaitingList(disposition_list, steps[disposition_list.status]) for disposition_list in lists]


def holds():
    """Legal holds with how many files and classes each covers."""
    return LegalHold.objects.select_related("placed_by", "lifted_by").annotate(
        file_count=Count("files", distinct=True), class_count=Count("classes", distinct=True)
    )


# --- Page selectors ---------------------------------------------------------------------------------


def disposition_index_page(user, today):
    """The disposition page: the latest lists the person may see and, for the records manager,
    what is due for disposal by unit and disposal, and what waits for the semi-active stage
    (digital files: the nightly job; paper: a transfer list), both counted in one pass."""
    can_manage = can_manage_plan(user)
    due = None
    semi_active = {"digital": None, "paper": None}
    if can_manage:
        due = (
            due_for_disposal(today)
            .values("org_unit", "org_unit__name", "final_disposal")
            .annotate(count=Count("pk"))
            .order_by("org_unit__name", "final_disposal")
        )
        semi_active = due_for_semi_active(today).aggregate(
            digital=Count("pk", filter=Q(medium=FileMedium.DIGITAL)),
            paper=Count("pk", filter=~Q(medium=FileMedium.DIGITAL)),
        )
    return {
        "lists": lists_visible_to(user)[:LISTS_SHOWN],
        "due": due,
        "semi_active_due": semi_active["digital"],
        "paper_transfer_due": semi_active["paper"],
        "can_manage": can_manage,
    }


def disposition_preview(*, kind, org_unit, due_on):
    """(the first PREVIEW_ROWS files a new list would take, how many in all, the files it
    would leave off with their reason)."""
    due = files_for_new_list(kind=kind, org_unit=org_unit, due_on=due_on).select_related("record_class")
    files = list(due.order_by("reference")[: PREVIEW_ROWS + 1])
    count = len(files) if len(files) <= PREVIEW_ROWS else due.count()
    return files[:PREVIEW_ROWS], count, files_left_off_new_list(kind=kind, org_unit=org_unit, due_on=due_on)


def disposition_page(disposition_list):
    """A list's page: its files, in number order, which of them a hold keeps, and who must act now."""
    files = disposition_list.files.select_related("record_class").order_by("reference")
    return {
        "files": files,
        "held": set(held_files(files).values_list("pk", flat=True)),
        "left_off": left_off_of(disposition_list),
        "next_step": list_step(disposition_list),
    }


def left_off_of(disposition_list):
    """The files the list left off when it was generated, with the hold or loan that kept each."""
    return disposition_list.left_off.select_related("record_file", "hold", "loan__borrower").order_by(
        "record_file__reference"
    )


RECORDS_NAMED = 200  # on the processing's confirmation: the first ones by title, the count of the others


def disposition_contents(disposition_list):
    """What processing the list acts on, named for its confirmation: every file (with its box,
    if it has one, and how many records), the first RECORDS_NAMED records by title, and the
    counts. Three queries whatever the list's size."""
    files = list(
        disposition_list.files.select_related("box").annotate(record_count=Count("records")).order_by("reference")
    )
    records = list(
        Record.objects.filter(record_file__in=disposition_list.files.all())
        .select_related("record_file")
        .order_by("record_file__reference", "title", "pk")[:RECORDS_NAMED]
    )
    record_count = sum(f.record_count for f in files)
    paper = [f for f in files if f.medium != FileMedium.DIGITAL]
    return {
        "files": files,
        "file_count": len(files),
        "records": records,
        "record_count": record_count,
        "records_not_named": record_count - len(records),
        "paper_files": paper,
    }


def hold_page(hold):
    return {"files": hold.files.order_by("reference"), "classes": hold.classes.order_by("path")}
