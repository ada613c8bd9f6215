"""Administrators' pages timed by `make bench`: the home and its dashboards, the candidate
list, the candidate with the most declarations, the vacancies (selectors.vacancies, as the
home's counts), the bodies' list, the busiest board, the matching for the first vacant seat
(every candidate of the bank ranked or excluded) and the allowances' payment export of the
fiscal year."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from administrateurs.eligibility import current_terms_filter
from administrateurs.models import Body, Candidate, Seat, Term
from administrateurs.seed.demo import OFFICER
from opq_intranet.core.calendar import fiscal_year, fiscal_year_of
from opq_intranet.core.registry.bench import Scenario, register


def _busiest_body():
    body = Body.objects.annotate(n=Count("seats__terms")).order_by("-n", "pk").first()
    return reverse("administrateurs:body_detail", args=[body.pk])


def _busiest_candidate():
    candidate = Candidate.objects.annotate(n=Count("preferences") + Count("terms")).order_by("-n", "pk").first()
    return reverse("administrateurs:candidate_detail", args=[candidate.pk])


def _matching():
    held = Term.objects.filter(current_terms_filter(timezone.localdate())).values("seat")
    seat = Seat.objects.filter(is_active=True).exclude(pk__in=held).order_by("pk").first() or Seat.objects.first()
    query = "by_parity=on&by_preference=on&by_diversity=on&by_region=on&region=06&by_expertise=on&keywords=gouvernance"
    return f"{reverse('administrateurs:seat_matching', args=[seat.pk])}?{query}"


def _allowances_export():
    start, end = fiscal_year(fiscal_year_of(timezone.localdate()))
    return f"{reverse('administrateurs:allowances')}?start={start}&end={end}&export=csv"


SCENARIOS = (
    ("home", "Administrateurs : accueil et tableaux de bord", lambda: reverse("administrateurs:index")),
    ("candidate_list", "Administrateurs : candidats", lambda: reverse("administrateurs:candidate_list")),
    ("candidate", "Administrateurs : un candidat", _busiest_candidate),
    ("vacancies", "Administrateurs : sièges vacants", lambda: reverse("administrateurs:vacancy_list")),
    ("body_list", "Administrateurs : instances", lambda: reverse("administrateurs:body_list")),
    ("body", "Administrateurs : une instance", _busiest_body),
    ("matching", "Administrateurs : jumelage pour un siège", _matching),
    ("allowances_export", "Administrateurs : export des allocations (exercice)", _allowances_export),
)

for key, label, url in SCENARIOS:
    register(Scenario(key=f"administrateurs.{key}", label=label, url=url, username=OFFICER, order=30))
