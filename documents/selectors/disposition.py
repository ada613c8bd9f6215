"""Read queries of disposition: what is due, the lists, the legal holds, and their pages."""

from django.db.models import Count, Q

from documents.choices import DISPOSAL_OF_KIND, TRANSFER_KINDS, DispositionStatus, FileMedium
from documents.models import DispositionList, LegalHold, Record
from documents.permissions import can_manage_plan
from documents.selectors.files import (
    due_for_disposal,
    due_for_semi_active,
    held_files,
    paper_due_for_semi_active,
)

OPEN_LIST_STATUSES = (DispositionStatus.DRAFT, DispositionStatus.VALIDATED, DispositionStatus.APPROVED)
LISTS_SHOWN = 10  # on the disposition page: the latest; the list page has them all, with filters
PREVIEW_ROWS = 50  # the count says how many more


def files_for_new_list(*, kind, org_unit, due_on):
    """The unit's files a new list of this kind takes by `due_on`: due, not held (for disposal),
    not already on an open list. The preview page and the generation read the same query."""
    if kind in TRANSFER_KINDS:
        due = paper_due_for_semi_active(due_on)
    else:
        due = due_for_disposal(due_on).filter(final_disposal=DISPOSAL_OF_KIND[kind])
    on_open_lists = DispositionList.objects.filter(status__in=OPEN_LIST_STATUSES).values("files")
    return due.filter(org_unit=org_unit).exclude(pk__in=on_open_lists)


def lists_visible_to(user):
    """Every list for the records manager; a unit's own lists for its staff."""
    lists = DispositionList.objects.select_related("org_unit").annotate(file_count=Count("files"))
    if can_manage_plan(user):
        return lists
    return lists.filter(org_unit_id=user.org_unit_id)


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
    """(the first PREVIEW_ROWS files a new list would take, how many in all)."""
    due = files_for_new_list(kind=kind, org_unit=org_unit, due_on=due_on).select_related("record_class")
    files = list(due.order_by("reference")[: PREVIEW_ROWS + 1])
    count = len(files) if len(files) <= PREVIEW_ROWS else due.count()
    return files[:PREVIEW_ROWS], count


def disposition_page(disposition_list):
    """A list's page: its files, in number order, and which of them a hold keeps."""
    files = disposition_list.files.select_related("record_class").order_by("reference")
    return {"files": files, "held": set(held_files(files).values_list("pk", flat=True))}


def disposition_contents(disposition_list):
    """What processing the list acts on: how many files and records (the confirmation says so)."""
    return {
        "file_count": disposition_list.files.count(),
        "record_count": Record.objects.filter(record_file__in=disposition_list.files.all()).count(),
    }


def hold_page(hold):
    return {"files": hold.files.order_by("reference"), "classes": hold.classes.order_by("path")}
