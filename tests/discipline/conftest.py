"""People of the disciplinary app: a clerk of the Bureau, chairs (one the senior chair), and a
council with its members."""

import pytest

from discipline.models import Case
from opq_intranet.accounts.roles import Role
from tests.discipline.factories import ChairFactory, CouncilFactory, MemberFactory
from tests.factories import UserFactory


@pytest.fixture
def clerk(db):
    """A clerk of the Bureau des présidents (the role, no chair in the directory)."""
    return UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Sylvie", last_name="Gagnon")


@pytest.fixture
def chair_user(db):
    return UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Pierre", last_name="Lemieux")


@pytest.fixture
def chair(chair_user):
    return ChairFactory(user=chair_user, first_name="Pierre", last_name="Lemieux")


@pytest.fixture
def other_chair_user(db):
    return UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Anne", last_name="Fortin")


@pytest.fixture
def other_chair(other_chair_user):
    return ChairFactory(user=other_chair_user, first_name="Anne", last_name="Fortin")


@pytest.fixture
def senior_chair(db):
    user = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Marie-Josée", last_name="Corriveau")
    return ChairFactory(user=user, first_name="Marie-Josée", last_name="Corriveau", is_senior=True)


@pytest.fixture
def council(db):
    return CouncilFactory(number=26)


@pytest.fixture
def members(council):
    return [MemberFactory(council=council, last_name="Bergeron"), MemberFactory(council=council, last_name="Roy")]


def fresh(case):
    return Case.objects.get(pk=case.pk)
