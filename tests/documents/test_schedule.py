"""The retention schedule: a rule with its periods per copy and medium, entered by the records manager."""

import pytest
from django.urls import reverse

from documents.models import CopyRule, RetentionRule
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RetentionRuleFactory
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def rule_data(**overrides):
    data = {
        "number": "03-200",
        "title": "Dossiers des plaintes",
        "legal_references": "Code des professions, art. 12",
        "approval_status": "approved",
        "banq_approved_on": "2025-04-01",
        "copies-TOTAL_FORMS": "2",
        "copies-INITIAL_FORMS": "0",
        "copies-MIN_NUM_FORMS": "1",
        "copies-MAX_NUM_FORMS": "4",
        "copies-0-copy_kind": "principal",
        "copies-0-medium": "paper",
        "copies-0-active_period": "2",
        "copies-0-active_basis": "closing",
        "copies-0-semi_active_period": "5",
        "copies-0-final_disposal": "C",
        "copies-1-copy_kind": "secondary",
        "copies-1-medium": "paper",
        "copies-1-active_period": "1",
        "copies-1-active_basis": "closing",
        "copies-1-semi_active_period": "0",
        "copies-1-final_disposal": "D",
    }
    data.update(overrides)
    return data


def test_the_records_manager_enters_a_rule_with_its_periods(make_client, records_manager):
    unit = OrgUnitFactory()
    response = make_client(records_manager).post(
        reverse("documents:rule_create"), rule_data(holding_units=[unit.pk]), follow=True
    )
    assert "La règle 03-200 est enregistrée." in response.text
    rule = RetentionRule.objects.get(number="03-200")
    assert list(rule.holding_units.all()) == [unit]
    assert sorted(
        (c.copy_kind, c.active_period, c.semi_active_period, c.final_disposal) for c in rule.copy_rules.all()
    ) == [
        ("principal", 2, 5, "C"),
        ("secondary", 1, 0, "D"),
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"copies-0-active_period": "150"}, "Une période est un nombre d’années de 0 à 99"),
        ({"banq_approved_on": ""}, "Une règle approuvée a sa date d’approbation par BAnQ."),
        ({"copies-0-final_disposal": "T"}, "Indiquez ce qui est conservé au tri du dossier."),
        ({"copies-0-active_basis": "event"}, "Nommez l’événement à compter duquel court la période."),
        (
            {"copies-1-copy_kind": "principal"},
            "Un seul délai par exemplaire et par support : exemplaire principal sur papier est donné deux fois.",
        ),
    ],
)
def test_bad_input_says_why_in_french_and_saves_nothing(make_client, records_manager, overrides, message):
    response = make_client(records_manager).post(reverse("documents:rule_create"), rule_data(**overrides))
    assert response.status_code == 422
    assert message in response.text
    assert not RetentionRule.objects.exists()
    assert not CopyRule.objects.exists()


def test_a_rule_page_lists_its_classes(make_client, staff_user):
    rule = RetentionRuleFactory(number="04-100")
    CopyRuleFactory(rule=rule, active_period=888, semi_active_period=10, final_disposal="C")
    RecordClassFactory(code="4100", title="Conseil d'administration", retention_rule=rule)
    response = make_client(staff_user).get(reverse("documents:rule_detail", args=[rule.pk]))
    assert response.status_code == 200
    assert "4100 Conseil d&#x27;administration" in response.text
    assert "Tant que le dossier est ouvert" in response.text


def test_only_the_records_manager_changes_the_schedule(make_client, staff_user, partner_user, records_manager):
    rule = RetentionRuleFactory()
    for url in (reverse("documents:rule_create"), reverse("documents:rule_edit", args=[rule.pk])):
        assert make_client(staff_user).get(url).status_code == 403
        assert make_client(partner_user).get(url).status_code == 403
        assert make_client(records_manager).get(url).status_code == 200
    assert make_client(staff_user).post(reverse("documents:rule_create"), rule_data()).status_code == 403
    assert not RetentionRule.objects.filter(number="03-200").exists()


def test_the_schedule_filters(make_client, staff_user):
    kept = RetentionRuleFactory(number="05-100", essential=True)
    CopyRuleFactory(rule=kept, final_disposal="C")
    destroyed = RetentionRuleFactory(number="05-200")
    CopyRuleFactory(rule=destroyed, final_disposal="D")
    response = make_client(staff_user).get(reverse("documents:rule_list") + "?final_disposal=C")
    assert "05-100" in response.text and "05-200" not in response.text
    response = make_client(staff_user).get(reverse("documents:rule_list") + "?essential=true")
    assert "05-100" in response.text and "05-200" not in response.text
