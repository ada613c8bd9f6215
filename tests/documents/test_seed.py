"""The demo plan: realistic in size and shape, every class under a rule, every rule complete."""

from datetime import date

import pytest

from documents import selectors
from documents.models import CopyRule, RecordClass, RetentionRule
from documents.retention import FileDates, schedule_for_file
from documents.seed import generate

pytestmark = pytest.mark.django_db


def test_the_plan_has_its_size_and_every_class_takes_a_rule():
    generate("demo", log=lambda message: None)
    assert RecordClass.objects.count() > 500
    assert RetentionRule.objects.count() > 100
    items = selectors.plan_tree()
    roots = [i for i in items if i.record_class.depth == 0]
    assert all(i.rule_number for i in items if i.record_class.depth > 0)
    assert all(not i.rule_number for i in roots)
    generate("demo", log=lambda message: None)  # a second run adds nothing
    assert RecordClass.objects.count() == len(items)


def test_every_rule_gives_dates_for_both_media_and_both_copies():
    generate("demo", log=lambda message: None)
    closed = FileDates(opened_on=date(2015, 1, 10), closed_on=date(2020, 6, 15), event_on=date(2024, 2, 1))
    by_rule = {}
    for copy in CopyRule.objects.all():
        by_rule.setdefault(copy.rule_id, []).append(copy)
    for copies in by_rule.values():
        for kind in ("principal", "secondary"):
            for medium in ("paper", "digital", "hybrid"):
                schedule = schedule_for_file(copies, copy_kind=kind, medium=medium, dates=closed)
                assert schedule.disposal_on is not None, (copies[0].rule.number, kind, medium)


def test_classes_and_rules_are_found_by_the_global_search(make_client, staff_user):
    generate("demo", log=lambda message: None)
    response = make_client(staff_user).get("/recherche/?q=procès-verbaux")
    assert "Procès-verbaux et comptes rendus" in response.text
