"""A disposition list always has someone who can act on it: the unit's manager validates it,
else the records manager; the list's page names who must act now, they are notified, and
"Mon travail" lists the lists waiting for them."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from documents import selectors, services
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.notifications import open_notifications_for
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FakeRequest:
    def __init__(self, user):
        self.user = user


def my_lists(request):
    from documents.dashboard import my_lists as panel

    return panel(request)


def queue(person):
    return [(n.key, n.target) for n in open_notifications_for(person).items]


@pytest.fixture
def dsa():
    return OrgUnit.objects.get(code="dsa")


@pytest.fixture
def contracts(dsa):
    """Contracts: 1 year active + 2 semi-active from closing, then destroyed."""
    rule = RetentionRuleFactory(number="3706", title="Contrats")
    rule.holding_units.add(dsa)
    CopyRuleFactory(rule=rule, medium="digital", active_period=1, semi_active_period=2, final_disposal="D")
    return RecordClassFactory(code="3706", title="Contrats", retention_rule=rule)


@pytest.fixture
def dsa_list(contracts, dsa, records_manager, django_capture_on_commit_callbacks):
    """A destruction list of the DSA, just generated (its emails sent)."""
    for _n in range(2):
        record_file = RecordFileFactory(
            record_class=contracts, org_unit=dsa, opened_on=date(2013, 2, 1), medium="digital"
        )
        services.file_close(record_file=record_file, user=records_manager, closed_on=date(2014, 1, 31))

    def make():
        with django_capture_on_commit_callbacks(execute=True):
            return services.disposition_list_generate(
                kind="destruction", org_unit=dsa, due_on=date(2024, 1, 1), user=records_manager
            )

    return make


def test_a_unit_without_a_manager_has_its_list_validated_by_the_records_manager(
    make_client, dsa_list, records_manager, dsa
):
    second_manager = UserFactory(roles=[Role.STAFF, Role.RECORDS], first_name="Pierre", last_name="Poulin")
    clerk = UserFactory(roles=[Role.STAFF], org_unit=dsa)  # staff of the unit, not its manager
    disposition_list = dsa_list()
    for person in (records_manager, second_manager):
        assert queue(person) == [("documents.disposition_to_validate", disposition_list)]
    assert queue(clerk) == []
    assert {m.to[0] for m in mail.outbox} >= {records_manager.email, second_manager.email}
    page = make_client(records_manager).get(disposition_list.get_absolute_url()).text
    assert "À valider par :" in page and "Geneviève Gagnon" in page and "Pierre Poulin" in page
    assert "Valider la liste" in page
    assert "Valider la liste" not in make_client(clerk).get(disposition_list.get_absolute_url()).text
    with pytest.raises(PermissionDenied):
        services.disposition_list_validate(disposition_list=disposition_list, user=clerk)
    services.disposition_list_validate(disposition_list=disposition_list, user=records_manager)
    disposition_list.refresh_from_db()
    assert disposition_list.status == "validated"
    assert queue(second_manager) == [("documents.disposition_to_approve", disposition_list)]


def test_the_units_manager_validates_is_notified_and_named(
    make_client, dsa_list, records_manager, dsa, django_capture_on_commit_callbacks
):
    director = UserFactory(roles=[Role.STAFF], org_unit=dsa, first_name="Hélène", last_name="Lefebvre")
    clerk = UserFactory(roles=[Role.STAFF], org_unit=dsa)
    dsa.manager = director
    dsa.save()
    disposition_list = dsa_list()
    assert queue(director) == [("documents.disposition_to_validate", disposition_list)]
    assert queue(records_manager) == queue(clerk) == []
    assert [m.to for m in mail.outbox] == [[director.email]]
    page = make_client(clerk).get(disposition_list.get_absolute_url()).text
    assert "À valider par :" in page and "Hélène Lefebvre" in page
    assert "Valider la liste" not in page  # the unit's staff see it, its manager validates it
    with pytest.raises(PermissionDenied):
        services.disposition_list_validate(disposition_list=disposition_list, user=clerk)
    with pytest.raises(PermissionDenied):  # the unit has a manager: the records manager does not validate
        services.disposition_list_validate(disposition_list=disposition_list, user=records_manager)
    client = make_client(director)
    assert "Valider la liste" in client.get(disposition_list.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("documents:disposition_validate", args=[disposition_list.pk])).status_code == 302
    assert queue(director) == []
    assert queue(records_manager) == [("documents.disposition_to_approve", disposition_list)]
    page = client.get(disposition_list.get_absolute_url()).text
    assert "À approuver par :" in page and "Geneviève Gagnon" in page
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    assert queue(records_manager) == [("documents.disposition_to_process", disposition_list)]
    assert "À traiter par :" in client.get(disposition_list.get_absolute_url()).text


def test_an_inactive_manager_hands_the_validation_to_the_records_manager(dsa_list, records_manager, dsa):
    director = UserFactory(roles=[Role.STAFF], org_unit=dsa, is_active=False)
    dsa.manager = director
    dsa.save()
    disposition_list = dsa_list()
    assert queue(records_manager) == [("documents.disposition_to_validate", disposition_list)]
    services.disposition_list_validate(disposition_list=disposition_list, user=records_manager)


def test_a_manager_of_another_unit_sees_and_validates_the_list(make_client, dsa_list, dsa):
    """A unit's manager need not be one of its staff (an interim director)."""
    interim = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="sg"))
    dsa.manager = interim
    dsa.save()
    disposition_list = dsa_list()
    client = make_client(interim)
    assert client.get(disposition_list.get_absolute_url()).status_code == 200
    assert client.post(reverse("documents:disposition_validate", args=[disposition_list.pk])).status_code == 302


