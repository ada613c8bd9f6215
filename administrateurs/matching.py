"""The matching: for a seat to fill on a day, every candidate of the bank (in the bank, not
purged) is either excluded, with every reason `eligibility.exclusion_reasons()` gives, or
ranked by the criteria the staff tick. Each criterion's weight is fixed here (the page's help
repeats them):

- region: REGION_POINTS (10) when the candidate lives in the region wanted;
- expertise: EXPERTISE_POINTS (5) for each keyword typed (comma-separated) found in the
  candidate's fields of expertise, accents and case ignored;
- preference: the candidate's ranked wish for the seat's body, 1st choice 15, 2nd 10, 3rd 5
  (PREFERENCE_POINTS), a later one 2 (PREFERENCE_LATER_POINTS), no wish for the body 0;
- parity: PARITY_POINTS (20) times `parity.parity_gain()`'s change of the gap between women
  and men among the Office's appointees on the body: +20 when the appointment narrows it,
  -20 when it widens it past one (a balanced body stays balanced: 0), 0 otherwise;
- diversity: DIVERSITY_POINTS (10) when the candidate self-declared diversity and no
  appointee sitting on the body did.

The score is the sum of the ticked criteria's points; ties go to the candidate longest in the
bank (received first, then the older consent), then by name. The body's composition is the
Office's appointees holding a current term on it on that day
(`eligibility.current_terms_filter`).

`rank()` and `score()` are pure computation; `match_seat()` reads everything in a constant
number of queries, however many candidates the bank holds."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from administrateurs import eligibility
from administrateurs.choices import CandidacyStatus, ProposalStatus
from administrateurs.models import BoardPreference, Candidate, CandidateLink, Proposal, Term
from administrateurs.parity import Composition, composition_of, parity_gain
from opq_intranet.core.text import strip_accents

REGION_POINTS = 10
EXPERTISE_POINTS = 5
PREFERENCE_POINTS = {1: 15, 2: 10, 3: 5}
PREFERENCE_LATER_POINTS = 2
PARITY_POINTS = 20
DIVERSITY_POINTS = 10

# The keys are the criteria's names (and the page's query string: by_<key>).
CRITERIA = {
    "region": gettext_lazy("Region"),
    "expertise": gettext_lazy("Expertise"),
    "preference": gettext_lazy("Preference"),
    "parity": gettext_lazy("Parity"),
    "diversity": gettext_lazy("Diversity"),
}
MAX_KEYWORDS = 10


@lru_cache(maxsize=8192)
def normalised(text):
    """Accents and case ignored: 'Comptabilité' and 'COMPTABILITE' read alike (cached: a bank
    repeats its names and fields of expertise, and ranking reads each a few times)."""
    return strip_accents(text or "").casefold()


def keywords_of(text):
    """The keywords typed, comma- or semicolon-separated, each once (at most MAX_KEYWORDS)."""
    seen, keywords = set(), []
    for piece in (text or "").replace(";", ",").split(","):
        word = " ".join(piece.split())
        if word and normalised(word) not in seen:
            seen.add(normalised(word))
            keywords.append(word)
    return tuple(keywords[:MAX_KEYWORDS])


@dataclass(frozen=True)
class Criteria:
    """What the staff ticked: a criterion is off when its value is empty or False."""

    region: str = ""
    keywords: tuple = ()
    preference: bool = False
    parity: bool = False
    diversity: bool = False

    @property
    def active(self):
        """The keys of the criteria in use, in CRITERIA's order."""
        values = {
            "region": bool(self.region),
            "expertise": bool(self.keywords),
            "preference": self.preference,
            "parity": self.parity,
            "diversity": self.diversity,
        }
        return [key for key in CRITERIA if values[key]]

    @property
    def plain_keywords(self):
        """(keyword, its normalised form) pairs, for matching without re-normalising."""
        return [(word, normalised(word)) for word in self.keywords]

    @property
    def active_labels(self):
        return [CRITERIA[key] for key in self.active]


@dataclass(frozen=True)
class Points:
    """One criterion's points for one candidate, and why."""

    key: str
    points: int
    why: str

    @property
    def label(self):
        return CRITERIA[self.key]

    @property
    def signed(self):
        """'+20', '−20' (a minus sign) or '0'."""
        if self.points > 0:
            return f"+{self.points}"
        return f"\u2212{-self.points}" if self.points < 0 else "0"


