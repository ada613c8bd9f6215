"""The form editor's pages on core's generic views: breadcrumbs, 422, a frozen year sends back."""

import pytest
from django.urls import reverse

from bdsp.models import Indicator, Section, ValidationRule

pytestmark = pytest.mark.django_db


def year_url(year=2025):
    return reverse("bdsp:year_detail", args=[year])


@pytest.mark.parametrize("name", ["section_add", "indicator_add", "rule_add"])
def test_the_pages_keep_the_breadcrumbs_bdsp_yearly_forms_year(make_client, analyst, draft_form, name):
    response = make_client(analyst).get(reverse(f"bdsp:{name}", args=[2025]))
    assert response.status_code == 200
    labels = [str(label) for label, _url in response.context["breadcrumbs"]]
    assert labels[:3] == ["BDSP", "Formulaires annuels", "2025"]
    assert response.context["breadcrumbs"][2][1] == year_url()
    assert response.context["cancel_url"] == year_url()


def test_a_section_is_added_then_changed(make_client, analyst, draft_form):
    client = make_client(analyst)
    data = {"code": "benevoles", "title": "Bénévoles", "help_text": "", "order": 9}
    response = client.post(reverse("bdsp:section_add", args=[2025]), data)
    assert response["Location"] == f"{year_url()}#s-benevoles"
    section = Section.objects.get(reporting_year=draft_form, code="benevoles")
    page = client.get(reverse("bdsp:section_edit", args=[2025, section.pk]))
    assert page.context["form"].initial["title"] == "Bénévoles"
    assert "Modifier la section" in page.text
    client.post(reverse("bdsp:section_edit", args=[2025, section.pk]), {**data, "title": "Les bénévoles"})
    section.refresh_from_db()
    assert section.title == "Les bénévoles"


def test_a_refused_section_answers_422_in_french_and_saves_nothing(make_client, analyst, draft_form):
    response = make_client(analyst).post(reverse("bdsp:section_add", args=[2025]), {"code": "", "title": ""})
    assert response.status_code == 422
    assert "Ce champ est obligatoire." in response.text
    assert not Section.objects.filter(reporting_year=draft_form, title="").exists()


def test_the_delete_page_asks_first_and_deletes_on_post(make_client, analyst, draft_form):
    client = make_client(analyst)
    target = Indicator.objects.get(reporting_year=draft_form, code="appels")
    url = reverse("bdsp:indicator_delete", args=[2025, target.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "du formulaire de 2025" in page.text and "btn-danger" in page.text
    assert Indicator.objects.filter(pk=target.pk).exists()  # a GET changes nothing
    response = client.post(url)
    assert response["Location"] == year_url()
    assert not Indicator.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize("name", ["section_delete", "indicator_delete", "rule_delete"])
def test_a_frozen_year_sends_every_page_back_with_the_message(make_client, analyst, year_form, name):
    model = {"section_delete": Section, "indicator_delete": Indicator, "rule_delete": ValidationRule}[name]
    element = model.objects.filter(reporting_year=year_form).first()
    client = make_client(analyst)
    url = reverse(f"bdsp:{name}", args=[2025, element.pk])
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert response.redirect_chain[-1][0] == year_url()
        assert "ne peut plus changer" in str(next(iter(response.context["messages"])))
    assert model.objects.filter(pk=element.pk).exists()


def test_the_rule_page_groups_the_parameters_for_the_script(make_client, analyst, draft_form):
    response = make_client(analyst).get(reverse("bdsp:rule_add", args=[2025]))
    assert "data-rule-form" in response.text
    assert 'data-rule-kinds="range' in response.text
