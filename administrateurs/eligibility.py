"""Who may be appointed to a body, in one place: the matching's exclusions, the appointment's
refusal and the candidate's page all read `exclusion_reasons()`.

A candidate is excluded from a body when they are not in the bank, their consent has lapsed
(renewed yearly), their file was purged, they already sit on that body, or they declared a
link that art. 78 forbids with the body's order (a member of the order, or an officer of a body
that defends its members' interests): `disqualifying()` is that rule, and `ineligible_orders()`
(the candidate's page) and the list's filter read it too.

The consent covers ADMINISTRATEURS_CONSENT_DAYS from its date (`consent_expires_on`, its last
day); the Nominations team is warned CONSENT_NOTICE_DAYS before (`consent_notice_on`), and a
candidacy not yet appointed whose consent lapsed expires (job `administrateurs.consents_lapsed`)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs.choices import DISQUALIFYING_LINKS, CandidacyStatus, LinkKind

CONSENT_NOTICE_DAYS = 30
# The candidacies a lapsed consent expires (an appointee keeps their seat until the term ends).
EXPIRE_ON_LAPSE = (
    CandidacyStatus.RECEIVED,
    CandidacyStatus.UNDER_REVIEW,
    CandidacyStatus.ELIGIBLE,
    CandidacyStatus.IN_BANK,
)


def expires_on(consent_on):
    """The last day a consent given on `consent_on` covers."""
    return consent_on + timedelta(days=settings.ADMINISTRATEURS_CONSENT_DAYS)


def consent_expires_on(candidate):
    """The last day the consent covers (it is renewed every ADMINISTRATEURS_CONSENT_DAYS)."""
    return expires_on(candidate.consent_on)


def consent_lapsed(candidate, *, today=None):
    return consent_expires_on(candidate) < (today or timezone.localdate())


def consent_notice_on(candidate):
    """The day the Nominations team is warned that the consent is about to lapse."""
    return consent_expires_on(candidate) - timedelta(days=CONSENT_NOTICE_DAYS)


def lapsed_consent_filter(today):
    """The candidacies whose consent no longer covers `today` (consent_lapsed, for a query)."""
    return Q(consent_on__lt=today - timedelta(days=settings.ADMINISTRATEURS_CONSENT_DAYS))


def consent_notice_filter(today):
    """Consents still running on `today` that lapse within CONSENT_NOTICE_DAYS (for a query)."""
    running_since = today - timedelta(days=settings.ADMINISTRATEURS_CONSENT_DAYS)
    return Q(consent_on__gte=running_since, consent_on__lte=running_since + timedelta(days=CONSENT_NOTICE_DAYS))


def disqualifying(link):
    """Whether a declared link bars the candidate from its order's board (art. 78)."""
    return link.kind in DISQUALIFYING_LINKS


def disqualifying_links_q(prefix=""):
    """`disqualifying()` for a query on CandidateLink (prefix "links__" from Candidate)."""
    return Q(**{f"{prefix}kind__in": sorted(DISQUALIFYING_LINKS)})


def ineligible_orders(links):
    """[(order, reason)]: each order whose board the candidate may not sit on, and why (one
    pair per order, its disqualifying links named). `links` need their order (select_related)."""
    found = {}
    for link in links:
        if disqualifying(link):
            found.setdefault(link.order_id, (link.order, set()))[1].add(LinkKind(link.kind))
    pairs = [
        (order, _("%(links)s (art. 78)") % {"links": "; ".join(str(kind.label) for kind in LinkKind if kind in kinds)})
        for order, kinds in found.values()
    ]
    return sorted(pairs, key=lambda pair: pair[0].name)


def exclusion_reasons(candidate, body, *, links, sitting_body_ids, today=None):
    """Why `candidate` cannot be appointed to `body` (an empty list: they can).

    `links` are the candidate's declared links (CandidateLink rows, any order) and
    `sitting_body_ids` the bodies where they hold a current term: the caller reads both for
    every candidate at once, so that ranking a thousand candidates stays a few queries."""
    today = today or timezone.localdate()
    reasons = []
    if candidate.purged_at:
        return [_("The candidacy was purged.")]
    if candidate.status != CandidacyStatus.IN_BANK:
        reasons.append(_("Not in the bank (status: %(status)s).") % {"status": CandidacyStatus(candidate.status).label})
    if consent_lapsed(candidate, today=today):
        reasons.append(
            _("Consent lapsed on %(date)s.") % {"date": date_format(consent_expires_on(candidate), "SHORT_DATE_FORMAT")}
        )
    if body.order_id:
        for link in links:
            if link.order_id == body.order_id and disqualifying(link):
                reasons.append(
                    _("%(link)s: %(order)s (art. 78).") % {"link": LinkKind(link.kind).label, "order": body.order}
                )
    if body.pk in sitting_body_ids:
        reasons.append(_("Already sits on this body."))
    return reasons


def current_terms_filter(today, prefix=""):
    """Terms running on `today` (started, not past their end, not ended early before it).
    `prefix` reads them from a related model ("seats__terms__")."""
    return Q(**{f"{prefix}starts_on__lte": today, f"{prefix}ends_on__gte": today}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gte": today})
    )


def not_over_filter(today, prefix=""):
    """Terms whose last day (their end, or the day they ended early) is `today` or later:
    running or still to come. `prefix` reads them from a related model ("terms__")."""
    return Q(**{f"{prefix}ended_on__isnull": True, f"{prefix}ends_on__gte": today}) | Q(
        **{f"{prefix}ended_on__gte": today}
    )


def reasons_for(candidate, body, *, today=None):
    """`exclusion_reasons()` for one candidate, reading their links and seats (detail pages)."""
    from administrateurs.models import Term

    today = today or timezone.localdate()
    sitting = set(
        Term.objects.filter(current_terms_filter(today), candidate=candidate).values_list("seat__body_id", flat=True)
    )
    return exclusion_reasons(candidate, body, links=list(candidate.links.all()), sitting_body_ids=sitting, today=today)
