"""Read queries of the paper side: spaces with their occupancy, boxes with their fill, loans.

Who sees what: every staff member with access to the records reads the spaces and the
boxes; a box's files and the loans are limited to the files the person may see
(files_visible_to).
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from documents.models import ON_SHELF, Box, PaperLoan, RecordFile, StorageSpace
from documents.permissions import sees_every_file
from documents.selectors.files import files_visible_to

LABEL_BOXES_MAX = 60  # boxes on one sheet of labels (15 pages of 4)
BOXES_SUGGESTED = 10  # boxes with room offered when a file goes in a box


def spaces():
    """Spaces with `occupied` (boxes standing in them) and `free` places."""
    return (
        StorageSpace.objects.select_related("site")
        .annotate(occupied=Count("boxes", filter=Q(boxes__status__in=ON_SHELF)))
        .annotate(free=Greatest(F("capacity") - F("occupied"), Value(0)))
    )


def boxes():
    """Boxes with `file_count` and `fill` (percent of the capacity), and what the lists show.

    The count is a subquery per box rather than a GROUP BY over every box and its files: a
    page of 25 boxes counts the files of those 25 only (2 000 boxes: 28 ms down to a few)."""
    files_in_box = (
        RecordFile.objects.filter(box=OuterRef("pk")).order_by().values("box").annotate(n=Count("pk")).values("n")
    )
    return (
        Box.objects.select_related("org_unit", "storage_space__site")
        .annotate(file_count=Coalesce(Subquery(files_in_box, output_field=IntegerField()), 0))
        .annotate(
            fill=ExpressionWrapper(F("file_count") * 100.0 / F("capacity"), output_field=FloatField()),
        )
    )


def box_files(box, user):
    """The files of the box this person may see, in number order."""
    return files_visible_to(user).filter(box=box).order_by("reference")


def boxes_with_room(org_unit_id):
    """The unit's boxes still on a shelf that have room, the fullest first (fill them up)."""
    return (
        boxes()
        .filter(org_unit_id=org_unit_id, status__in=ON_SHELF, file_count__lt=F("capacity"))
        .order_by("-fill", "number")
    )


def label_files_of(boxes):
    """{box id: [files]} for a sheet of labels, in one query."""
    files_of = {}
    for record_file in RecordFile.objects.filter(box__in=boxes).order_by("reference"):
        files_of.setdefault(record_file.box_id, []).append(record_file)
    return files_of


def box_label_files(box):
    """Every file of the box, for its label (printed by the records manager)."""
    return list(box.files.select_related("record_class").order_by("reference"))


def loans_visible_to(user):
    """Loans of the files the person may see (the records manager sees every loan)."""
    loans = PaperLoan.objects.select_related("record_file__org_unit", "borrower")
    if not user.is_office_staff:
        return loans.none()
    if sees_every_file(user):
        return loans
    return loans.filter(record_file__in=files_visible_to(user).values("pk"))


def open_loans():
    return PaperLoan.objects.filter(returned_on__isnull=True)


def overdue_loans(today):
    return open_loans().filter(due_on__lt=today)


def loans_of(user, today, limit):
    """The person's open loans, the overdue ones first, then by due date."""
    overdue_first = Case(When(due_on__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField())
    return list(
        open_loans().filter(borrower=user).select_related("record_file").order_by(overdue_first, "due_on", "pk")[:limit]
    )


@dataclass
class FilePaperState:
    """What the file's page shows of its paper side."""

    box: Box | None
    open_loan: PaperLoan | None


def file_paper_state(record_file):
    """The file's box (with its place) and its open loan: two queries at most."""
    box = None
    if record_file.box_id:
        box = Box.objects.select_related("storage_space__site").filter(pk=record_file.box_id).first()
    loan = open_loans().filter(record_file=record_file).select_related("borrower", "lent_by").first()
    return FilePaperState(box=box, open_loan=loan)


# --- Page selectors ---------------------------------------------------------------------------------


def space_page(space):
    """A space's page: the boxes standing in it, in number order."""
    return {"boxes": boxes().filter(storage_space=space).order_by("number")}


def box_page(box, user):
    """A box's page: the files in it this person may see."""
    return {"files": box_files(box, user)}


def loans_with_details(user):
    """A loan's page: who lent it and who took it back."""
    return loans_visible_to(user).select_related("lent_by", "returned_to")


def file_box_page(record_file):
    """Putting a file in a box: its unit's boxes that have room, the fullest first."""
    return {"record_file": record_file, "suggested": boxes_with_room(record_file.org_unit_id)[:BOXES_SUGGESTED]}


def label_boxes(filtered, limit=LABEL_BOXES_MAX):
    """The boxes of a sheet of labels with their files; None when there are more than `limit`."""
    chosen = list(filtered.order_by("number")[: limit + 1])
    if len(chosen) > limit:
        return None
    files_of = label_files_of(chosen)
    return [{"box": box, "files": files_of.get(box.pk, [])} for box in chosen]
