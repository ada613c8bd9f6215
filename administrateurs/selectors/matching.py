"""Reads of the matching: the seats it fills (with their body and order), the matching page,
and the proposals' list."""

from administrateurs import eligibility, matching
from administrateurs.models import Candidate, Proposal, Seat

RANKED_SHOWN = 50
EXCLUDED_SHOWN = 100


def matching_seats():
    return Seat.objects.select_related("body__order")


def seat_matching_page(seat, *, criteria, on=None):
    """What the matching page shows: the composition, the best RANKED_SHOWN candidates and
    the first EXCLUDED_SHOWN excluded ones (with their counts)."""
    result = matching.match_seat(seat, criteria=criteria, on=on, explain=RANKED_SHOWN)
    return {
        "matching": result,
        "ranked": result.ranked[:RANKED_SHOWN],
        "ranked_count": len(result.ranked),
        "excluded": result.excluded[:EXCLUDED_SHOWN],
        "excluded_count": len(result.excluded),
        "composition_label": matching.composition_label(result.composition),
    }


def appointment_page(seat, candidate, *, on):
    """What the appointment page shows: why the rule would refuse it on `on`, if it would, and
    the body's composition before and after."""
    before = matching.body_composition(seat.body, on)
    after = before.with_member(gender=candidate.gender, diversity=candidate.diversity)
    return {
        "reasons": eligibility.reasons_for(candidate, seat.body, today=on),
        "before_label": matching.composition_label(before),
        "after_label": matching.composition_label(after),
    }


def proposals():
    return Proposal.objects.select_related("candidate", "seat__body", "proposed_by")


def proposal_candidates():
    """The candidates the matching's actions may name (the services refuse the ineligible)."""
    return Candidate.objects.all()
