"""A body's meetings, their attendance, and the allowance rate table.

The attendance grid is saved whole or not at all: one row per appointee holding a current term
on the meeting's body on its day (eligibility.current_terms_filter), present or not, late or
leaving early with the hours attended (more than none, no more than the meeting lasted).
A meeting whose attendance is recorded keeps its body, and its date and duration move only
where every recorded row still holds."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs import allowances, selectors
from administrateurs.eligibility import current_terms_filter
from administrateurs.models import Attendance, Meeting, Term
from administrateurs.services.candidates import require_manager

ROW_FIELDS = ("present", "arrived_late", "left_early", "hours_attended")


def _short(day):
    return date_format(day, "SHORT_DATE_FORMAT")


def _check_recorded(meeting):
    """A change of a meeting whose attendance is recorded must keep every row true."""
    before = Meeting.objects.get(pk=meeting.pk)
    recorded = list(Attendance.objects.filter(meeting_id=meeting.pk).select_related("term__candidate"))
    if not recorded:
        return
    if meeting.body_id != before.body_id:
        raise ValidationError({"body": _("Attendance is recorded for this meeting: its body cannot change.")})
    if meeting.held_on != before.held_on:
        terms = Term.objects.filter(current_terms_filter(meeting.held_on), pk__in=[a.term_id for a in recorded])
        sitting = set(terms.values_list("pk", flat=True))
        away = [str(a.term.candidate) for a in recorded if a.term_id not in sitting]
        if away:
            raise ValidationError(
                {
                    "held_on": _("Not on this body on %(date)s: %(names)s. Correct the attendance first.")
                    % {"date": _short(meeting.held_on), "names": ", ".join(away)}
                }
            )
    longer = [str(a.term.candidate) for a in recorded if a.hours_attended and a.hours_attended > meeting.hours]
    if longer:
        raise ValidationError(
            {
                "hours": _("Attended longer than %(hours)s h: %(names)s. Correct the attendance first.")
                % {"names": ", ".join(longer), "hours": allowances.hours_text(meeting.hours)}
            }
        )


@transaction.atomic
def meeting_save(*, meeting, user):
    require_manager(user)
    if meeting.hours is not None and meeting.hours <= 0:
        raise ValidationError({"hours": _("The duration must be more than zero hours.")})
    meeting.full_clean()
    if meeting.pk is None and not meeting.body.is_active:
        raise ValidationError({"body": _("This body is no longer active.")})
    if meeting.pk is not None:
        _check_recorded(meeting)
    meeting.save()
    return meeting


def _row_errors(row, term, meeting):
    name = term.candidate
    present, late, early, hours = (row.get(name_) for name_ in ROW_FIELDS)
    if not present:
        if late or early:
            return [_("%(name)s: absent, so neither late nor leaving early.") % {"name": name}]
        return []
    if not (late or early):
        return []
    if hours is None:
        return [_("%(name)s: arrived late or left early, give the hours attended.") % {"name": name}]
    if hours <= 0:
        return [_("%(name)s: the hours attended must be more than zero.") % {"name": name}]
    if hours > meeting.hours:
        return [
            _("%(name)s: %(hours)s h attended, more than the meeting's %(total)s h.")
            % {"name": name, "hours": allowances.hours_text(hours), "total": allowances.hours_text(meeting.hours)}
        ]
    return []


@transaction.atomic
def attendance_record(*, meeting, user, rows):
    """Save the attendance grid: `rows` are dicts with the `term` (its id), `present`,
    `arrived_late`, `left_early` and `hours_attended` (a Decimal or None). Every row is checked
    first; one refused row refuses them all."""
    require_manager(user)
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if meeting.held_on > timezone.localdate():
        raise ValidationError(
            _("The meeting of %(date)s has not taken place yet: its attendance is recorded afterwards.")
            % {"date": _short(meeting.held_on)}
        )
    eligible = {term.pk: term for term in selectors.eligible_terms(meeting)}
    errors, seen, checked = [], set(), []
    for row in rows:
        term = eligible.get(row.get("term"))
        if term is None:
            errors.append(
                _("Term no. %(number)s was not held on %(body)s on %(date)s: only its appointees attend.")
                % {"number": row.get("term"), "body": meeting.body, "date": _short(meeting.held_on)}
            )
            continue
        if term.pk in seen:
            errors.append(_("%(name)s is given twice.") % {"name": term.candidate})
            continue
        seen.add(term.pk)
        errors += _row_errors(row, term, meeting)
        checked.append((term, row))
    if errors:
        raise ValidationError(errors)
    if not checked:
        raise ValidationError(_("Nobody sits on this body on the meeting's date: there is no attendance to record."))
    existing = selectors.attendances_of(meeting)
    new, changed = [], []
    for term, row in checked:
        attendance = existing.get(term.pk) or Attendance(meeting=meeting, term=term)
        present = bool(row.get("present"))
        late, early = present and bool(row.get("arrived_late")), present and bool(row.get("left_early"))
        attendance.present, attendance.arrived_late, attendance.left_early = present, late, early
        attendance.hours_attended = Decimal(row["hours_attended"]) if (late or early) else None
        attendance.full_clean(exclude=["meeting", "term"], validate_unique=False, validate_constraints=False)
        (changed if attendance.pk else new).append(attendance)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, list(ROW_FIELDS))
    return meeting


@transaction.atomic
def rate_save(*, rate, user):
    """Add a rate to the table or correct one: never negative, never twice the same kind,
    threshold and date (the table's unique constraint, in the words of
    `AllowanceRate.unique_error_message`)."""
    require_manager(user)
    errors = {}
    if rate.amount is not None and rate.amount < 0:
        errors["amount"] = _("The amount cannot be negative.")
    if rate.min_hours is not None and rate.min_hours < 0:
        errors["min_hours"] = _("The hours cannot be negative.")
    if errors:
        raise ValidationError(errors)
    rate.full_clean()
    rate.save()
    return rate
