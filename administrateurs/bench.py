"""Administrators' pages timed by `make bench` (slice h2): the home and its dashboards, the
vacancies (selectors.vacancies, as the home's counts), the bodies' list and the busiest board."""

from django.db.models import Count
from django.urls import reverse

from administrateurs.models import Body
from administrateurs.seed.demo import OFFICER
from opq_intranet.core.registry.bench import Scenario, register


def _busiest_body():
    body = Body.objects.annotate(n=Count("seats__terms")).order_by("-n", "pk").first()
    return reverse("administrateurs:body_detail", args=[body.pk])


SCENARIOS = (
    ("home", "Administrateurs : accueil et tableaux de bord", lambda: reverse("administrateurs:index")),
    ("vacancies", "Administrateurs : sièges vacants", lambda: reverse("administrateurs:vacancy_list")),
    ("body_list", "Administrateurs : instances", lambda: reverse("administrateurs:body_list")),
    ("body", "Administrateurs : une instance", _busiest_body),
)

for key, label, url in SCENARIOS:
    register(Scenario(key=f"administrateurs.{key}", label=label, url=url, username=OFFICER, order=30))