@dataclass
class Ranked:
    candidate: Candidate
    score: int
    points: list
    after: Composition
    proposed: bool = False

    def points_for(self, key):
        return next((p for p in self.points if p.key == key), None)

    @property
    def after_label(self):
        return composition_label(self.after)


@dataclass
class Excluded:
    candidate: Candidate
    reasons: list


@dataclass
class Matching:
    seat: object
    on: date
    criteria: Criteria
    composition: Composition
    ranked: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    holder: object = None  # the term holding the seat on that day, if any
    vacancy: date | None = None  # the seat's first free day from that day (or today) on
    pending: list = field(default_factory=list)  # the seat's pending proposals


def seat_label(seat):
    """'Conseil d’administration · siège 5' (the model's own name of a seat shares its word
    with the inventory's licence seats)."""
    return pgettext("a body's seat", "%(body)s · seat %(number)s") % {"body": seat.body, "number": seat.number}


def composition_label(composition):
    """'F 3 · H 2' (and the other and undeclared appointees, when there are some)."""
    parts = [_("W %(count)s") % {"count": composition.women}, _("M %(count)s") % {"count": composition.men}]
    if composition.other:
        parts.append(_("other %(count)s") % {"count": composition.other})
    if composition.undeclared:
        parts.append(_("undeclared %(count)s") % {"count": composition.undeclared})
    return " · ".join(parts)


def preference_points(rank):
    if rank is None:
        return 0
    return PREFERENCE_POINTS.get(rank, PREFERENCE_LATER_POINTS)


def score(candidate, *, criteria, composition, preference_rank=None, explain=True):
    """(total, [Points]) of one eligible candidate under the criteria ticked; without
    `explain`, the points carry no "why" (ranking a thousand candidates needs only the totals:
    the page explains the rows it shows)."""
    points = []
    active = criteria.active
    if "region" in active:
        match = candidate.region == criteria.region
        points.append(Points("region", REGION_POINTS if match else 0, ""))  # the row shows the region
    if "expertise" in active:
        expertise = normalised(candidate.expertise)
        found = [word for word, plain in criteria.plain_keywords if plain in expertise]
        points.append(Points("expertise", EXPERTISE_POINTS * len(found), ", ".join(found) if explain else ""))
    if "preference" in active:
        why = ""
        if explain:
            why = (
                _("choice no. %(rank)s") % {"rank": preference_rank} if preference_rank else _("no wish for this body")
            )
        points.append(Points("preference", preference_points(preference_rank), why))
    gap_change, diversity_gain = parity_gain(composition, gender=candidate.gender, diversity=candidate.diversity)
    if "parity" in active:
        why = ""
        if explain:
            after = composition.with_member(gender=candidate.gender, diversity=candidate.diversity)
            why = _("gap %(before)s → %(after)s") % {"before": composition.gap, "after": after.gap}
        points.append(Points("parity", PARITY_POINTS * gap_change, why))
    if "diversity" in active:
        why = _("first appointee reflecting diversity") if diversity_gain and explain else ""
        points.append(Points("diversity", DIVERSITY_POINTS * diversity_gain, why))
    return sum(p.points for p in points), points


def _tie_order(row):
    candidate = row.candidate
    return (
        -row.score,
        candidate.received_on,
        candidate.consent_on,
        normalised(candidate.last_name),
        normalised(candidate.first_name),
        candidate.pk,
    )


def rank(candidates, body, *, criteria, composition, on, links, sitting, preferences, explain=None):
    """([Ranked] best first, [Excluded] by name) of `candidates` for `body` on `on`; the first
    `explain` ranked rows (all when None) carry the why of their points.

    links: {candidate id: [CandidateLink]}; sitting: {candidate id: {body id}};
    preferences: {candidate id: rank of `body` among their wishes}."""
    ranked, excluded = [], []
    for candidate in candidates:
        reasons = eligibility.exclusion_reasons(
            candidate,
            body,
            links=links.get(candidate.pk, ()),
            sitting_body_ids=sitting.get(candidate.pk, set()),
            today=on,
        )
        if reasons:
            excluded.append(Excluded(candidate, reasons))
            continue
        total, points = score(
            candidate,
            criteria=criteria,
            composition=composition,
            preference_rank=preferences.get(candidate.pk),
            explain=explain is None,
        )
        after = composition.with_member(gender=candidate.gender, diversity=candidate.diversity)
        ranked.append(Ranked(candidate, total, points, after))
    ranked.sort(key=_tie_order)
    for row in ranked[:explain] if explain is not None else ():
        _total, row.points = score(
            row.candidate, criteria=criteria, composition=composition, preference_rank=preferences.get(row.candidate.pk)
        )
    excluded.sort(
        key=lambda row: (normalised(row.candidate.last_name), normalised(row.candidate.first_name), row.candidate.pk)
    )
    return ranked, excluded


