"""Query counts of the core detail pages with many related rows: the same with 10 as with 100,
and the count tests/core/test_views.py measures without them (tests/querycounts/core.json)."""

import pytest
from django.urls import reverse

from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit, ProfessionalOrder
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def test_a_unit_with_its_members(make_client, staff_user, assert_constant_queries):
    unit = OrgUnit.objects.get(code="dsa")
    make_rows = up_to(lambda count: UserFactory.create_batch(count, org_unit=unit, roles=[Role.STAFF]))
    url = reverse("core:unit_detail", args=[unit.pk])
    assert_constant_queries("core:unit_detail", make_client(staff_user), url, make_rows, per_page=False)


def changes(order):
    """make_rows: that many changes to the order, each one a history entry (database triggers)."""
    numbers = iter(range(1, 1000))

    def change(count):
        for _n in range(count):
            ProfessionalOrder.objects.filter(pk=order.pk).update(website=f"https://ordre.example/{next(numbers)}")

    return up_to(change)


@pytest.mark.parametrize("url_name", ["core:order_detail", "core:order_history"])
def test_an_order_with_its_changes(make_client, staff_user, url_name, assert_constant_queries):
    """Changes made by someone: one more query than the data migration's entries (their authors)."""
    order = ProfessionalOrder.objects.first()
    url = reverse(url_name, args=[order.pk])
    client = make_client(staff_user)
    assert_constant_queries(url_name, client, url, changes(order), per_page=False, variant="changed")
