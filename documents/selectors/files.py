"""Read queries of files and records: who sees what, holds, what is due, and the pages."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery

from documents.choices import FileMedium, LifecycleStage
from documents.models import PATH_SEPARATOR, LegalHold, PaperLoan, Record, RecordFile
from documents.permissions import sees_every_file
from documents.selectors.plan import ancestors, effective_rule
from opq_intranet.core.choices import ConfidentialityLevel

RECORDS_SHOWN = 50  # on a file's page; the search finds the others

# --- Files ----------------------------------------------------------------------------------------


def files_visible_to(user):
    """Public and internal files for every staff member; personal-information and
    confidential ones for their unit and the records manager only."""
    files = RecordFile.objects.select_related("record_class", "org_unit")
    if not user.is_office_staff:
        return files.none()
    if sees_every_file(user):
        return files
    open_levels = Q(confidentiality__in=[ConfidentialityLevel.PUBLIC, ConfidentialityLevel.INTERNAL])
    if user.org_unit_id is None:
        return files.filter(open_levels)
    return files.filter(open_levels | Q(org_unit_id=user.org_unit_id))


CLASS_FILES_PER_PAGE = 25


def class_files(record_class, user):
    """The class's own files this person may see, the latest opened first (a class page's list)."""
    return files_visible_to(user).filter(record_class=record_class).order_by("-opened_on", "-pk")


def records_visible_to(user):
    """Records of the files the person may see."""
    return Record.objects.filter(record_file__in=files_visible_to(user).values("pk")).select_related(
        "record_file", "current_version__stored_file"
    )


# --- Holds and what is due ------------------------------------------------------------------------


def held_files(queryset):
    """The files of `queryset` under a hold in force (on the file, its class or an ancestor)."""
    held_paths = {
        path
        for path in LegalHold.objects.filter(lifted_at__isnull=True).values_list("classes__path", flat=True)
        if path
    }
    direct = LegalHold.files.through.objects.filter(recordfile_id=OuterRef("pk"), legalhold__lifted_at__isnull=True)
    condition = Q(Exists(direct))
    for path in held_paths:
        condition |= Q(record_class__path=path) | Q(record_class__path__startswith=path + PATH_SEPARATOR)
    return queryset.filter(condition)


def not_held(queryset):
    return queryset.exclude(pk__in=held_files(RecordFile.objects.all()).values("pk"))


def not_lent(queryset):
    """The files of `queryset` that are not out on an open paper loan."""
    return queryset.exclude(pk__in=PaperLoan.objects.filter(returned_on__isnull=True).values("record_file_id"))


@dataclass(frozen=True)
class LeftOff:
    """A due file a disposition list leaves off, and why: a hold in force (for disposal), an
    open paper loan (whoever has the file, it cannot be carried out)."""

    record_file: RecordFile
    hold_id: int | None
    hold_title: str
    loan_id: int | None
    borrower: str
    loan_due_on: object


def left_off(due, *, holds_count=True):
    """The files of `due` that are lent (or held, when `holds_count`), in number order, each
    with the loan and the hold that keep it: two queries (the holds on classes, the files)."""
    open_loan = PaperLoan.objects.filter(record_file=OuterRef("pk"), returned_on__isnull=True).order_by()
    direct_hold = LegalHold.files.through.objects.filter(
        recordfile_id=OuterRef("pk"), legalhold__lifted_at__isnull=True
    ).order_by("legalhold__placed_at", "legalhold_id")
    condition = Q(Exists(open_loan))
    class_holds = []
    if holds_count:
        class_holds = list(
            LegalHold.objects.filter(lifted_at__isnull=True, classes__isnull=False)
            .order_by("placed_at", "pk")
            .values_list("classes__path", "pk", "title")
        )
        condition |= Q(Exists(direct_hold))
        for path, _pk, _title in class_holds:
            condition |= Q(record_class__path=path) | Q(record_class__path__startswith=path + PATH_SEPARATOR)
    files = (
        due.filter(condition)
        .select_related("record_class")
        .annotate(
            left_loan_id=Subquery(open_loan.values("pk")[:1]),
            left_loan_due_on=Subquery(open_loan.values("due_on")[:1]),
            left_borrower_first=Subquery(open_loan.values("borrower__first_name")[:1]),
            left_borrower_last=Subquery(open_loan.values("borrower__last_name")[:1]),
            left_borrower_username=Subquery(open_loan.values("borrower__username")[:1]),
            left_hold_id=Subquery(direct_hold.values("legalhold_id")[:1]),
            left_hold_title=Subquery(direct_hold.values("legalhold__title")[:1]),
        )
        .order_by("reference")
    )
    rows = []
    for record_file in files:
        hold_id, hold_title = None, ""
        if holds_count:
            hold_id, hold_title = record_file.left_hold_id, record_file.left_hold_title or ""
        if holds_count and hold_id is None:
            path = record_file.record_class.path
            for class_path, pk, title in class_holds:
                if path == class_path or path.startswith(class_path + PATH_SEPARATOR):
                    hold_id, hold_title = pk, title
                    break
        name = " ".join(filter(None, [record_file.left_borrower_first, record_file.left_borrower_last]))
        rows.append(
            LeftOff(
                record_file=record_file,
                hold_id=hold_id,
                hold_title=hold_title,
                loan_id=record_file.left_loan_id,
                borrower=name or record_file.left_borrower_username or "",
                loan_due_on=record_file.left_loan_due_on,
            )
        )
    return rows


def holds_on(record_file):
    """The holds in force on this file, directly or through its class's lineage."""
    codes = record_file.record_class.path.split(PATH_SEPARATOR)
    return list(
        LegalHold.objects.filter(lifted_at__isnull=True)
        .filter(Q(files=record_file) | Q(classes__code__in=codes))
        .distinct()
    )


def due_for_semi_active(today):
    return RecordFile.objects.filter(stage=LifecycleStage.ACTIVE, semi_active_due_on__lte=today)


def paper_due_for_semi_active(today):
    """Paper and hybrid files whose semi-active date has come: a transfer list moves them."""
    return due_for_semi_active(today).exclude(medium=FileMedium.DIGITAL)


def digital_due_for_semi_active(today):
    """Digital files whose semi-active date has come: the nightly job moves them."""
    return due_for_semi_active(today).filter(medium=FileMedium.DIGITAL)


def due_for_disposal_including_held(today):
    return RecordFile.objects.exclude(stage=LifecycleStage.DISPOSED).filter(disposal_due_on__lte=today)


def due_for_disposal(today):
    """Files whose disposal date has come and that no hold keeps."""
    return not_held(due_for_disposal_including_held(today))


# --- Page selectors ---------------------------------------------------------------------------------


def file_page(record_file):
    """What a file's page shows: its latest records, its class's lineage, its rule, its holds."""
    lineage = ancestors(record_file.record_class)
    rule, _source = effective_rule(record_file.record_class, lineage)
    records = list(record_file.records.order_by("-record_date", "-pk")[: RECORDS_SHOWN + 1])
    return {
        "records": records[:RECORDS_SHOWN],
        "records_more": len(records) > RECORDS_SHOWN,
        "records_shown": RECORDS_SHOWN,
        "lineage": lineage,
        "holds": holds_on(record_file),
        "rule": rule,
    }


def record_page(record):
    """What a record's page shows: its versions, the latest first."""
    return {"versions": record.versions.select_related("stored_file", "created_by")}
