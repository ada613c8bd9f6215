"""Query counts of the spaces' pages, each the same with 10 rows as with 100 (spaces, files,
members) and within DESIGN.md's 12; recorded in tests/querycounts/exchange.json."""

import pytest
from django.urls import reverse

from documents.exchange.choices import MemberAccess
from opq_intranet.accounts.roles import Role
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, stored_pdf
from tests.factories import UserFactory, order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

BUDGET = 12


def test_the_list_of_spaces(make_client, partner, assert_constant_queries):
    make_rows = up_to(lambda count: ExchangeSpaceFactory.create_batch(count, professional_order=order("infirmieres")))
    url = reverse("exchange:space_list")
    assert_constant_queries("exchange:space_list", make_client(partner), url, make_rows, at_most=BUDGET)


def test_the_list_of_spaces_for_staff(make_client, unit_member, assert_constant_queries):
    make_rows = up_to(lambda count: ExchangeSpaceFactory.create_batch(count))
    url = reverse("exchange:space_list")
    assert_constant_queries(
        "exchange:space_list", make_client(unit_member), url, make_rows, variant="staff", at_most=BUDGET
    )


def files_in(space, user, folder=None):
    numbers = iter(range(1, 1000))
    return up_to(
        lambda count: [
            stored_pdf(space=space, folder=folder, user=user, name=f"piece-{next(numbers)}.pdf") for _ in range(count)
        ]
    )


def test_a_space_with_its_files(make_client, space, unit_member, partner, assert_constant_queries):
    FolderFactory.create_batch(3, space=space)
    space.members.create(user=UserFactory(roles=[Role.STAFF]), access=MemberAccess.READ)
    url = space.get_absolute_url()
    make_rows = files_in(space, unit_member)
    assert_constant_queries(
        "exchange:space_detail", make_client(partner), url, make_rows, per_page=False, at_most=BUDGET
    )


def test_a_space_for_its_unit(make_client, space, unit_member, assert_constant_queries):
    url = space.get_absolute_url()
    assert_constant_queries(
        "exchange:space_detail",
        make_client(unit_member),
        url,
        files_in(space, unit_member),
        per_page=False,
        variant="staff",
        at_most=BUDGET,
    )


def test_a_folder_with_its_files(make_client, space, unit_member, partner, assert_constant_queries):
    folder = FolderFactory(space=space, parent=FolderFactory(space=space))
    FolderFactory.create_batch(2, space=space, parent=folder)
    url = reverse("exchange:folder_detail", args=[space.pk, folder.pk])
    assert_constant_queries(
        "exchange:folder_detail",
        make_client(partner),
        url,
        files_in(space, unit_member, folder),
        per_page=False,
        at_most=BUDGET,
    )


def test_the_members_page(make_client, space, unit_member, assert_constant_queries):
    make_rows = up_to(
        lambda count: [
            space.members.create(user=UserFactory(roles=[Role.STAFF]), access=MemberAccess.READ) for _ in range(count)
        ]
    )
    url = reverse("exchange:member_list", args=[space.pk])
    assert_constant_queries(
        "exchange:member_list", make_client(unit_member), url, make_rows, per_page=False, at_most=BUDGET
    )


def test_the_history_of_a_space(make_client, space, unit_member, assert_query_count):
    client = make_client(unit_member)
    url = reverse("exchange:space_history", args=[space.pk])
    client.get(url)
    with assert_query_count("exchange:space_history", at_most=BUDGET):
        assert client.get(url).status_code == 200
