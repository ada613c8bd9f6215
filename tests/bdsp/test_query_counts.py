"""Query counts of the BDSP pages not measured elsewhere: each the same with 10 rows as with 100,
and the one recorded in tests/querycounts/bdsp.json."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bdsp.choices import YearStatus
from bdsp.models import ReportingYear
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def test_the_yearly_forms(make_client, analyst, assert_constant_queries):
    """Each year copied from the one before, opened by the analyst: the columns the list shows."""

    def years(count):
        for _n in range(count):
            previous = ReportingYear.objects.order_by("-year").first()
            ReportingYear.objects.create(
                year=previous.year + 1 if previous else 1950,
                status=YearStatus.CLOSED,
                copied_from=previous,
                opened_at=timezone.now(),
                opened_by=analyst,
            )

    response = assert_constant_queries(
        "bdsp:year_list", make_client(analyst), reverse("bdsp:year_list"), up_to(years), per_page=False
    )
    assert response.text.count("/bdsp/annees/") >= 100