def body_composition(body, on):
    """The Office's appointees holding a current term on `body` on `on` (one query)."""
    members = (
        Term.objects.filter(eligibility.current_terms_filter(on), seat__body=body)
        .values_list("candidate_id", "candidate__gender", "candidate__diversity")
        .order_by()
        .distinct()
    )
    return composition_of((gender, diversity) for _pk, gender, diversity in members)


def seat_terms(seat, since):
    """The seat's terms still running on or after `since`, first first (one query)."""
    return list(
        Term.objects.filter(seat=seat, ends_on__gte=since)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=since))
        .select_related("candidate")
        .order_by("starts_on", "pk")
    )


def holder_on(terms, day):
    """The term of `terms` holding the seat on `day`, else None."""
    return next((term for term in terms if term.starts_on <= day <= term.last_day), None)


def vacancy_from(terms, day):
    """The first day from `day` on that no term of `terms` covers."""
    for term in terms:
        if term.starts_on <= day <= term.last_day:
            day = term.last_day + timedelta(days=1)
    return day


CANDIDATE_FIELDS = (
    "first_name", "last_name", "region", "expertise", "gender", "diversity",
    "received_on", "consent_on", "status", "purged_at",
)  # fmt: skip


def bank_candidates(body, on):
    """Every candidate in the bank, with the ranked wish for `body` and the bodies they sit
    on that day (one query; the fields the ranking and the page read)."""
    wish = BoardPreference.objects.filter(candidate=OuterRef("pk"), body=body).values("rank")[:1]
    sitting = (
        Term.objects.filter(eligibility.current_terms_filter(on), candidate=OuterRef("pk"))
        .values("candidate")
        .annotate(bodies=ArrayAgg("seat__body_id"))
        .values("bodies")
    )
    return (
        Candidate.objects.filter(status=CandidacyStatus.IN_BANK, purged_at__isnull=True)
        .only(*CANDIDATE_FIELDS)
        .annotate(wish_rank=Subquery(wish), sitting_bodies=Subquery(sitting))
        .order_by("pk")
    )


def order_links(body):
    """{candidate id: [their declared links with the body's order]} for the bank (one query):
    the only links `eligibility.exclusion_reasons()` reads for this body."""
    if not body.order_id:
        return {}
    links = {}
    rows = CandidateLink.objects.filter(
        order_id=body.order_id, candidate__status=CandidacyStatus.IN_BANK, candidate__purged_at__isnull=True
    ).order_by("pk")
    for link in rows:
        links.setdefault(link.candidate_id, []).append(link)
    return links


def match_seat(seat, *, criteria, on=None, today=None, explain=None):
    """The matching of `seat` (its body and the body's order loaded with it) on `on` (by
    default the seat's next vacancy: today, or the day after its holder's term): the
    composition, the ranked and the excluded candidates, the seat's holder and its pending
    proposals; the first `explain` ranked rows (all when None) say why of their points. Five
    queries whatever the size of the bank (the seat is the caller's)."""
    today = today or timezone.localdate()
    body = seat.body
    terms = seat_terms(seat, min(on or today, today))
    on = on or vacancy_from(terms, today)
    composition = body_composition(body, on)
    candidates = list(bank_candidates(body, on))
    ranked, excluded = rank(
        candidates,
        body,
        criteria=criteria,
        composition=composition,
        on=on,
        links=order_links(body),
        sitting={c.pk: set(c.sitting_bodies or ()) for c in candidates},
        preferences={c.pk: c.wish_rank for c in candidates if c.wish_rank is not None},
        explain=explain,
    )
    pending = list(
        Proposal.objects.filter(seat=seat, status=ProposalStatus.PENDING)
        .select_related("candidate", "proposed_by")
        .order_by("pk")
    )
    proposed = {p.candidate_id for p in pending}
    for row in ranked:
        row.proposed = row.candidate.pk in proposed
    return Matching(
        seat=seat,
        on=on,
        criteria=criteria,
        composition=composition,
        ranked=ranked,
        excluded=excluded,
        holder=holder_on(terms, on),
        vacancy=vacancy_from(terms, max(on, today)),
        pending=pending,
    )
