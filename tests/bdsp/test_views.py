"""The BDSP pages for each kind of user, the autosave, and query counts."""

import pytest
from django.urls import reverse

from bdsp import services
from bdsp.choices import ReturnStatus, YearStatus
from bdsp.models import AnnualReturn, ReportingYear, ReturnValue
from tests.bdsp.conftest import entry

pytestmark = pytest.mark.django_db


def detail(r):
    return reverse("bdsp_portal:return_detail", args=[r.pk])


def section_url(r, section="tableau"):
    return reverse("bdsp_portal:section_save", args=[r.pk, section])


# --- Who sees what ------------------------------------------------------------------------------


def test_partner_lists_only_its_returns_and_can_start_an_open_year(make_client, filer, other_filer, year_form):
    client = make_client(filer)
    response = client.get("/portail/declarations/")
    assert [y.year for y in response.context["startable"]] == [2025]
    response = client.post(reverse("bdsp_portal:return_start", args=[2025]))
    annual_return = AnnualReturn.objects.get(professional_order=filer.professional_order)
    assert response["Location"] == detail(annual_return)
    assert list(client.get("/portail/declarations/").context["page"].object_list) == [annual_return]
    assert list(make_client(other_filer).get("/portail/declarations/").context["page"].object_list) == []


def test_reader_cannot_start(make_client, reader, year_form):
    client = make_client(reader)
    assert client.get("/portail/declarations/").context["startable"] == []
    assert client.post(reverse("bdsp_portal:return_start", args=[2025])).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["return_detail", "return_submit"],
)
def test_another_orders_return_is_404(make_client, draft_return, other_filer, name):
    assert make_client(other_filer).get(reverse(f"bdsp_portal:{name}", args=[draft_return.pk])).status_code == 404


@pytest.mark.parametrize(
    "name",
    ["general_save", "return_reopen", "comment_add", "value_flag", "return_send_back", "return_accept"],
)
def test_another_orders_return_is_404_for_every_action(make_client, draft_return, other_filer, name):
    response = make_client(other_filer).post(reverse(f"bdsp_portal:{name}", args=[draft_return.pk]), {})
    assert response.status_code == 404


def test_another_orders_section_save_is_404(make_client, draft_return, other_filer):
    assert make_client(other_filer).post(section_url(draft_return), {}).status_code == 404


def test_staff_with_the_bdsp_role_see_the_return_but_staff_without_do_not(
    make_client, draft_return, analyst, staff_user
):
    assert make_client(analyst).get(detail(draft_return)).status_code == 200
    assert make_client(staff_user).get(detail(draft_return)).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, draft_return):
    assert client.get(detail(draft_return))["Location"].startswith("/connexion/")


# --- Filling in ------------------------------------------------------------------------------------


def test_detail_shows_a_section_with_its_fields(make_client, filer, draft_return):
    response = make_client(filer).get(detail(draft_return), {"section": "tableau"})
    assert response.status_code == 200
    assert response.context["can_edit"] is True
    codes = [row.code for row in response.context["rows"]]
    assert codes[:2] == ["membres-debut", "inscriptions"]
    assert 'name="v__membres-region__06"' in response.text
    assert "Montréal" in response.text


def test_reader_sees_values_without_fields(make_client, filer, reader, draft_return):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1000")])
    response = make_client(reader).get(detail(draft_return), {"section": "tableau"})
    assert response.context["can_edit"] is False
    assert 'name="v__membres-debut__"' not in response.text
    assert "1\u00a0000" in response.text


def test_save_a_section(make_client, filer, draft_return):
    response = make_client(filer).post(
        section_url(draft_return),
        {"edit_version": 0, "v__membres-debut__": "1 000", "v__membres-sexe__f": "600", "s__membres-debut": "value"},
    )
    assert response.status_code == 302
    assert ReturnValue.objects.get(annual_return=draft_return, indicator__code="membres-debut").number == 1000
    assert ReturnValue.objects.get(annual_return=draft_return, category_key="f").number == 600


def test_a_bad_value_is_shown_in_french_and_nothing_is_saved(make_client, filer, draft_return):
    response = make_client(filer).post(
        section_url(draft_return), {"edit_version": 0, "v__membres-debut__": "1000", "v__membres-fin__": "beaucoup"}
    )
    assert response.status_code == 422
    assert "Inscrivez un nombre" in response.text
    assert 'value="beaucoup"' in response.text  # what was typed is kept
    assert not ReturnValue.objects.filter(annual_return=draft_return).exists()


