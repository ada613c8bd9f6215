"""The people of an exchange space with the nurses' order, owned by legal affairs (daj)."""

import os

import pytest

from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.exchange import clamav
from tests.exchange.factories import ExchangeSpaceFactory, PartnerOrganisationFactory
from tests.factories import PartnerFactory, UserFactory, order


@pytest.fixture
def space(db):
    return ExchangeSpaceFactory(name="Échanges avec l'Ordre des infirmières")


@pytest.fixture
def unit_member(db):
    """Staff of the owner unit (daj): read-write by default."""
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"), first_name="Louise")


@pytest.fixture
def other_staff(db):
    """Staff of another unit, with the role: not a member."""
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dcom"))


@pytest.fixture
def staff_without_role(db):
    return UserFactory(roles=[], org_unit=OrgUnit.objects.get(code="daj"))


@pytest.fixture
def exchange_admin(db):
    """The records manager administers every space."""
    return UserFactory(roles=[Role.STAFF, Role.RECORDS])


@pytest.fixture
def partner(db):
    """A user of the nurses' order (the space's partner)."""
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))


@pytest.fixture
def other_partner(db):
    """A user of another order."""
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))


@pytest.fixture
def organisation(db):
    return PartnerOrganisationFactory(name="Conseil interprofessionnel du Québec")


@pytest.fixture
def organisation_partner(organisation):
    return PartnerFactory(roles=[Role.PARTNER], professional_order=None, partner_organisation=organisation)


@pytest.fixture(scope="session")
def clamd_address(tmp_path_factory):
    """A private clamd for the session (tests/exchange/clamav.py): its unix socket's path.
    Skipped only where Debian's clamd is missing and cannot be installed; on CI
    (scripts/system-deps.sh installs clamav-daemon) a missing clamd fails instead."""
    if clamav.clamd_binary() is None:
        reason = "clamd is not installed: scripts/system-deps.sh (as root) installs Debian's clamav-daemon"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with clamav.Clamd(tmp_path_factory.mktemp("clamd")) as address:
        yield address
