"""BDSP pages timed by `make bench`: a return's edit page, the campaign, a 10-year statistic."""

from django.urls import reverse

from bdsp.models import AnnualReturn, ReportingYear
from opq_intranet.core.registry.bench import Scenario, register

ANALYST = "bdsp.bouchard"


def _open_return_of(code):
    annual_return = (
        AnnualReturn.objects.filter(professional_order__code=code).order_by("-reporting_year__year", "-version").first()
    )
    return reverse("bdsp_portal:return_detail", args=[annual_return.pk]) + "?section=tableau"


def _latest_year():
    return ReportingYear.objects.order_by("-year").first().year


def _ten_year_statistic():
    last = _latest_year()
    return reverse("bdsp:statistics") + f"?indicator=membres-fin&category=&start={last - 9}&end={last}"


register(
    Scenario(
        key="bdsp.return_edit",
        label="BDSP : déclaration (saisie)",
        url=lambda: _open_return_of("ingenieurs"),
        username="declarant.ingenieurs",
    )
)
register(
    Scenario(
        key="bdsp.campaign",
        label="BDSP : avancement de la campagne",
        url=lambda: reverse("bdsp:campaign", args=[_latest_year()]),
        username=ANALYST,
    )
)
register(
    Scenario(
        key="bdsp.statistic",
        label="BDSP : statistique sur 10 ans",
        url=_ten_year_statistic,
        username=ANALYST,
        median_budget_ms=200,  # DESIGN.md: one indicator across orders over 10 years
        p95_budget_ms=200,
    )
)
