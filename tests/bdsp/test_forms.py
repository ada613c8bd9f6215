"""A year's form: built from the regulation, copied, opened and then frozen."""

import pytest
from django.core.exceptions import ValidationError

from bdsp import regulation, selectors, services
from bdsp.choices import YearStatus
from bdsp.models import Indicator, ReportingYear

pytestmark = pytest.mark.django_db


def test_the_regulations_form(draft_form):
    form = selectors.form_definition(draft_form)
    assert [s.code for s, _indicators in form.sections] == ["permis", "tableau", "discipline", "finances"]
    assert len(form.indicators) == sum(len(rows) for *_x, rows in regulation.SECTIONS)
    assert len(form.rules) == len(regulation.RULES)
    by_region = form.indicators["membres-region"]
    assert len(by_region.keys) == 18  # the 17 administrative regions and "outside Quebec"
    assert by_region.key_label("06") == "Montréal"
    assert form.indicators["part-femmes"].is_derived


def test_copying_a_year_copies_everything(draft_form):
    copy = services.form_copy(source=draft_form, year=2026)
    original = selectors.form_definition(draft_form)
    copied = selectors.form_definition(copy)
    assert list(copied.indicators) == list(original.indicators)
    assert [r.code for r in copied.rules] == [r.code for r in original.rules]
    assert copied.indicators["radiations"].keys == original.indicators["radiations"].keys
    assert copy.copied_from == draft_form
    assert copy.status == YearStatus.PREPARATION


def test_a_year_cannot_exist_twice(draft_form):
    with pytest.raises(ValidationError):
        services.form_copy(source=draft_form, year=2025)


def test_opening_freezes_the_year(draft_form, analyst):
    opened = services.form_open(reporting_year=draft_form, user=analyst)
    assert opened.status == YearStatus.OPEN and opened.is_frozen
    assert opened.opened_by == analyst
    with pytest.raises(ValidationError):
        services.form_open(reporting_year=opened, user=analyst)


def test_a_form_with_a_broken_formula_does_not_open(draft_form, analyst):
    Indicator.objects.filter(reporting_year=draft_form, code="part-femmes").update(
        formula="100 * inconnu / membres_fin"
    )
    with pytest.raises(ValidationError, match="inconnu"):
        services.form_open(reporting_year=draft_form, user=analyst)
    assert ReportingYear.objects.get(pk=draft_form.pk).status == YearStatus.PREPARATION


def test_form_definition_costs_a_constant_number_of_queries(draft_form, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        selectors.form_definition(draft_form)
