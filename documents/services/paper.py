"""Paper records: storage spaces, boxes, files put in boxes, and loans of paper files.

Only the records manager writes here. Every function locks the rows its rule reads (the
box being filled, the file being lent), validates, then saves: a refused write changes
nothing, and says why in French.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents import selectors
from documents.choices import FileMedium, LifecycleStage
from documents.models import ON_SHELF, Box, BoxStatus, PaperLoan, RecordFile, StorageSpace
from documents.permissions import can_manage_plan
from opq_intranet.core.calendar import next_working_day
from opq_intranet.core.notifications import notifications_done
from opq_intranet.core.numbering import next_reference

BOX_SERIES = "documents.box"
LOAN_DAYS = 30


def _require_manager(user):
    if not can_manage_plan(user):
        raise PermissionDenied


def _date(value):
    return date_format(value, "SHORT_DATE_FORMAT")


# --- Storage spaces -------------------------------------------------------------------------------


def space_occupied(space):
    """Boxes standing in the space (those sent to BAnQ or destroyed have left it)."""
    if space.pk is None:
        return 0
    return Box.objects.filter(storage_space=space, status__in=ON_SHELF).count()


@transaction.atomic
def space_save(*, space, user):
    """Create or change a space; its capacity never drops below the boxes it holds."""
    _require_manager(user)
    if space.pk:
        StorageSpace.objects.select_for_update().get(pk=space.pk)
    space.code = space.code.strip().upper()
    space.full_clean()
    occupied = space_occupied(space)
    if occupied and space.capacity < occupied:
        raise ValidationError(
            {
                "capacity": ngettext(
                    "The space holds %(count)s box: its capacity cannot be lower.",
                    "The space holds %(count)s boxes: its capacity cannot be lower.",
                    occupied,
                )
                % {"count": occupied}
            }
        )
    if occupied and not space.is_active:
        raise ValidationError(
            {
                "is_active": ngettext(
                    "The space still holds %(count)s box: move it before taking the space out of use.",
                    "The space still holds %(count)s boxes: move them before taking the space out of use.",
                    occupied,
                )
                % {"count": occupied}
            }
        )
    space.save()
    return space


# --- Boxes ----------------------------------------------------------------------------------------


def _check_space(box, previous_space_id=None):
    """A box placed in a space: the space is in use and has room for it."""
    space = box.storage_space
    if space is None or space.pk == previous_space_id:
        return
    space = StorageSpace.objects.select_for_update().get(pk=space.pk)
    if not space.is_active:
        raise ValidationError(
            {"storage_space": _("The space %(code)s is no longer in use: it takes no box.") % {"code": space.code}}
        )
    if space_occupied(space) >= space.capacity:
        raise ValidationError(
            {
                "storage_space": ngettext(
                    "The space %(code)s is full (%(capacity)s box): choose another one.",
                    "The space %(code)s is full (%(capacity)s boxes): choose another one.",
                    space.capacity,
                )
                % {"code": space.code, "capacity": space.capacity}
            }
        )


@transaction.atomic
def box_create(*, box, user):
    """A new box, numbered B<year>-<number> in the transaction that saves it."""
    _require_manager(user)
    box.status = box.status or BoxStatus.ACTIVE
    if not box.on_shelf:
        raise ValidationError({"status": _("A new box is active or semi-active.")})
    box.created_by = user
    box.full_clean(exclude=["number"])
    _check_space(box)
    box.number = next_reference(BOX_SERIES, prefix="B")
    box.save()
    return box


@transaction.atomic
def box_save(*, box, user):
    """Change a box: its place, capacity, status or notes.

    A box leaves its space when it is sent to BAnQ or destroyed, which only happens once
    every file in it has been disposed of (through a disposition list).
    """
    _require_manager(user)
    stored = Box.objects.select_for_update().get(pk=box.pk)
    if not stored.on_shelf:
        raise ValidationError(_("This box has left the Office (sent to BAnQ or destroyed): it can no longer change."))
    if not box.on_shelf:
        box.storage_space = None
    box.full_clean()
    errors = {}
    file_count = box.files.count()
    if box.capacity < file_count:
        errors["capacity"] = ngettext(
            "The box holds %(count)s file: its capacity cannot be lower.",
            "The box holds %(count)s files: its capacity cannot be lower.",
            file_count,
        ) % {"count": file_count}
    if box.org_unit_id != stored.org_unit_id and file_count:
        errors["org_unit"] = _("The box holds files of %(unit)s: empty it before giving it to another unit.") % {
            "unit": stored.org_unit
        }
    if not box.on_shelf and stored.on_shelf:
        kept = list(
            box.files.exclude(stage=LifecycleStage.DISPOSED).order_by("reference").values_list("reference", flat=True)
        )
        if kept:
            errors["status"] = _(
                "These files are not disposed of yet: %(files)s. Process their disposition list first."
            ) % {"files": ", ".join(kept[:10])}
    if errors:
        raise ValidationError(errors)
    _check_space(box, previous_space_id=stored.storage_space_id)
    box.save()
    return box


# --- Files in boxes -------------------------------------------------------------------------------


def _check_paper(record_file, digital_message):
    if record_file.medium == FileMedium.DIGITAL:
        raise ValidationError(digital_message)
    if record_file.stage == LifecycleStage.DISPOSED:
        raise ValidationError(_("This file was disposed of: it can no longer be moved or lent."))


def _locked_file(record_file):
    return RecordFile.objects.select_for_update(of=("self",)).select_related("box", "org_unit").get(pk=record_file.pk)


@transaction.atomic
def file_put_in_box(*, record_file, box, user):
    """Put a paper or hybrid file in a box of its unit that has room (or move it there)."""
    _require_manager(user)
    record_file = _locked_file(record_file)
    box = Box.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=box.pk)
    _check_paper(record_file, _("A digital file has no box: only paper and hybrid files are put in boxes."))
    if record_file.box_id == box.pk:
        raise ValidationError(_("The file is already in the box %(number)s.") % {"number": box.number})
    if not box.on_shelf:
        raise ValidationError(
            _("The box %(number)s has left the Office (sent to BAnQ or destroyed): it takes no file.")
            % {"number": box.number}
        )
    if box.org_unit_id != record_file.org_unit_id:
        raise ValidationError(
            _("The box %(number)s holds the files of %(unit)s; this file belongs to %(file_unit)s.")
            % {"number": box.number, "unit": box.org_unit, "file_unit": record_file.org_unit}
        )
    open_loan = record_file.loans.filter(returned_on__isnull=True).select_related("borrower").first()
    if open_loan:
        raise ValidationError(
            _("The file is lent to %(borrower)s: put it in a box once it is returned.")
            % {"borrower": open_loan.borrower}
        )
    held = box.files.count()
    if held >= box.capacity:
        raise ValidationError(
            ngettext(
                "The box %(number)s is full (%(capacity)s file): choose another box or raise its capacity.",
                "The box %(number)s is full (%(capacity)s files): choose another box or raise its capacity.",
                box.capacity,
            )
            % {"number": box.number, "capacity": box.capacity}
        )
    record_file.box = box
    record_file.full_clean()
    record_file.save(update_fields=["box"])
    return record_file


@transaction.atomic
def file_take_out_of_box(*, record_file, user):
    _require_manager(user)
    record_file = _locked_file(record_file)
    if record_file.box_id is None:
        raise ValidationError(_("This file is in no box."))
    if record_file.stage == LifecycleStage.DISPOSED:
        raise ValidationError(_("This file was disposed of: it can no longer be moved or lent."))
    record_file.box = None
    record_file.save(update_fields=["box"])
    return record_file


# --- Loans ----------------------------------------------------------------------------------------


def default_due_on(lent_on):
    """30 days after the loan, moved to the next working day if it falls on a day off."""
    return next_working_day(lent_on + timedelta(days=LOAN_DAYS))


def _may_see(person, record_file):
    return selectors.files_visible_to(person).filter(pk=record_file.pk).exists()


@transaction.atomic
def loan_create(*, record_file, borrower, user, lent_on=None, due_on=None, note=""):
    """Lend a paper or hybrid file to a staff member who may see it; one open loan per file."""
    _require_manager(user)
    record_file = _locked_file(record_file)
    _check_paper(record_file, _("Only paper and hybrid files are lent: this file is digital."))
    today = timezone.localdate()
    lent_on = lent_on or today
    errors = {}
    open_loan = record_file.loans.filter(returned_on__isnull=True).select_related("borrower").first()
    if open_loan:
        raise ValidationError(
            _("This file is already lent to %(borrower)s until %(due)s.")
            % {"borrower": open_loan.borrower, "due": _date(open_loan.due_on)}
        )
    if not (borrower.is_office_staff and borrower.is_active):
        errors["borrower"] = _("A file is lent to a staff member of the Office.")
    elif not _may_see(borrower, record_file):
        errors["borrower"] = _(
            "%(person)s may not see this file (personal information or confidential): lend it to its unit's staff."
        ) % {"person": borrower}
    if lent_on > today:
        errors["lent_on"] = _("A loan cannot start in the future.")
    if due_on is not None and due_on < lent_on:
        errors["due_on"] = _("The due date comes after the loan date.")
    if errors:
        raise ValidationError(errors)
    loan = PaperLoan(
        record_file=record_file,
        borrower=borrower,
        lent_by=user,
        lent_on=lent_on,
        due_on=next_working_day(due_on) if due_on else default_due_on(lent_on),
        note=(note or "").strip(),
    )
    loan.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            loan.save()
    except IntegrityError as error:  # another clerk lent it at the same moment
        raise ValidationError(_("This file was just lent by someone else: reload the page.")) from error
    return loan


def _locked_loan(loan):
    return PaperLoan.objects.select_for_update(of=("self",)).select_related("record_file", "borrower").get(pk=loan.pk)


@transaction.atomic
def loan_return(*, loan, user, returned_on=None):
    _require_manager(user)
    loan = _locked_loan(loan)
    if loan.returned_on:
        raise ValidationError(_("This loan was already returned on %(date)s.") % {"date": _date(loan.returned_on)})
    returned_on = returned_on or timezone.localdate()
    if returned_on > timezone.localdate():
        raise ValidationError({"returned_on": _("A return cannot be dated in the future.")})
    loan.returned_on = returned_on
    loan.returned_to = user
    loan.full_clean(validate_constraints=False)
    loan.save(update_fields=["returned_on", "returned_to"])
    notifications_done(target=loan)  # its overdue reminder leaves the borrower's queue
    return loan


@transaction.atomic
def loan_extend(*, loan, user, due_on, reason):
    """A later due date (moved to a working day), with the reason; the history keeps the former."""
    _require_manager(user)
    loan = _locked_loan(loan)
    if loan.returned_on:
        raise ValidationError(
            _("This loan was returned on %(date)s: it cannot be extended.") % {"date": _date(loan.returned_on)}
        )
    errors = {}
    if due_on is None or due_on <= loan.due_on:
        errors["due_on"] = _("The new due date comes after the current one (%(date)s).") % {"date": _date(loan.due_on)}
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the extension.")
    if errors:
        raise ValidationError(errors)
    loan.due_on = next_working_day(due_on)
    loan.extension_reason = reason.strip()
    loan.last_reminder_on = None  # a new due date: reminders start again from it
    loan.full_clean(validate_constraints=False)
    loan.save(update_fields=["due_on", "extension_reason", "last_reminder_on"])
    return loan
