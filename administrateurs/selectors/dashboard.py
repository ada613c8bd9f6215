"""The figures of the app's home for bodies, seats and terms: vacancies now, within 6 and
12 months; terms ending within the notice period; the parity of the Office's appointees on
each board and overall (art. 78.1), as bar charts with their tables; the share of boards
where the Office's seats filled reach art. 78's minimum. Four queries, whatever the number of
bodies and terms (the candidacies' counts are `by_status`)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from administrateurs.choices import BodyKind, CandidacyStatus, Gender
from administrateurs.models import Body
from administrateurs.parity import Composition
from administrateurs.selectors.bodies import compositions, minimum_of
from administrateurs.selectors.terms import terms_ending
from administrateurs.selectors.vacancies import DEFAULT_HORIZON, HORIZON_LABELS, vacancy_counts

SHOWN = 20


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Chart:
    """A chart for static/js/bar-charts.js (the inventory's home draws its charts the same way)."""

    key: str
    title: str
    bars: list

    @property
    def source(self):
        return f"chart-{self.key}"

    @property
    def data(self):
        return {
            "title": self.title,
            "labels": [bar.label for bar in self.bars],
            "data": [bar.count for bar in self.bars],
            "links": [bar.url for bar in self.bars],
        }


@dataclass(frozen=True)
class BoardParity:
    body: Body
    composition: Composition
    minimum: int
    minimum_met: bool

    @property
    def women_percent(self):
        share = self.composition.women_share
        return None if share is None else round(100 * share)


def _appointees_url(**filters):
    return f"{reverse('administrateurs:candidate_list')}?{urlencode({'status': CandidacyStatus.APPOINTED, **filters})}"


def dashboard(today=None):
    today = today or timezone.localdate()
    counts = vacancy_counts(today)
    vacancies_url = reverse("administrateurs:vacancy_list")
    ending = list(terms_ending(today)[: SHOWN + 1])
    boards = list(Body.objects.filter(kind=BodyKind.BOARD, is_active=True).select_related("order").order_by("name"))
    by_body = compositions(today, Body.objects.filter(kind=BodyKind.BOARD, is_active=True))
    parities = []
    for board in boards:
        composition = by_body.get(board.pk, Composition())
        minimum, met = minimum_of(board, composition)
        parities.append(BoardParity(board, composition, minimum, met))
    overall = Composition(
        **{
            field: sum(getattr(p.composition, field) for p in parities)
            for field in ("women", "men", "other", "undeclared", "diversity")
        }
    )
    met = sum(p.minimum_met for p in parities)
    women_share = Chart(
        "women-share",
        _("Women among the Office's appointees, by board (%)"),
        [
            Bar(str(p.body.order or p.body), p.women_percent, p.body.get_absolute_url())
            for p in parities
            if p.composition.total
        ],
    )
    overall_chart = Chart(
        "parity-overall",
        _("The Office's appointees on the boards, by gender"),
        [
            Bar(str(Gender.WOMAN.label), overall.women, _appointees_url(gender=Gender.WOMAN)),
            Bar(str(Gender.MAN.label), overall.men, _appointees_url(gender=Gender.MAN)),
            Bar(str(Gender.OTHER.label), overall.other, _appointees_url(gender=Gender.OTHER)),
            Bar(str(Gender.UNDECLARED.label), overall.undeclared, _appointees_url()),
        ],
    )
    return {
        "vacancies": [
            Bar(
                str(label),
                counts[horizon],
                vacancies_url if horizon == DEFAULT_HORIZON else f"{vacancies_url}?{urlencode({'horizon': horizon})}",
            )
            for horizon, label in HORIZON_LABELS
        ],
        "terms_ending": ending[:SHOWN],
        "more_terms_ending": len(ending) > SHOWN,
        "notice_days": settings.ADMINISTRATEURS_TERM_NOTICE_DAYS,
        "board_parity": parities,
        "overall": overall,
        "parity_charts": [overall_chart, women_share],
        "boards_meeting_minimum": met,
        "boards_count": len(parities),
        "boards_meeting_share": round(100 * met / len(parities)) if parities else None,
    }
