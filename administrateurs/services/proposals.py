"""A proposal of a candidate for a seat, the matching's outcome: made from the matching's
"propose" button, ended by hand, or closed by the appointment (`terms.term_appoint` marks the
appointee's "appointed" and ends the others of the seat and of the appointee).

One pending proposal per candidate and seat; a candidate the eligibility rule excludes from the
seat's body is not proposed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administrateurs import eligibility
from administrateurs.choices import ProposalStatus
from administrateurs.models import Candidate, Proposal, Seat
from administrateurs.services.candidates import require_manager


@transaction.atomic
def proposal_create(*, seat, candidate, user):
    require_manager(user)
    seat = Seat.objects.select_for_update(of=("self",)).select_related("body__order").get(pk=seat.pk)
    candidate = Candidate.objects.get(pk=candidate.pk)
    today = timezone.localdate()
    if not seat.is_active or not seat.body.is_active:
        raise ValidationError(_("This seat is no longer filled by the Office."))
    if Proposal.objects.filter(seat=seat, candidate=candidate, status=ProposalStatus.PENDING).exists():
        raise ValidationError(_("%(name)s is already proposed for this seat.") % {"name": candidate})
    reasons = eligibility.reasons_for(candidate, seat.body, today=today)
    if reasons:
        raise ValidationError(reasons)
    proposal = Proposal(seat=seat, candidate=candidate, proposed_on=today, proposed_by=user)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_end(*, proposal, user):
    """Close a pending proposal without an appointment (the candidate declined, another was chosen)."""
    require_manager(user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("This proposal is no longer pending."))
    proposal.status, proposal.closed_on = ProposalStatus.ENDED, timezone.localdate()
    proposal.save(update_fields=["status", "closed_on"])
    return proposal
