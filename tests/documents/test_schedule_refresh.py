"""Class determines destiny: when a rule or a class's rule changes, the open files follow."""

from datetime import date

import pytest
from django.urls import reverse

from documents import services
from documents.models import RecordClass
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory

pytestmark = pytest.mark.django_db


def closed(lawyer, record_class, closed_on=date(2020, 6, 15), medium="paper"):
    record_file = RecordFileFactory(record_class=record_class, medium=medium, opened_on=date(2019, 1, 10))
    return services.file_close(record_file=record_file, user=lawyer, closed_on=closed_on)


def rule_edit_data(rule, active, semi, disposal):
    copy = rule.copy_rules.get()
    return {
        "number": rule.number,
        "title": rule.title,
        "approval_status": "approved",
        "banq_approved_on": "2025-04-01",
        "copies-TOTAL_FORMS": "1",
        "copies-INITIAL_FORMS": "1",
        "copies-MIN_NUM_FORMS": "1",
        "copies-MAX_NUM_FORMS": "4",
        "copies-0-id": copy.pk,
        "copies-0-rule": rule.pk,
        "copies-0-copy_kind": "principal",
        "copies-0-medium": "paper",
        "copies-0-active_period": str(active),
        "copies-0-active_basis": "closing",
        "copies-0-semi_active_period": str(semi),
        "copies-0-final_disposal": disposal,
    }


def test_changing_a_rule_moves_the_dates_of_its_files_and_of_inheriting_classes(
    make_client, lawyer, records_manager, litigation
):
    # Litiges (7200): paper 2 + 5 from closing, C. A subclass inherits it.
    subclass = RecordClassFactory(code="7210", title="Recours collectifs", parent=litigation)
    own = closed(lawyer, litigation)
    inherited = closed(lawyer, subclass)
    disposed = closed(lawyer, litigation)
    disposed.stage, disposed.disposal_outcome = "disposed", "transferred"
    disposed.save()
    overridden = closed(lawyer, litigation)
    services.file_override_dates(
        record_file=overridden,
        user=records_manager,
        semi_active_on=None,
        disposal_on=date(2040, 1, 1),
        reason="Litige prolongé",
    )
    assert (own.expected_semi_active_on, own.expected_disposal_on) == (date(2022, 12, 31), date(2027, 12, 31))

    rule = litigation.retention_rule
    rule.copy_rules.exclude(copy_kind="principal", medium="paper").delete()
    response = make_client(records_manager).post(
        reverse("documents:rule_edit", args=[rule.pk]), rule_edit_data(rule, active=3, semi=10, disposal="D")
    )
    assert response.status_code == 302

    for record_file in (own, inherited, overridden):
        record_file.refresh_from_db()
        # Closed 2020-06-15: 3 years active → 2023-12-31; 10 semi-active → 2033-12-31; destroyed.
        assert (record_file.expected_semi_active_on, record_file.expected_disposal_on) == (
            date(2023, 12, 31),
            date(2033, 12, 31),
        )
        assert record_file.final_disposal == "D"
    assert overridden.disposal_on == date(2040, 1, 1)  # the records manager's date stays in force
    disposed.refresh_from_db()
    assert disposed.expected_disposal_on == date(2027, 12, 31)  # a disposed file's record does not change


def test_giving_a_class_another_rule_moves_its_files_dates(lawyer, records_manager, litigation):
    record_file = closed(lawyer, litigation)
    short = RetentionRuleFactory(number="7299", title="Litiges mineurs")
    CopyRuleFactory(rule=short, medium="paper", active_period=1, semi_active_period=1, final_disposal="D")
    record_class = RecordClass.objects.get(pk=litigation.pk)
    record_class.retention_rule = short
    services.record_class_save(record_class=record_class, user=records_manager)
    record_file.refresh_from_db()
    assert (record_file.expected_semi_active_on, record_file.expected_disposal_on, record_file.final_disposal) == (
        date(2021, 12, 31),
        date(2022, 12, 31),
        "D",
    )


def test_a_rule_change_without_effect_on_dates_updates_nothing(lawyer, records_manager, litigation):
    closed(lawyer, litigation)
    assert services.files_schedule_refresh([litigation.pk]) == 0
