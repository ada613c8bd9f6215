"""Hearings: schedule one (a conflict is refused with what it conflicts with), record what
happened (held, postponed with its reason and who asked, cancelled), reschedule now or later.

A hearing moves its case: scheduling the hearing on guilt puts the case in "hearing on guilt
scheduled" (the sanction's and the guilty plea's likewise); a hearing held and taken under
advisement puts it under advisement from that day; a cancelled one with no other hearing of
its kind to come puts it back where it was.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline.choices import CaseStatus, HearingKind, HearingOutcome, HearingVenue, Verdict
from discipline.models import ChairUnavailability, Hearing
from discipline.services.cases import can_move, locked, move, require_manager

# Bookings that still hold a chair, a member or a room.
HOLDING = (HearingOutcome.SCHEDULED, HearingOutcome.HELD)

# The status a case takes when a hearing of that kind is scheduled, and where it goes back to
# when that hearing is cancelled.
SCHEDULED_STATUS = {
    HearingKind.GUILT: CaseStatus.GUILT_HEARING,
    HearingKind.SANCTION: CaseStatus.SANCTION_HEARING,
    HearingKind.GUILTY_PLEA: CaseStatus.GUILTY_PLEA,
}
CANCELLED_STATUS = {
    CaseStatus.GUILT_HEARING: CaseStatus.SERVED,
    CaseStatus.SANCTION_HEARING: CaseStatus.GUILT_DECIDED,
    CaseStatus.GUILTY_PLEA: CaseStatus.SERVED,
}
ADVISEMENT_STATUS = {
    HearingKind.GUILT: CaseStatus.GUILT_ADVISEMENT,
    HearingKind.SANCTION: CaseStatus.SANCTION_ADVISEMENT,
    HearingKind.GUILTY_PLEA: CaseStatus.SANCTION_ADVISEMENT,
}
# A management conference is held by the chair alone; the hearings proper by the panel.
PANEL_HEARINGS = (HearingKind.GUILT, HearingKind.SANCTION, HearingKind.GUILTY_PLEA, HearingKind.PROVISIONAL)


def _local(moment):
    return timezone.localtime(moment)


def _describe(hearing):
    start = _local(hearing.starts_at)
    return _("%(case)s on %(day)s at %(time)s") % {
        "case": hearing.case.number,
        "day": start.date().isoformat(),
        "time": start.strftime("%H:%M"),
    }


def conflicts(hearing, members):
    """[French message] of every booking `hearing` would collide with: its chair, one of its
    members or its room booked at the same time, or its chair not available that day."""
    overlapping = (
        Hearing.objects.filter(starts_at__lt=hearing.ends_at, ends_at__gt=hearing.starts_at, outcome__in=HOLDING)
        .exclude(pk=hearing.pk)
        .select_related("case")
    )
    problems = []
    for other in overlapping.filter(chair=hearing.chair_id):
        problems.append(
            _("%(chair)s already sits at that time (%(other)s).") % {"chair": hearing.chair, "other": _describe(other)}
        )
    member_ids = [m.pk for m in members]
    if member_ids:
        for other in overlapping.filter(members__in=member_ids).distinct():
            busy = [m for m in members if m.pk in {x.pk for x in other.members.all()}]
            for member in busy:
                problems.append(
                    _("%(member)s already sits at that time (%(other)s).")
                    % {"member": member, "other": _describe(other)}
                )
    if hearing.venue != HearingVenue.VIRTUAL and hearing.room:
        for other in overlapping.filter(venue=hearing.venue, room__iexact=hearing.room.strip()):
            problems.append(
                _("The room %(room)s is already booked at that time (%(other)s).")
                % {"room": hearing.room, "other": _describe(other)}
            )
    day, last_day = _local(hearing.starts_at).date(), _local(hearing.ends_at).date()
    away = ChairUnavailability.objects.filter(chair=hearing.chair_id, starts_on__lte=last_day, ends_on__gte=day).first()
    if away is not None:
        problems.append(
            _("%(chair)s is not available from %(start)s to %(end)s%(reason)s.")
            % {
                "chair": hearing.chair,
                "start": away.starts_on.isoformat(),
                "end": away.ends_on.isoformat(),
                "reason": f" ({away.reason})" if away.reason else "",
            }
        )
    return problems


def _check_place(hearing):
    if hearing.venue == HearingVenue.VIRTUAL:
        if not hearing.video_link:
            raise ValidationError({"video_link": _("Give the link of the virtual hearing.")})
        hearing.room = ""
    elif not hearing.room.strip():
        raise ValidationError({"room": _("Give the room of the hearing.")})


def _check_kind(case, kind):
    """A hearing of `kind` may be scheduled for the case in its current status."""
    if not case.is_active:
        raise ValidationError(_("This case is closed: no hearing can be scheduled."))
    if case.chair_id is None:
        raise ValidationError(_("Assign the panel (the chair and the two members) before scheduling a hearing."))
    if kind == HearingKind.PROVISIONAL and not case.urgent:
        raise ValidationError({"kind": _("Only an urgent case (art. 122.0.2) has a hearing on a provisional measure.")})
    if kind in (HearingKind.GUILT, HearingKind.GUILTY_PLEA) and not case.served_on:
        raise ValidationError({"kind": _("The complaint must be served before its hearing.")})
    if kind == HearingKind.SANCTION and not (
        case.status in (CaseStatus.GUILT_DECIDED, CaseStatus.SANCTION_HEARING)
        and case.counts.filter(verdict=Verdict.GUILTY).exists()
    ):
        raise ValidationError({"kind": _("A hearing on sanction follows a decision that finds the respondent guilty.")})
    target = SCHEDULED_STATUS.get(kind)
    if target and case.status != target and not can_move(case, target):
        raise ValidationError(
            {
                "kind": _('A "%(kind)s" cannot be scheduled for a case "%(status)s".')
                % {"kind": HearingKind(kind).label, "status": CaseStatus(case.status).label}
            }
        )


def _members_for(case, kind):
    return list(case.members.all()) if kind in PANEL_HEARINGS else []


@transaction.atomic
def hearing_schedule(*, case, user, kind, day, start, minutes, venue, room="", video_link="", replaces=None):
    """Schedule a hearing of the case before its panel; refused, with every conflict named,
    when the chair, a member or the room is taken, or the chair is not available."""
    require_manager(user)
    current = locked(case)
    _check_kind(current, kind)
    if not minutes or minutes < 15 or minutes > 12 * 60:
        raise ValidationError({"minutes": _("A hearing lasts from 15 minutes to 12 hours.")})
    starts_at = timezone.make_aware(datetime.combine(day, start))
    hearing = Hearing(
        case=current,
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        venue=venue,
        room=(room or "").strip(),
        video_link=video_link or "",
        chair_id=current.chair_id,
        created_by=user,
    )
    _check_place(hearing)
    hearing.full_clean()
    members = _members_for(current, kind)
    problems = conflicts(hearing, members)
    if problems:
        raise ValidationError(problems)
    hearing.save()
    hearing.members.set(members)
    target = SCHEDULED_STATUS.get(kind)
    if target and current.status != target:
        move(current, target)
        current.save(update_fields=["status"])
    if replaces is not None:
        Hearing.objects.filter(pk=replaces.pk).update(rescheduled_as=hearing)
    return hearing


def _locked_hearing(hearing):
    return Hearing.objects.select_for_update().select_related("case").get(pk=hearing.pk)


def _require_pending(hearing):
    if hearing.outcome != HearingOutcome.SCHEDULED:
        raise ValidationError(
            _("The outcome of this hearing is already recorded (%(outcome)s).")
            % {"outcome": hearing.get_outcome_display()}
        )


@transaction.atomic
def hearing_held(*, hearing, user, under_advisement=True, note=""):
    """The hearing took place. Taken under advisement, its case is under advisement from the
    day it ended (a decision is then due, art. 154.1)."""
    from opq_intranet.core.notifications import notifications_done

    require_manager(user)
    current = _locked_hearing(hearing)
    _require_pending(current)
    if current.starts_at > timezone.now():
        raise ValidationError(_("This hearing has not started yet: it cannot be recorded as held."))
    current.outcome = HearingOutcome.HELD
    current.outcome_note = (note or "").strip()
    current.save(update_fields=["outcome", "outcome_note"])
    case = locked(current.case)
    target = ADVISEMENT_STATUS.get(current.kind)
    if under_advisement and target:
        if case.status != target:
            move(case, target)
        case.advisement_since = _local(current.ends_at).date()
        case.save(update_fields=["status", "advisement_since"])
    notifications_done(target=current, key="discipline.hearing_outcome_missing")
    return current


@transaction.atomic
def hearing_postpone(*, hearing, user, reason, requested_by, reschedule=None):
    """The hearing is postponed, its reason and who asked kept. `reschedule` is None (later)
    or {day, start, minutes, venue, room, video_link} for the new hearing, now."""
    from opq_intranet.core.notifications import notifications_done

    require_manager(user)
    current = _locked_hearing(hearing)
    _require_pending(current)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the postponement.")
    if not requested_by:
        errors["requested_by"] = _("Say who asked for the postponement.")
    if errors:
        raise ValidationError(errors)
    current.outcome = HearingOutcome.POSTPONED
    current.postponement_reason = reason.strip()
    current.postponement_requested_by = requested_by
    current.save(update_fields=["outcome", "postponement_reason", "postponement_requested_by"])
    notifications_done(target=current, key="discipline.hearing_outcome_missing")
    if reschedule:
        return hearing_schedule(case=current.case, user=user, kind=current.kind, replaces=current, **reschedule)
    return current


@transaction.atomic
def hearing_cancel(*, hearing, user, note=""):
    """The hearing will not take place; its case goes back to where it was when no other
    hearing of its kind is to come."""
    from opq_intranet.core.notifications import notifications_done

    require_manager(user)
    current = _locked_hearing(hearing)
    _require_pending(current)
    current.outcome = HearingOutcome.CANCELLED
    current.outcome_note = (note or "").strip()
    current.save(update_fields=["outcome", "outcome_note"])
    case = locked(current.case)
    back = CANCELLED_STATUS.get(CaseStatus(case.status))
    still_coming = case.hearings.filter(kind=current.kind, outcome=HearingOutcome.SCHEDULED).exists()
    if back and SCHEDULED_STATUS.get(current.kind) == case.status and not still_coming:
        move(case, back)
        case.save(update_fields=["status"])
    notifications_done(target=current, key="discipline.hearing_outcome_missing")
    return current
