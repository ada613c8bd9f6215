"""The analysts' form editor: sections, indicators and rules of a year in preparation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bdsp import regulation, selectors, services
from bdsp.choices import RuleKind
from bdsp.models import Dimension, Indicator, Section, ValidationRule
from bdsp.validation import rule_parameter_problems

pytestmark = pytest.mark.django_db


def section(year, code="tableau"):
    return Section.objects.get(reporting_year=year, code=code)


def indicator(year, code):
    return Indicator.objects.get(reporting_year=year, code=code)


def add_indicator(year, user, **changes):
    arguments = {
        "section": section(year),
        "code": "membres-etudiants",
        "label": "Membres étudiants",
        "value_type": "integer",
        "dimensions": [],
    }
    arguments.update(changes)
    return services.indicator_save(reporting_year=year, user=user, **arguments)


# --- The rules' parameters ---------------------------------------------------------------------


NUMERIC = {"a", "b", "c"}


@pytest.mark.parametrize(
    ("kind", "params", "indicator_code", "problem"),
    [
        (RuleKind.REQUIRED, {}, "texte", None),  # any type can be required
        (RuleKind.RANGE, {}, "a", "min"),
        (RuleKind.RANGE, {"min": 5, "max": 1}, "a", "max"),
        (RuleKind.RANGE, {"min": 0}, "texte", "indicator"),
        (RuleKind.SUM_EQUALS, {}, "b", "indicator"),  # b has no categories
        (RuleKind.SUM_EQUALS, {"equals": "zzz"}, "a", "equals"),
        (RuleKind.BALANCE, {"plus": ["b"]}, "a", "start"),
        (RuleKind.BALANCE, {"start": "a"}, "a", "start"),  # compared with itself
        (RuleKind.BALANCE, {"start": "b", "minus": ["zzz"]}, "a", "minus"),
        (RuleKind.LESS_OR_EQUAL, {}, "a", "other"),
        (RuleKind.YEAR_OVER_YEAR, {"threshold": 0}, "a", "threshold"),
        (RuleKind.YEAR_OVER_YEAR, {"threshold": 25, "min": 1}, "a", "params"),
    ],
)
def test_each_kind_refuses_what_its_check_could_not_run_with(kind, params, indicator_code, problem):
    problems = rule_parameter_problems(
        kind, params, indicator_code=indicator_code, numeric_codes=NUMERIC, codes_with_categories={"a"}
    )
    assert (problem in problems) if problem else problems == {}
    assert all(isinstance(message, str) and message for message in problems.values())


def test_every_rule_of_the_regulation_is_well_formed(draft_form):
    for rule in ValidationRule.objects.filter(reporting_year=draft_form):
        rule.full_clean()
    assert ValidationRule.objects.filter(reporting_year=draft_form).count() == len(regulation.RULES)


# --- Services ----------------------------------------------------------------------------------


def test_analyst_adds_an_indicator_with_two_disaggregations(draft_form, analyst):
    sexe, region = Dimension.objects.get(code="sexe"), Dimension.objects.get(code="region")
    added = add_indicator(draft_form, analyst, dimensions=[region, sexe])
    definition = selectors.form_definition(draft_form)
    assert definition.indicators["membres-etudiants"].dimensions[0][0] == "region"
    assert len(added.indicatordimension_set.all()) == 2
    assert "06|f" in definition.indicators["membres-etudiants"].keys


def test_a_derived_indicator_must_read_existing_numeric_indicators(draft_form, analyst):
    with pytest.raises(ValidationError) as refused:
        add_indicator(draft_form, analyst, code="ratio", value_type="percentage", formula="100 * inconnu / membres_fin")
    assert "inconnu" in refused.value.message_dict["formula"][0]
    with pytest.raises(ValidationError) as refused:
        add_indicator(draft_form, analyst, code="ratio", value_type="percentage", formula="100 * (")
    assert "formula" in refused.value.message_dict
    assert not Indicator.objects.filter(reporting_year=draft_form, code="ratio").exists()
    ratio = add_indicator(
        draft_form, analyst, code="ratio", value_type="percentage", formula="100 * radiations / membres_fin"
    )
    assert ratio.is_derived


def test_a_code_used_twice_is_refused_with_a_french_message(draft_form, analyst):
    with pytest.raises(ValidationError) as refused:
        add_indicator(draft_form, analyst, code="membres-fin")
    assert refused.value.message_dict["code"] == ["Un autre indicateur de ce formulaire a déjà ce code."]


def test_an_indicator_read_by_a_formula_or_a_rule_cannot_be_deleted_or_renamed(draft_form, analyst):
    membres_fin = indicator(draft_form, "membres-fin")
    with pytest.raises(ValidationError, match="part-femmes"):
        services.indicator_delete(indicator=membres_fin, user=analyst)
    with pytest.raises(ValidationError) as refused:
        add_indicator(draft_form, analyst, indicator=membres_fin, code="membres-a-la-fin", dimensions=[])
    assert "code" in refused.value.message_dict
    assert indicator(draft_form, "membres-fin").code == "membres-fin"


def test_changing_an_indicators_type_that_breaks_a_rule_is_refused(draft_form, analyst):
    radiations = indicator(draft_form, "radiations")
    with pytest.raises(ValidationError, match="ne fonctionnerait plus"):
        add_indicator(draft_form, analyst, indicator=radiations, code="radiations", value_type="text", dimensions=[])
    assert indicator(draft_form, "radiations").value_type == "integer"


def test_an_unused_indicator_is_deleted(draft_form, analyst):
    added = add_indicator(draft_form, analyst)
    services.indicator_delete(indicator=added, user=analyst)
    assert not Indicator.objects.filter(pk=added.pk).exists()


def test_a_section_with_indicators_cannot_be_deleted_an_empty_one_can(draft_form, analyst):
    with pytest.raises(ValidationError):
        services.section_delete(section=section(draft_form), user=analyst)
    empty = services.section_save(reporting_year=draft_form, user=analyst, code="formation", title="Formation continue")
    services.section_delete(section=empty, user=analyst)
    assert not Section.objects.filter(pk=empty.pk).exists()


def test_analyst_adds_a_balance_rule(draft_form, analyst):
    rule = services.rule_save(
        reporting_year=draft_form,
        user=analyst,
        code="permis-solde",
        kind=RuleKind.BALANCE,
        indicator=indicator(draft_form, "permis-en-attente"),
        params={"start": "permis-recues", "minus": ["permis-accordees", "permis-refusees"]},
        severity="warning",
        message="Les demandes en attente devraient égaler les reçues moins les traitées.",
    )
    assert [r.code for r in selectors.form_definition(draft_form).rules][-1] == rule.code


def test_a_rule_with_bad_parameters_is_refused_on_the_parameter(draft_form, analyst):
    with pytest.raises(ValidationError) as refused:
        services.rule_save(
            reporting_year=draft_form,
            user=analyst,
            code="bornes",
            kind=RuleKind.RANGE,
            indicator=indicator(draft_form, "audiences"),
            params={"min": 10, "max": 2},
            severity="blocking",
            message="Hors bornes.",
        )
    assert refused.value.message_dict["max"] == ["Le maximum est inférieur au minimum."]
    assert not ValidationRule.objects.filter(code="bornes").exists()


def test_nothing_changes_once_the_year_is_open(year_form, analyst):
    with pytest.raises(ValidationError, match="ne peut plus changer"):
        add_indicator(year_form, analyst)
    rule = ValidationRule.objects.filter(reporting_year=year_form).first()
    with pytest.raises(ValidationError):
        services.rule_delete(rule=rule, user=analyst)
    with pytest.raises(ValidationError):
        services.section_save(reporting_year=year_form, user=analyst, code="x", title="X")


def test_only_an_analyst_edits_a_form(draft_form, staff_user, filer):
    for person in (staff_user, filer):
        with pytest.raises(PermissionDenied):
            add_indicator(draft_form, person)


# --- Pages -------------------------------------------------------------------------------------


def test_year_page_offers_the_editor_only_to_analysts_and_only_in_preparation(make_client, analyst, draft_form):
    url = reverse("bdsp:year_detail", args=[2025])
    page = make_client(analyst).get(url)
    assert page.context["editable"] is True
    assert reverse("bdsp:rule_add", args=[2025]) in page.content.decode()
    services.form_open(reporting_year=draft_form, user=analyst)
    assert make_client(analyst).get(url).context["editable"] is False


def test_year_page_costs_a_constant_number_of_queries(make_client, analyst, draft_form, assert_query_count):
    client = make_client(analyst)
    client.get(reverse("bdsp:year_detail", args=[2025]))  # the session's first write is not the page's
    with assert_query_count("bdsp:year_detail"):
        client.get(reverse("bdsp:year_detail", args=[2025]))
    for number in range(10):
        add_indicator(draft_form, analyst, code=f"extra-{number}", dimensions=[Dimension.objects.get(code="sexe")])
    with assert_query_count("bdsp:year_detail"):
        client.get(reverse("bdsp:year_detail", args=[2025]))


@pytest.mark.parametrize(
    ("person", "status"),
    [("anonymous", 302), ("staff_without_role", 403), ("staff_user", 403), ("filer", 403), ("other_filer", 403)],
)
def test_editor_pages_refuse_everyone_but_analysts(request, make_client, draft_form, person, status):
    client = make_client() if person == "anonymous" else make_client(request.getfixturevalue(person))
    urls = [
        reverse("bdsp:section_add", args=[2025]),
        reverse("bdsp:indicator_add", args=[2025]),
        reverse("bdsp:rule_add", args=[2025]),
        reverse("bdsp:indicator_delete", args=[2025, indicator(draft_form, "audiences").pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == status
        assert client.post(url, {"code": "x", "title": "X"}).status_code == status
    assert Indicator.objects.filter(code="audiences").exists()
    assert not Section.objects.filter(code="x").exists()


def test_analyst_adds_an_indicator_through_the_page(make_client, analyst, draft_form):
    client = make_client(analyst)
    url = reverse("bdsp:indicator_add", args=[2025])
    assert client.get(url, {"section": section(draft_form).pk}).status_code == 200
    data = {
        "section": section(draft_form).pk,
        "code": "membres-retraites",
        "label": "Membres retraités",
        "value_type": "integer",
        "first_dimension": Dimension.objects.get(code="sexe").pk,
        "order": 20,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("#i-membres-retraites")
    assert indicator(draft_form, "membres-retraites").dimensions.get().code == "sexe"


def test_bad_indicator_input_is_answered_in_french_and_saves_nothing(make_client, analyst, draft_form):
    client = make_client(analyst)
    data = {
        "section": section(draft_form).pk,
        "code": "ratio",
        "label": "Ratio",
        "value_type": "text",
        "formula": "1 / membres_fin",
        "second_dimension": Dimension.objects.get(code="sexe").pk,
        "order": 0,
    }
    response = client.post(reverse("bdsp:indicator_add", args=[2025]), data)
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert errors["formula"] == ["Seul un indicateur numérique peut être calculé."]
    assert errors["second_dimension"] == ["Choisissez la première ventilation avant la seconde."]
    assert not Indicator.objects.filter(reporting_year=draft_form, code="ratio").exists()


def test_analyst_adds_changes_and_deletes_a_rule_through_the_pages(make_client, analyst, draft_form):
    client = make_client(analyst)
    data = {
        "code": "audiences-max",
        "kind": "range",
        "indicator": indicator(draft_form, "audiences").pk,
        "severity": "warning",
        "message": "Plus de 500 journées d'audience : vérifiez.",
        "order": 99,
        "min": "0",
        "max": "500",
        "start": "membres-debut",  # not a parameter of a range: dropped
    }
    assert client.post(reverse("bdsp:rule_add", args=[2025]), data).status_code == 302
    rule = ValidationRule.objects.get(reporting_year=draft_form, code="audiences-max")
    assert rule.params == {"min": 0, "max": 500}
    form = client.get(reverse("bdsp:rule_edit", args=[2025, rule.pk])).context["form"]
    assert form.initial["max"] == 500
    data["max"] = "1.5"
    client.post(reverse("bdsp:rule_edit", args=[2025, rule.pk]), data)
    rule.refresh_from_db()
    assert rule.params == {"min": 0, "max": 1.5}
    assert client.get(reverse("bdsp:rule_delete", args=[2025, rule.pk])).status_code == 200
    assert client.post(reverse("bdsp:rule_delete", args=[2025, rule.pk])).status_code == 302
    assert not ValidationRule.objects.filter(pk=rule.pk).exists()


def test_a_rule_refused_by_the_service_shows_on_its_parameter(make_client, analyst, draft_form):
    data = {
        "code": "solde",
        "kind": "balance",
        "indicator": indicator(draft_form, "membres-fin").pk,
        "severity": "blocking",
        "message": "Solde.",
        "order": 0,
    }
    response = make_client(analyst).post(reverse("bdsp:rule_add", args=[2025]), data)
    assert response.status_code == 422
    assert response.context["form"].errors["start"] == ["Choisissez l'indicateur de départ du solde."]
    assert not ValidationRule.objects.filter(code="solde").exists()


def test_deleting_a_used_indicator_says_why_and_keeps_it(make_client, analyst, draft_form):
    client = make_client(analyst)
    target = indicator(draft_form, "membres-fin")
    response = client.post(reverse("bdsp:indicator_delete", args=[2025, target.pk]))
    assert response.status_code == 422  # the confirmation page again, with the reason
    assert "part-femmes" in response.context["form"].non_field_errors()[0]
    assert "part-femmes" in response.text
    assert Indicator.objects.filter(pk=target.pk).exists()


def test_editor_pages_of_an_open_year_send_back_with_a_message(make_client, analyst, year_form):
    response = make_client(analyst).get(reverse("bdsp:section_add", args=[2025]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("bdsp:year_detail", args=[2025])
    assert "ne peut plus changer" in str(next(iter(response.context["messages"])))


def test_another_years_element_is_404(make_client, analyst, draft_form):
    other = services.form_copy(source=draft_form, year=2026)
    foreign = indicator(other, "audiences")
    assert make_client(analyst).get(reverse("bdsp:indicator_edit", args=[2025, foreign.pk])).status_code == 404


def test_an_indicators_own_checks_go_with_it_and_follow_a_new_code(draft_form, analyst):
    """Every indicator has its own checks (answered, its total, last year): they do not stop
    renaming it, and are deleted with it; a rule comparing it with others still stops a deletion."""
    appels = indicator(draft_form, "appels")
    assert ValidationRule.objects.filter(indicator=appels).exists()
    renamed = add_indicator(draft_form, analyst, indicator=appels, code="appels-tp", dimensions=[])
    assert ValidationRule.objects.filter(indicator=renamed, kind="required").exists()
    services.indicator_delete(indicator=renamed, user=analyst)
    assert not ValidationRule.objects.filter(indicator_id=appels.pk).exists()
    with pytest.raises(ValidationError, match="la règle premieres-inscriptions"):  # ≤ the entries
        services.indicator_delete(indicator=indicator(draft_form, "premieres-inscriptions"), user=analyst)
