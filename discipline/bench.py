"""Disciplinary pages timed by `make bench`: the case list, a case, the day's roll, the month,
the art. 115.8 compilation of the fiscal year, the yearly report and the reconciliation."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from discipline.models import Case, Hearing
from discipline.seed.demo import CLERK
from discipline.selectors import fiscal_year_of
from opq_intranet.core.registry.bench import Scenario, register


def _busiest_case():
    case = Case.objects.annotate(n=Count("hearings")).order_by("-n", "-pk").first()
    return reverse("discipline:case_detail", args=[case.pk])


def _busiest_day():
    hearing = Hearing.objects.order_by("-starts_at").first()
    day = timezone.localtime(hearing.starts_at).date() if hearing else timezone.localdate()
    return reverse("discipline:roll") + f"?day={day.isoformat()}"


def _last_closed_year():
    return fiscal_year_of(timezone.localdate()) - 1


SCENARIOS = (
    ("case_list", "Discipline : liste des dossiers", lambda: reverse("discipline:case_list")),
    ("case", "Discipline : un dossier", _busiest_case),
    ("roll", "Discipline : rôle d'une journée", _busiest_day),
    ("month", "Discipline : audiences du mois", lambda: reverse("discipline:month")),
    ("compilation", "Discipline : compilation de l'art. 115.8", lambda: reverse("discipline:compilation")),
    (
        "yearly_report",
        "Discipline : rapport annuel",
        lambda: reverse("discipline:yearly_report") + f"?year={_last_closed_year()}",
    ),
    (
        "reconciliation",
        "Discipline : rapprochement avec la BDSP",
        lambda: reverse("discipline:reconciliation") + f"?year={_last_closed_year()}",
    ),
)

for key, label, url in SCENARIOS:
    register(Scenario(key=f"discipline.{key}", label=label, url=url, username=CLERK, order=40))
