"""Who is a member of a space, and what the selectors let each person see."""

import pytest

from documents.exchange import permissions, selectors
from documents.exchange.choices import MemberAccess
from tests.exchange.factories import ExchangeSpaceFactory, SpaceMemberFactory, stored_pdf

pytestmark = pytest.mark.django_db


def test_the_owner_units_staff_and_the_orders_users_are_members(space, unit_member, partner):
    assert permissions.access_of(unit_member, space) == MemberAccess.WRITE
    assert permissions.access_of(partner, space) == MemberAccess.WRITE
    assert list(selectors.spaces_visible_to(unit_member)) == [space]
    assert list(selectors.spaces_visible_to(partner)) == [space]


def test_nobody_else_sees_the_space(space, other_staff, other_partner, staff_without_role, organisation_partner):
    for person in (other_staff, other_partner, staff_without_role, organisation_partner):
        assert permissions.access_of(person, space) is None
        assert not selectors.spaces_visible_to(person).exists()


def test_a_member_row_names_another_units_person_or_limits_a_partner(space, other_staff, partner):
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    assert permissions.access_of(other_staff, space) == MemberAccess.READ
    assert not permissions.can_write(partner, space)
    assert list(selectors.spaces_visible_to(other_staff)) == [space]


def test_a_member_row_never_lets_a_partner_into_another_partners_space(space, other_partner):
    SpaceMemberFactory(space=space, user=other_partner, access=MemberAccess.WRITE)
    assert permissions.access_of(other_partner, space) is None
    assert not selectors.spaces_visible_to(other_partner).exists()


def test_an_organisations_users_see_its_space_only(organisation, organisation_partner, partner):
    shared = ExchangeSpaceFactory(professional_order=None, organisation=organisation)
    assert list(selectors.spaces_visible_to(organisation_partner)) == [shared]
    assert not selectors.spaces_visible_to(partner).filter(pk=shared.pk).exists()


def test_a_closed_space_is_read_only_for_the_office_and_gone_for_the_partner(space, unit_member, partner):
    space.is_active = False
    space.save()
    assert permissions.access_of(unit_member, space) == MemberAccess.READ
    assert permissions.access_of(partner, space) is None
    assert not selectors.spaces_visible_to(partner).exists()


def test_files_follow_their_space(space, unit_member, partner, other_partner):
    version = stored_pdf(space=space, user=unit_member)
    assert list(selectors.files_visible_to(partner)) == [version.shared_file]
    assert not selectors.files_visible_to(other_partner).exists()
    assert not selectors.versions_visible_to(other_partner).exists()
    space.refresh_from_db()
    assert space.used_bytes == version.stored_file.size
