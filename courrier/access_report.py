"""The yearly report on access requests: how many, decided how, under which articles, and the
share answered within the deadline in force (the extended one when the deadline was extended)."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Func, Q

from courrier.choices import AccessDecision
from courrier.models import AccessRequest


@dataclass
class YearReport:
    year: int
    received: int = 0
    answered: int = 0
    in_time: int = 0
    extended: int = 0
    by_decision: list = field(default_factory=list)  # [(label, count)]
    by_article: list = field(default_factory=list)  # [(article, count)]
    reviews: int = 0

    @property
    def in_time_share(self):
        return round(100 * self.in_time / self.answered, 1) if self.answered else None


class Unnest(Func):
    function = "unnest"


def year_report(year):
    """Four queries, whatever the volume."""
    requests = AccessRequest.objects.filter(received_on__year=year)
    totals = requests.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(decided_on__isnull=False)),
        extended=Count("pk", filter=Q(extended_on__isnull=False)),
        in_time=Count(
            "pk",
            filter=Q(decided_on__isnull=False)
            & (
                Q(extended_deadline__isnull=True, decided_on__lte=F("deadline"))
                | Q(extended_deadline__isnull=False, decided_on__lte=F("extended_deadline"))
            ),
        ),
        reviews=Count("reviews", distinct=True),
    )
    counts = dict(requests.exclude(decision="").values_list("decision").annotate(n=Count("pk")))
    by_decision = [(choice.label, counts.get(choice.value, 0)) for choice in AccessDecision]
    articles = (
        requests.annotate(article=Unnest("articles"))
        .values_list("article")
        .annotate(n=Count("pk"))
        .order_by("-n", "article")
    )
    return YearReport(year=year, by_decision=by_decision, by_article=list(articles), **totals)