def test_no_activity_is_recorded_for_the_whole_indicator(make_client, filer, draft_return):
    make_client(filer).post(section_url(draft_return, "discipline"), {"edit_version": 0, "s__appels": "no_activity"})
    value = ReturnValue.objects.get(annual_return=draft_return, indicator__code="appels")
    assert (value.state, value.number) == ("no_activity", None)


def test_autosave_answers_with_out_of_band_fragments(make_client, filer, draft_return):
    client = make_client(filer)
    response = client.post(
        section_url(draft_return), {"edit_version": 0, "v__membres-debut__": "1000"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="edit-version"' in response.text and 'value="1"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert "Enregistré" in response.text
    response = client.post(
        section_url(draft_return), {"edit_version": 1, "v__membres-fin__": "x"}, HTTP_HX_REQUEST="true"
    )
    assert 'id="error-membres-fin-"' in response.text and "Inscrivez un nombre" in response.text


def test_a_stale_page_is_refused(make_client, filer, draft_return):
    client = make_client(filer)
    client.post(section_url(draft_return), {"edit_version": 0, "v__membres-debut__": "1000"})
    response = client.post(section_url(draft_return), {"edit_version": 0, "v__membres-debut__": "2000"})
    assert response.status_code == 409
    assert ReturnValue.objects.get(annual_return=draft_return, indicator__code="membres-debut").number == 1000
    htmx = client.post(
        section_url(draft_return), {"edit_version": 0, "v__membres-debut__": "2000"}, HTTP_HX_REQUEST="true"
    )
    assert "Quelqu" in htmx.text  # "Quelqu'un d'autre a enregistré…"


def test_reader_cannot_save(make_client, reader, draft_return):
    assert make_client(reader).post(section_url(draft_return), {"v__membres-debut__": "1"}).status_code == 403


# --- Submitting and reviewing ----------------------------------------------------------------------


def fill_clean(annual_return, filer, clean_entries):
    from datetime import date

    services.return_save_values(annual_return=annual_return, user=filer, entries=clean_entries)
    services.return_save_general(
        annual_return=annual_return,
        user=filer,
        fiscal_year_end=date(2026, 3, 31),
        general_meeting_date=date(2026, 6, 4),
    )


def test_submit_refused_then_accepted(make_client, filer, draft_return, clean_entries):
    client = make_client(filer)
    url = reverse("bdsp_portal:return_submit", args=[draft_return.pk])
    response = client.post(url, {"attestation": "Julie Pelletier, secrétaire", "confirm": "on"})
    assert response.status_code == 422
    assert "Indiquez le nombre de membres" in response.text
    fill_clean(draft_return, filer, clean_entries)
    response = client.post(url, {"attestation": "Julie Pelletier, secrétaire", "confirm": "on"})
    assert response.status_code == 302
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.SUBMITTED
    # Submitted: the déclarant can no longer change it.
    assert client.post(section_url(draft_return), {"v__membres-debut__": "1"}).status_code == 403


def test_submit_without_confirming_changes_nothing(make_client, filer, draft_return, clean_entries):
    fill_clean(draft_return, filer, clean_entries)
    url = reverse("bdsp_portal:return_submit", args=[draft_return.pk])
    response = make_client(filer).post(url, {"attestation": "Julie Pelletier"})
    assert response.status_code == 422  # a refused form, with its errors
    assert response.context["form"].errors["confirm"]
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.DRAFT


def test_analyst_comments_returns_and_accepts(make_client, filer, analyst, draft_return, clean_entries):
    fill_clean(draft_return, filer, clean_entries)
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    client = make_client(analyst)
    client.post(
        reverse("bdsp_portal:comment_add", args=[draft_return.pk]), {"indicator": "membres-fin", "text": "Source?"}
    )
    response = client.post(reverse("bdsp_portal:return_send_back", args=[draft_return.pk]), {"message": ""})
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.SUBMITTED
    client.post(reverse("bdsp_portal:return_send_back", args=[draft_return.pk]), {"message": "Précisez la source."})
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.RETURNED
    page = make_client(filer).get(detail(draft_return), {"section": "tableau"})
    assert "Précisez la source." in page.text and "Source?" in page.text
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    response = client.post(reverse("bdsp_portal:return_accept", args=[draft_return.pk]))
    assert response.status_code == 302
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.ACCEPTED


def test_partner_cannot_accept_its_own_return(make_client, filer, draft_return, clean_entries):
    fill_clean(draft_return, filer, clean_entries)
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    assert make_client(filer).post(reverse("bdsp_portal:return_accept", args=[draft_return.pk])).status_code == 403


# --- Campaign and forms ------------------------------------------------------------------------------


def test_campaign_shows_every_order(make_client, analyst, draft_return):
    response = make_client(analyst).get(reverse("bdsp:campaign", args=[2025]))
    progress = response.context["progress"]
    assert len(progress) == 46
    mine = next(p for p in progress if p.order == draft_return.professional_order)
    assert mine.completeness == "draft"
    drafts = make_client(analyst).get(reverse("bdsp:campaign", args=[2025]), {"state": "draft"}).context["progress"]
    assert [p.order for p in drafts] == [draft_return.professional_order]


def test_index_goes_to_the_open_campaign(make_client, analyst, year_form):
    assert make_client(analyst).get("/bdsp/")["Location"] == reverse("bdsp:campaign", args=[2025])


def test_analyst_creates_and_opens_a_year(make_client, analyst, year_form):
    client = make_client(analyst)
    response = client.post(reverse("bdsp:year_create"), {"year": 2026, "source": year_form.pk})
    assert response["Location"] == reverse("bdsp:year_detail", args=[2026])
    assert ReportingYear.objects.get(year=2026).copied_from == year_form
    assert client.post(reverse("bdsp:year_create"), {"year": 2026}).status_code == 422
    client.post(reverse("bdsp:year_open", args=[2026]))
    assert ReportingYear.objects.get(year=2026).status == YearStatus.OPEN


def test_staff_without_forms_permission_cannot_create_a_year(make_client, year_form):
    from opq_intranet.accounts.roles import Role
    from tests.factories import UserFactory

    outsider = UserFactory(roles=[Role.STAFF])
    assert make_client(outsider).post(reverse("bdsp:year_create"), {"year": 2030}).status_code == 403


def test_portal_home_and_dashboard_panels(make_client, filer, analyst, draft_return, clean_entries):
    home = make_client(filer).get("/portail/")
    assert "bdsp.order_returns" in [p["panel"].key for p in home.context["panels"]]
    fill_clean(draft_return, filer, clean_entries)
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    dashboard = make_client(analyst).get("/")
    panel = next(p for p in dashboard.context["panels"] if p["panel"].key == "bdsp.to_review")
    assert panel["context"]["count"] == 1


# --- Query counts ---------------------------------------------------------------------------------


def test_return_page_query_count(make_client, filer, draft_return, assert_query_count):
    client = make_client(filer)
    client.get(detail(draft_return))
    with assert_query_count("bdsp_portal:return_detail"):
        assert client.get(detail(draft_return), {"section": "tableau"}).status_code == 200


def test_campaign_query_count(make_client, analyst, draft_return, assert_query_count):
    client = make_client(analyst)
    client.get(reverse("bdsp:campaign", args=[2025]))
    with assert_query_count("bdsp:campaign"):
        assert client.get(reverse("bdsp:campaign", args=[2025])).status_code == 200


def test_a_return_saved_but_never_submitted_is_shown_as_such_to_both_sides(
    make_client, filer, analyst, draft_return, clean_entries
):
    note = "jamais transmise à l’Office"
    assert not draft_return.saved_never_submitted  # started, nothing saved yet
    assert note not in make_client(filer).get("/portail/declarations/").content.decode()
    fill_clean(draft_return, filer, clean_entries)
    for client, url in (
        (make_client(filer), "/portail/declarations/"),
        (make_client(filer), "/portail/"),
        (make_client(filer), detail(draft_return)),
        (make_client(analyst), reverse("bdsp:campaign", args=[2025])),
        (make_client(analyst), detail(draft_return)),
    ):
        assert note in client.get(url).content.decode(), url
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    assert note not in make_client(filer).get("/portail/declarations/").content.decode()
