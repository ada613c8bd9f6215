"""Reads of what a candidate declares and sends (links with orders, preferred bodies, CV and
letters, consent), for the candidate's page and the list's filters, and the purge log."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from administrateurs import eligibility
from administrateurs.models import BoardPreference, CandidateDocument, CandidateLink, PurgeLog
from administrateurs.services.purge import purge_on


def declarations_page(candidate, *, today=None):
    """What the candidate's page shows of their declarations: three queries (none if purged)."""
    today = today or timezone.localdate()
    page = {
        "consent_expires_on": eligibility.consent_expires_on(candidate),
        "consent_lapsed": eligibility.consent_lapsed(candidate, today=today),
        "consent_notice": not candidate.purged_at and eligibility.consent_notice_on(candidate) <= today,
        "purge_on": purge_on(candidate),
    }
    if candidate.purged_at:
        return page | {"links": [], "ineligible": [], "preferences": [], "documents": []}
    links = list(
        CandidateLink.objects.filter(candidate=candidate).select_related("order").order_by("order__name", "kind")
    )
    return page | {
        "links": links,
        "ineligible": eligibility.ineligible_orders(links),
        "preferences": list(
            BoardPreference.objects.filter(candidate=candidate).select_related("body").order_by("rank")
        ),
        "documents": list(
            CandidateDocument.objects.filter(candidate=candidate)
            .select_related("file", "added_by")
            .order_by("kind", "-added_at")
        ),
    }


def ineligible_for(queryset, order):
    """The candidacies barred from `order`'s board by a link they declared (eligibility's rule)."""
    barred = CandidateLink.objects.filter(eligibility.disqualifying_links_q(), candidate=OuterRef("pk"), order=order)
    return queryset.filter(Exists(barred))


def with_link_to(queryset, order):
    """The candidacies that declared any link with `order`."""
    return queryset.filter(Exists(CandidateLink.objects.filter(candidate=OuterRef("pk"), order=order)))


def purge_logs():
    return PurgeLog.objects.select_related("candidate")
