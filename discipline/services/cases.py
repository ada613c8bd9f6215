"""A case's writes: open it (numbered 26-26-00042), correct it, its counts, its service, its
panel, and the moves that end it (withdrawal, closing). Hearings and decisions move it too
(services/hearings.py, services/decisions.py); every move is checked against TRANSITIONS.

The case number is the council's number, the two digits of the year of filing, and the
sequence of that council and year from core's numbering service (gap-free: a refused opening
gives its number back).
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline import permissions
from discipline.choices import CaseStatus, Verdict
from discipline.models import Case, Count
from opq_intranet.core.numbering import next_number

CASE_SERIES = "discipline.case.{council}"

# Where each status may go, and which service takes it there. A status absent as a key
# moves nowhere (withdrawn, rejected, closed).
TRANSITIONS = {
    CaseStatus.FILED: {CaseStatus.SERVED, CaseStatus.GUILT_HEARING, CaseStatus.WITHDRAWN, CaseStatus.REJECTED},
    CaseStatus.SERVED: {CaseStatus.GUILT_HEARING, CaseStatus.GUILTY_PLEA, CaseStatus.WITHDRAWN, CaseStatus.REJECTED},
    CaseStatus.GUILT_HEARING: {
        CaseStatus.GUILT_ADVISEMENT,
        CaseStatus.GUILT_DECIDED,
        CaseStatus.GUILTY_PLEA,
        CaseStatus.SERVED,
        CaseStatus.WITHDRAWN,
        CaseStatus.REJECTED,
    },
    CaseStatus.GUILT_ADVISEMENT: {CaseStatus.GUILT_DECIDED, CaseStatus.WITHDRAWN},
    CaseStatus.GUILT_DECIDED: {
        CaseStatus.SANCTION_HEARING,
        CaseStatus.APPEALED,
        CaseStatus.CLOSED,
        CaseStatus.WITHDRAWN,
    },
    CaseStatus.SANCTION_HEARING: {
        CaseStatus.SANCTION_ADVISEMENT,
        CaseStatus.SANCTION_DECIDED,
        CaseStatus.GUILT_DECIDED,
        CaseStatus.WITHDRAWN,
    },
    CaseStatus.SANCTION_ADVISEMENT: {CaseStatus.SANCTION_DECIDED, CaseStatus.WITHDRAWN},
    CaseStatus.GUILTY_PLEA: {
        CaseStatus.SANCTION_ADVISEMENT,
        CaseStatus.SANCTION_DECIDED,
        CaseStatus.SERVED,
        CaseStatus.WITHDRAWN,
    },
    CaseStatus.SANCTION_DECIDED: {CaseStatus.APPEALED, CaseStatus.CLOSED},
    CaseStatus.APPEALED: {CaseStatus.CLOSED, CaseStatus.GUILT_DECIDED},
    CaseStatus.REJECTED: {CaseStatus.APPEALED},
}


def can_move(case, status):
    return status in TRANSITIONS.get(CaseStatus(case.status), ())


def move(case, status, *, today=None):
    """Change the status of a locked case, refusing a move the table does not allow."""
    if not can_move(case, status):
        raise ValidationError(
            _('The case %(number)s cannot go from "%(current)s" to "%(status)s".')
            % {"number": case.number, "current": CaseStatus(case.status).label, "status": CaseStatus(status).label}
        )
    case.status = status
    if status in (CaseStatus.CLOSED, CaseStatus.WITHDRAWN, CaseStatus.REJECTED):
        case.closed_on = case.closed_on or today or timezone.localdate()
    elif case.closed_on and status == CaseStatus.APPEALED:
        case.closed_on = None


def require_manager(user):
    if not permissions.can_manage(user):
        raise PermissionDenied


def locked(case):
    return Case.objects.select_for_update().get(pk=case.pk)


def _check_dates(case):
    today = timezone.localdate()
    errors = {}
    if case.filed_on and case.filed_on > today:
        errors["filed_on"] = _("The date cannot be later than today.")
    if case.served_on:
        if case.served_on > today:
            errors["served_on"] = _("The date cannot be later than today.")
        elif case.filed_on and case.served_on < case.filed_on:
            errors["served_on"] = _("The complaint cannot be served before it is filed.")
    if errors:
        raise ValidationError(errors)


def _number(case):
    council = case.council
    sequence = next_number(CASE_SERIES.format(council=council.number), year=case.filed_on.year)
    return f"{council.number:02d}-{case.filed_on.year % 100:02d}-{sequence:05d}"


def _check_counts(counts):
    counts = [(text.strip(), provisions.strip(), derogatory) for text, provisions, derogatory in counts]
    if not counts:
        raise ValidationError({"counts": _("A complaint has at least one count.")})
    for number, (text, provisions, _derogatory) in enumerate(counts, start=1):
        if not text or not provisions:
            raise ValidationError(
                {"counts": _("Count %(number)s needs its wording and the provisions it cites.") % {"number": number}}
            )
    return counts


@transaction.atomic
def case_open(*, case, user, counts):
    """Open a case filed with a council's secretary. `counts` is [(wording, provisions,
    derogatory act of art. 59.1)], numbered 1, 2, 3 in that order."""
    require_manager(user)
    counts = _check_counts(counts)
    if case.council_id is not None and not case.council.is_active:
        raise ValidationError({"council": _("This council is no longer active.")})
    case.status = CaseStatus.SERVED if case.served_on else CaseStatus.FILED
    case.created_by = user
    case.chair = None
    case.advisement_since = case.closed_on = None
    case.full_clean(exclude=["number"])
    _check_dates(case)
    case.number = _number(case)
    case.save()
    Count.objects.bulk_create(
        Count(case=case, number=n, description=text, provisions=provisions, derogatory_act=derogatory)
        for n, (text, provisions, derogatory) in enumerate(counts, start=1)
    )
    return case


# Fields of the form that corrects a case; the rest is moved by the services only.
EDITABLE_FIELDS = (
    "complainant_kind",
    "complainant_name",
    "complainant_counsel",
    "respondent_name",
    "respondent_permit",
    "respondent_counsel",
    "summary",
    "urgent",
)


@transaction.atomic
def case_update(*, case, user):
    """Save a correction of the parties and summary; the number, council and dates stay (the
    number belongs to its council and year)."""
    require_manager(user)
    current = locked(case)
    if not current.is_active:
        raise ValidationError(_("This case is closed: it can no longer be changed."))
    for field in EDITABLE_FIELDS:
        setattr(current, field, getattr(case, field))
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def case_serve(*, case, user, served_on):
    """Record the service of the complaint on the respondent."""
    require_manager(user)
    current = locked(case)
    if current.served_on:
        raise ValidationError({"served_on": _("The complaint was already served.")})
    current.served_on = served_on
    _check_dates(current)
    if current.status == CaseStatus.FILED:
        move(current, CaseStatus.SERVED)
    current.save(update_fields=["served_on", "status"])
    return current


@transaction.atomic
def count_add(*, case, user, description, provisions, derogatory_act=False):
    """Add a count to a complaint not heard yet (an amended complaint)."""
    require_manager(user)
    current = locked(case)
    if current.status not in (CaseStatus.FILED, CaseStatus.SERVED, CaseStatus.GUILT_HEARING, CaseStatus.GUILTY_PLEA):
        raise ValidationError(_("Counts can be added only before the decision on guilt."))
    ((description, provisions, derogatory_act),) = _check_counts([(description, provisions, derogatory_act)])
    number = (current.counts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    count = Count(
        case=current, number=number, description=description, provisions=provisions, derogatory_act=derogatory_act
    )
    count.full_clean()
    count.save()
    return count


@transaction.atomic
def case_assign_panel(*, case, user, chair, members):
    """The senior chair assigns the chair, and the council members who sit with them (two
    members of the order's council, art. 117-118)."""
    if not permissions.can_assign_panel(user, case):
        raise PermissionDenied
    current = locked(case)
    if not current.is_active:
        raise ValidationError(_("This case is closed: its panel can no longer change."))
    members = list(members)
    errors = {}
    if chair is None or not chair.is_active:
        errors["chair"] = _("Choose an active chair of the Bureau.")
    if len(members) != 2:
        errors["members"] = _("Choose the two council members who sit with the chair.")
    elif any(m.council_id != current.council_id or not m.is_active for m in members):
        errors["members"] = _("The members must be active members of the order's own council.")
    if errors:
        raise ValidationError(errors)
    current.chair = chair
    current.save(update_fields=["chair"])
    current.members.set(members)
    return current


@transaction.atomic
def case_withdraw(*, case, user, on):
    """The complainant withdraws the complaint (with the council's leave)."""
    require_manager(user)
    current = locked(case)
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be later than today.")})
    move(current, CaseStatus.WITHDRAWN, today=on)
    current.advisement_since = None
    current.save(update_fields=["status", "closed_on", "advisement_since"])
    return current


@transaction.atomic
def case_close(*, case, user, on=None, today=None):
    """Close a decided case once its appeal delay has passed without appeal, or after the
    Tribunal's decision (decisions.appeal_decide closes it)."""
    from discipline.selectors import appeal_deadline_of

    require_manager(user)
    current = locked(case)
    today = today or timezone.localdate()
    if not can_move(current, CaseStatus.CLOSED):
        raise ValidationError(_("Only a decided case can be closed."))
    if current.status == CaseStatus.GUILT_DECIDED and current.counts.filter(verdict=Verdict.GUILTY).exists():
        raise ValidationError(_("The respondent was found guilty: the decision on sanction comes first."))
    deadline = appeal_deadline_of(current)
    if deadline is None:
        raise ValidationError(_("The decision has not been served yet: its appeal delay has not started."))
    if current.status != CaseStatus.APPEALED and today <= deadline:
        raise ValidationError(
            _("The appeal delay runs until %(date)s: the case can be closed after that day.")
            % {"date": deadline.isoformat()}
        )
    move(current, CaseStatus.CLOSED, today=on or today)
    current.save(update_fields=["status", "closed_on"])
    return current


def cases_close_after_appeal_delay(*, today):
    """The daily job's closing (discipline/schedule.py): every decided case whose appeal delay
    has passed with no appeal is closed, on the day after the delay (the decision is final
    then). A respondent found guilty waits for the decision on sanction; an appealed case is
    closed by the Tribunal's decision (decisions.appeal_decide). Returns the cases closed."""
    from discipline.selectors import appeal_deadline_of

    candidates = (
        Case.objects.filter(status__in=(CaseStatus.GUILT_DECIDED, CaseStatus.SANCTION_DECIDED))
        .exclude(appeals__isnull=False)
        .prefetch_related("decisions", "counts")
        .order_by("pk")
    )
    closed = []
    for case in candidates:
        counts = list(case.counts.all())
        if case.status == CaseStatus.GUILT_DECIDED and any(c.verdict == Verdict.GUILTY for c in counts):
            continue
        deadline = appeal_deadline_of(case, list(case.decisions.all()), counts)
        if deadline is None or today <= deadline:
            continue
        with transaction.atomic():
            current = locked(case)
            if current.status != case.status:
                continue  # moved meanwhile
            move(current, CaseStatus.CLOSED, today=deadline + timedelta(days=1))
            current.save(update_fields=["status", "closed_on"])
        closed.append(current)
    return closed