def test_mon_travail_lists_the_lists_waiting_for_the_person(
    make_client, dsa_list, records_manager, dsa, django_assert_num_queries
):
    director = UserFactory(roles=[Role.STAFF], org_unit=dsa)
    clerk = UserFactory(roles=[Role.STAFF], org_unit=dsa)
    dsa.manager = director
    dsa.save()
    disposition_list = dsa_list()
    page = make_client(director).get(reverse("core:dashboard")).text
    assert "Listes de disposition à traiter" in page
    assert disposition_list.reference in page and "à valider" in page
    assert disposition_list.reference not in make_client(clerk).get(reverse("core:dashboard")).text
    assert disposition_list.reference not in make_client(records_manager).get(reverse("core:dashboard")).text
    for person in (director, records_manager):
        person.has_perm("documents.manage_plan")  # as on any page: the menu loaded the permissions
    with django_assert_num_queries(1):
        assert [entry.disposition_list for entry in my_lists(FakeRequest(director))["entries"]] == [disposition_list]

    services.disposition_list_validate(disposition_list=disposition_list, user=director)
    assert my_lists(FakeRequest(director))["entries"] == []
    page = make_client(records_manager).get(reverse("core:dashboard")).text
    assert disposition_list.reference in page and "à approuver" in page
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    assert "à traiter" in make_client(records_manager).get(reverse("core:dashboard")).text
    with django_assert_num_queries(1):
        [entry] = my_lists(FakeRequest(records_manager))["entries"]
    assert entry.disposition_list == disposition_list
    services.disposition_list_cancel(disposition_list=disposition_list, user=records_manager)
    assert my_lists(FakeRequest(records_manager))["entries"] == []


def test_a_records_manager_sees_the_lists_of_units_without_a_manager_to_validate(dsa_list, records_manager):
    disposition_list = dsa_list()
    [entry] = my_lists(FakeRequest(records_manager))["entries"]
    assert (entry.disposition_list, entry.step) == (disposition_list, "validate")


@pytest.fixture
def seeded(db):
    from documents.seed import generate_plan, generate_records
    from opq_intranet.core.seed import generate as accounts

    accounts("demo", log=lambda message: None)
    generate_plan("demo", log=lambda message: None)
    generate_records("demo", log=lambda message: None)


def test_the_demo_has_someone_to_act_on_every_list(seeded):
    from documents.models import RecordFile

    units = OrgUnit.objects.filter(pk__in=RecordFile.objects.values("org_unit")).select_related("manager")
    assert units.exists()
    for unit in units:
        validators, by_records_manager = selectors.list_validators(unit)
        assert validators, unit.code
        assert all(person.is_active and person.is_office_staff for person in validators)
    dsa = OrgUnit.objects.select_related("manager").get(code="dsa")
    validators, by_records_manager = selectors.list_validators(dsa)
    assert not by_records_manager  # the Direction des services administratifs has its own demo manager
    assert [person.org_unit.code for person in validators] == ["dsa"]
    assert selectors.list_approvers()
