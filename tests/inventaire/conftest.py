"""People and things of the inventory: the technician (the Inventaire role), two staff members
who hold equipment, a laptop and a chair in stock, and two rooms."""

import pytest

from inventaire.models import Asset
from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory
from tests.inventaire.factories import AssetFactory, FurnitureFactory, LocationFactory


@pytest.fixture
def technician(db):
    return UserFactory(roles=[Role.STAFF, Role.INVENTORY], first_name="Daniel", last_name="Morin")


@pytest.fixture
def holder(db):
    return UserFactory(roles=[Role.STAFF], first_name="Marie", last_name="Tremblay")


@pytest.fixture
def other_holder(db):
    return UserFactory(roles=[Role.STAFF], first_name="Luc", last_name="Poulin")


@pytest.fixture
def room(db):
    return LocationFactory(floor="10", room="10.12")


@pytest.fixture
def other_room(db):
    return LocationFactory(floor="10", room="10.14")


@pytest.fixture
def laptop(technician, room):
    return AssetFactory(tag="OPQ-000101", location=room, created_by=technician)


@pytest.fixture
def chair(technician, room):
    return AssetFactory(
        tag="OPQ-000102",
        category=FurnitureFactory(),
        manufacturer="Herman Miller",
        model_name="Aeron",
        location=room,
        created_by=technician,
    )


def fresh(asset):
    return Asset.objects.get(pk=asset.pk)
