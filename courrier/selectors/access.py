"""Read queries of the access-to-information requests (the person responsible for access's):
the list, a request's page, the panel of deadlines, and the yearly report."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courrier import deadlines, permissions
from courrier.choices import AccessDecision, AccessRequestStatus
from courrier.models import AccessRequest, ReviewRequest


def access_requests_visible_to(user):
    """Each with its deadline in force (`AccessRequest.objects.with_deadline_in_force()`)."""
    if not permissions.handles_access_requests(user):
        return AccessRequest.objects.none()
    return AccessRequest.objects.with_deadline_in_force().select_related("mail_item__contact", "response", "handled_by")


def open_access_requests_by_deadline(user):
    """The requests being processed, the nearest deadline in force first."""
    return access_requests_visible_to(user).filter(status=AccessRequestStatus.OPEN).order_by("deadline_in_force", "pk")


def access_request_page(user, access_request, *, today=None):
    """What a request's page shows besides the request: its reviews and its deadlines."""
    today = today or timezone.localdate()
    return {
        "item": access_request.mail_item,
        "reviews": list(access_request.reviews.all()),
        "can_extend": permissions.can_extend_access_request(user, access_request, today),
        "extended_deadline": deadlines.extended_deadline(access_request.received_on),
        "review_by": deadlines.review_deadline(access_request.decided_on) if access_request.decided_on else None,
        "overdue": access_request.is_overdue,
    }


# --- The yearly report ------------------------------------------------------------------------


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

    def rows(self):
        """The report as a spreadsheet's rows (courrier:access_report's CSV and XLSX)."""
        return [
            [_("Year"), self.year],
            [_("Requests received"), self.received],
            [_("Answered"), self.answered],
            [_("Answered within the deadline"), self.in_time],
            [_("Deadline extended"), self.extended],
            [_("Requests for review"), self.reviews],
            [],
            [_("Decision"), _("Requests")],
            *[list(row) for row in self.by_decision],
            [],
            [_("Article"), _("Requests")],
            *[list(row) for row in self.by_article],
        ]


class Unnest(Func):
    function = "unnest"


def year_report(year):
    """Four queries, whatever the volume. The share answered in time uses the deadline in force
    (the extended one when the deadline was extended)."""
    requests = AccessRequest.objects.filter(received_on__year=year)
    totals = requests.with_deadline_in_force().aggregate(
        # distinct: the join with the reviews repeats a request reviewed twice.
        received=Count("pk", distinct=True),
        answered=Count("pk", distinct=True, filter=Q(decided_on__isnull=False)),
        extended=Count("pk", distinct=True, filter=Q(extended_on__isnull=False)),
        in_time=Count("pk", distinct=True, filter=Q(decided_on__isnull=False, decided_on__lte=F("deadline_in_force"))),
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


def reviews_visible_to(user):
    """The requests for review of the requests the person handles."""
    return ReviewRequest.objects.filter(access_request__in=access_requests_visible_to(user)).select_related(
        "access_request"
    )
