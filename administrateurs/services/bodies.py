"""A body's writes: save it with the seats the Office fills on it. Its active seats always
number `office_seats`: more seats reopen the inactive ones, then add new numbers; fewer seats
deactivate the highest-numbered vacant ones. A seat is never deleted (its terms keep it), and
a held seat (a term running today or to come) is never deactivated."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from administrateurs import eligibility
from administrateurs.choices import BodyKind
from administrateurs.models import Body, Seat, Term
from administrateurs.services.candidates import require_manager

MAX_TERM_YEARS = 10


def _check(body):
    errors = {}  # office_seats <= size: the model's own rule (Body.clean)
    if body.office_seats is not None and body.office_seats < 1:
        errors["office_seats"] = _("The Office fills at least one seat.")
    if body.term_years is not None and not 1 <= body.term_years <= MAX_TERM_YEARS:
        errors["term_years"] = _("A term lasts from 1 to %(max)s years.") % {"max": MAX_TERM_YEARS}
    if body.kind in (BodyKind.BOARD, BodyKind.REVIEW_COMMITTEE) and not body.order_id:
        errors["order"] = _("A board or a review committee belongs to an order.")
    if body.kind == BodyKind.BOARD and body.order_id:
        other = Body.objects.filter(kind=BodyKind.BOARD, order_id=body.order_id).exclude(pk=body.pk).first()
        if other:
            errors["order"] = _("This order already has its board: %(body)s.") % {"body": other}
    if errors:
        raise ValidationError(errors)


def _match_seats(body):
    """Bring the body's active seats to `office_seats`."""
    seats = list(Seat.objects.select_for_update().filter(body=body).order_by("number"))
    active = [seat for seat in seats if seat.is_active]
    wanted = body.office_seats
    if len(active) < wanted:
        reopen = [seat for seat in seats if not seat.is_active][: wanted - len(active)]
        Seat.objects.filter(pk__in=[seat.pk for seat in reopen]).update(is_active=True)
        last = seats[-1].number if seats else 0
        missing = wanted - len(active) - len(reopen)
        Seat.objects.bulk_create([Seat(body=body, number=last + n) for n in range(1, missing + 1)])
    elif len(active) > wanted:
        held = set(
            Term.objects.filter(eligibility.not_over_filter(timezone.localdate()), seat__in=active).values_list(
                "seat_id", flat=True
            )
        )
        vacant = [seat for seat in reversed(active) if seat.pk not in held]
        surplus = len(active) - wanted
        if len(vacant) < surplus:
            count = len(active) - len(vacant)
            raise ValidationError(
                {
                    "office_seats": ngettext(
                        "%(count)s seat is held: the Office cannot fill fewer.",
                        "%(count)s seats are held: the Office cannot fill fewer.",
                        count,
                    )
                    % {"count": count}
                }
            )
        Seat.objects.filter(pk__in=[seat.pk for seat in vacant[:surplus]]).update(is_active=False)


@transaction.atomic
def body_save(*, body, user):
    """Create or change a body, and match its seats to the number the Office fills."""
    require_manager(user)
    _check(body)
    body.full_clean()
    body.save()
    _match_seats(body)
    return body
