"""A candidacy's writes: enter it, correct it, and move its status through TRANSITIONS:
received → under review → eligible → in the bank → appointed, and withdrawn or expired (a
candidacy not yet appointed expires when its consent lapses: services/consents.py). A purged
candidacy changes no more."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administrateurs import permissions
from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate

S = CandidacyStatus
TRANSITIONS = {
    S.RECEIVED: {S.UNDER_REVIEW, S.WITHDRAWN, S.EXPIRED},  # a lapsed consent expires them too
    S.UNDER_REVIEW: {S.ELIGIBLE, S.WITHDRAWN, S.EXPIRED},
    S.ELIGIBLE: {S.IN_BANK, S.WITHDRAWN, S.EXPIRED},
    S.IN_BANK: {S.APPOINTED, S.WITHDRAWN, S.EXPIRED},
    S.APPOINTED: {S.IN_BANK, S.WITHDRAWN},  # the term ended: back in the bank, or leaves it
    S.EXPIRED: {S.UNDER_REVIEW},  # consent renewed: reviewed again
}


def can_move(candidate, status):
    return status in TRANSITIONS.get(CandidacyStatus(candidate.status), ())


def require_manager(user):
    if not permissions.manages(user):
        raise PermissionDenied


def refuse_if_purged(candidate):
    if candidate.purged_at is not None:
        raise ValidationError(_("This candidacy was purged: nothing about it changes any more."))


def move_status(candidate, status, *, today=None):
    """Move a locked candidacy along TRANSITIONS (the services and the jobs share it)."""
    refuse_if_purged(candidate)
    if not can_move(candidate, status):
        raise ValidationError(
            _('The candidacy cannot go from "%(current)s" to "%(status)s".')
            % {"current": CandidacyStatus(candidate.status).label, "status": CandidacyStatus(status).label}
        )
    candidate.status, candidate.status_changed_on = status, today or timezone.localdate()
    candidate.save(update_fields=["status", "status_changed_on"])
    return candidate


def _check(candidate):
    today = timezone.localdate()
    errors = {}
    for name in ("consent_on", "received_on"):
        value = getattr(candidate, name)
        if value and value > today:
            errors[name] = _("The date cannot be later than today.")
    if errors:
        raise ValidationError(errors)
    candidate.full_clean(exclude=["created_by", "status"])


@transaction.atomic
def candidate_save(*, candidate, user):
    """Enter a new candidacy (received) or save corrections; the status stays the services'."""
    require_manager(user)
    _check(candidate)
    if candidate.pk is None:
        candidate.status, candidate.created_by = CandidacyStatus.RECEIVED, user
    else:
        candidate.status, candidate.purged_at = Candidate.objects.values_list("status", "purged_at").get(
            pk=candidate.pk
        )
        refuse_if_purged(candidate)
    candidate.save()
    return candidate


@transaction.atomic
def candidate_move(*, candidate, user, status):
    require_manager(user)
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    return move_status(candidate, status)
