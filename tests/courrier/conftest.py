"""People of the mail app: the mail room, a unit's staff, someone of another unit."""

import pytest

from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.factories import UserFactory


@pytest.fixture
def legal():
    return OrgUnit.objects.get(code="daj")


@pytest.fixture
def mail_clerk(db):
    """The mail room (Courrier role): registers, routes, closes; handles access requests."""
    return UserFactory(
        roles=[Role.STAFF, Role.MAIL], org_unit=OrgUnit.objects.get(code="sgd"), first_name="Nathalie", last_name="Roy"
    )


@pytest.fixture
def lawyer(legal):
    return UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")


@pytest.fixture
def colleague(legal):
    """Another person of the same unit."""
    return UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Marc", last_name="Gagné")


@pytest.fixture
def outsider(db):
    """Staff of another unit."""
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dcom"))
