import pytest

from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RetentionRuleFactory
from tests.factories import UserFactory


@pytest.fixture
def records_manager(db):
    return UserFactory(roles=[Role.STAFF, Role.RECORDS], first_name="Geneviève", last_name="Gagnon")


@pytest.fixture
def legal():
    return OrgUnit.objects.get(code="daj")


@pytest.fixture
def lawyer(legal):
    """Staff of the legal unit, and its manager: she validates its disposition lists."""
    person = UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")
    legal.manager = person
    legal.save(update_fields=["manager"])
    return person


@pytest.fixture
def outsider():
    """Staff of another unit."""
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dcom"))


@pytest.fixture
def litigation(legal):
    """Class 7200 Litiges under rule 7200: principal paper 2 + 5 from closing, C; secondary 1 + 0, D."""
    rule = RetentionRuleFactory(number="7200", title="Litiges")
    rule.holding_units.add(legal)
    CopyRuleFactory(rule=rule, medium="paper", active_period=2, semi_active_period=5, final_disposal="C")
    CopyRuleFactory(rule=rule, medium="digital", active_period=2, semi_active_period=5, final_disposal="C")
    CopyRuleFactory(rule=rule, copy_kind="secondary", medium="paper", active_period=1, semi_active_period=0)
    parent = RecordClassFactory(code="7000", title="Affaires juridiques")
    return RecordClassFactory(code="7200", title="Litiges", parent=parent, retention_rule=rule)
