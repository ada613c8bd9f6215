"""Shared fixtures: one client per kind of user the access rules distinguish."""

import pytest
from django.test import Client

from opq_intranet.accounts.roles import Role
from opq_intranet.accounts.testing import sign_in
from tests.factories import PartnerFactory, UserFactory, order
from tests.reference_data import ensure_reference_data


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A reused test database may have been emptied by a transactional test's flush."""
    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture
def reference_data(transactional_db):
    """For transactional tests: the data migrations' rows, after a previous test's flush."""
    ensure_reference_data()


@pytest.fixture(autouse=True)
def _french(settings):
    """Tests see the default language, as a user with no preference does."""
    settings.LANGUAGE_CODE = "fr-ca"


@pytest.fixture
def make_client():
    def make(user=None, *, verified=True):
        client = Client()
        if user is not None:
            sign_in(client, user, verified=verified)
        return client

    return make


@pytest.fixture
def staff_user(db):
    """A staff member with the basic Personnel role."""
    return UserFactory(roles=[Role.STAFF])


@pytest.fixture
def staff_without_role(db):
    return UserFactory(roles=[])


@pytest.fixture
def partner_user(db):
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))


@pytest.fixture
def other_partner_user(db):
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))


@pytest.fixture
def it_admin(db):
    user = UserFactory(roles=[Role.STAFF, Role.IT_ADMIN])
    user.is_staff = True
    user.is_superuser = True
    user.save()
    return user


# Exact query counts per page: assert_query_count, assert_constant_queries (tests/querycounts/).
pytest_plugins = ["tests.querycounts.plugin"]
