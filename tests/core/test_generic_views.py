"""Core's generic views, download helper and spreadsheet writer, on a unit of the Office."""

import csv
import io

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory
from openpyxl import load_workbook

from opq_intranet.core.downloads import download_response
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.spreadsheets import csv_text, spreadsheet_response, xlsx_bytes
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
)
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


class RenameForm(forms.Form):
    name = forms.CharField(label="Nom", max_length=200)


class UnitRenameView(ObjectEditView):
    form_class = RenameForm
    queryset = OrgUnit.objects.all()
    breadcrumb_list = ("core:unit_list", "Unités")
    title = "Renommer"
    success_message = "%(object)s est enregistrée."

    def get_initial(self, obj):
        return {"name": obj.name} if obj else {}

    def new_object(self):
        return OrgUnit(code="nouvelle")

    def refuse(self, obj):
        if obj.code == "verrouillee":
            raise PermissionDenied

    def save(self, form, obj):
        if form.cleaned_data["name"] == "Refusé":
            raise ValidationError({"name": "Ce nom est réservé."})
        obj.name = form.cleaned_data["name"]
        obj.save()
        return obj


class UnitPage(ObjectDetailView):
    queryset = OrgUnit.objects.all()
    template_name = "core/unit_detail.html"
    breadcrumb_list = ("core:unit_list", "Unités")

    def get_actions(self, obj):
        return [Action("Désactiver", f"/unites/{obj.pk}/desactiver/")]

    def get_extra_context(self, obj, bound_forms):
        return {"members": [], "deactivate_form": bound_forms.get("deactivate") or RenameForm()}


class UnitDeactivateView(ObjectActionView):
    queryset = OrgUnit.objects.all()
    title = "Désactiver"
    question = "Désactiver %(object)s ?"
    danger = True
    success_message = "%(object)s est désactivée."

    def perform(self, form, obj):
        if not obj.is_active:
            raise ValidationError("Cette unité est déjà inactive.")
        obj.is_active = False
        obj.save()


class EmbeddedDeactivateView(UnitDeactivateView):
    form_class = RenameForm
    detail_view = UnitPage
    form_key = "deactivate"


def _request(method="get", data=None, user=None):
    factory = RequestFactory()
    request = getattr(factory, method)("/", data or {})
    request.user = user or UserFactory()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_edit_view_shows_the_form_with_breadcrumbs():
    unit = OrgUnitFactory(name="Direction A")
    response = UnitRenameView.as_view()(_request(), pk=unit.pk)
    assert response.status_code == 200
    response.render()
    html = response.content.decode()
    assert 'value="Direction A"' in html
    assert '<a href="/unites/">Unités</a>' in html
    assert f'href="{unit.get_absolute_url()}"' in html  # cancel and breadcrumb back to the unit


def test_edit_view_saves_through_the_service_and_redirects():
    unit = OrgUnitFactory(name="Direction A")
    request = _request("post", {"name": "Direction B"})
    response = UnitRenameView.as_view()(request, pk=unit.pk)
    assert response.status_code == 302
    assert response["Location"] == unit.get_absolute_url()
    unit.refresh_from_db()
    assert unit.name == "Direction B"
    assert [str(m) for m in get_messages(request)] == ["Direction B est enregistrée."]


@pytest.mark.parametrize(
    ("data", "message"), [({"name": ""}, "Ce champ est obligatoire."), ({"name": "Refusé"}, "Ce nom est réservé.")]
)
def test_a_refused_form_answers_422_with_its_error_and_changes_nothing(data, message):
    unit = OrgUnitFactory(name="Direction A")
    response = UnitRenameView.as_view()(_request("post", data), pk=unit.pk)
    assert response.status_code == 422
    response.render()
    assert message in response.content.decode()
    unit.refresh_from_db()
    assert unit.name == "Direction A"


def test_edit_view_without_pk_creates_from_new_object():
    response = UnitRenameView.as_view()(_request("post", {"name": "Nouvelle direction"}))
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="nouvelle").name == "Nouvelle direction"


def test_refuse_raises_before_any_write():
    unit = OrgUnitFactory(code="verrouillee", name="Avant")
    with pytest.raises(PermissionDenied):
        UnitRenameView.as_view()(_request("post", {"name": "Après"}), pk=unit.pk)
    unit.refresh_from_db()
    assert unit.name == "Avant"


def test_an_object_outside_the_queryset_is_404():
    with pytest.raises(Http404):
        UnitRenameView.as_view()(_request(), pk=999_999)


def test_action_view_confirms_then_performs():
    unit = OrgUnitFactory(name="Direction A")
    page = UnitDeactivateView.as_view()(_request(), pk=unit.pk)
    page.render()
    html = page.content.decode()
    assert "Désactiver Direction A ?" in html
    assert "btn-danger" in html
    unit.refresh_from_db()
    assert unit.is_active  # a GET changes nothing

    response = UnitDeactivateView.as_view()(_request("post"), pk=unit.pk)
    assert response.status_code == 302
    unit.refresh_from_db()
    assert not unit.is_active


def test_action_refused_by_its_service_answers_422_with_the_reason():
    unit = OrgUnitFactory(is_active=False)
    response = UnitDeactivateView.as_view()(_request("post"), pk=unit.pk)
    assert response.status_code == 422
    response.render()
    assert "Cette unité est déjà inactive." in response.content.decode()


def test_embedded_form_refused_is_shown_bound_on_the_object_page():
    unit = OrgUnitFactory(name="Direction A")
    response = EmbeddedDeactivateView.as_view()(_request("post", {"name": ""}), pk=unit.pk)
    assert response.status_code == 422
    assert response.context_data["deactivate_form"].errors["name"] == ["Ce champ est obligatoire."]
    assert response.context_data["actions"][0].label == "Désactiver"
    unit.refresh_from_db()
    assert unit.is_active


def test_detail_view_gives_history_and_breadcrumbs():
    unit = OrgUnitFactory(name="Direction A")
    response = UnitPage.as_view()(_request(), pk=unit.pk)
    assert response.status_code == 200
    assert response.context_data["breadcrumbs"] == [("Unités", "/unites/"), ("Direction A", unit.get_absolute_url())]
    assert "history" in response.context_data


# --- Downloads -----------------------------------------------------------------------------------


def test_download_response_sanitises_the_name_and_sets_the_safe_headers():
    response = download_response(
        b"%PDF-1.4", filename='../../Décision "finale"\r\n.pdf', content_type="application/pdf"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition and ".." not in disposition
    assert "D%C3%A9cision" in disposition
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_download_response_inline_without_sandbox_for_a_pdf_preview():
    response = download_response(
        b"%PDF-1.4", filename="lettre.pdf", content_type="application/pdf", inline=True, sandbox=False
    )
    assert response["Content-Disposition"] == 'inline; filename="lettre.pdf"'
    assert "Content-Security-Policy" not in response


# --- Spreadsheets --------------------------------------------------------------------------------


ROWS = [["Nom", "Montant", "Note"], ["Élise", 29323.0, '=HYPERLINK("http://x")'], ["Zoé", 1.5, "-2+3"]]


def test_csv_has_a_bom_numbers_as_numbers_and_no_live_formula():
    text = csv_text(ROWS)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[1] == ["Élise", "29323", '\'=HYPERLINK("http://x")']
    assert rows[2] == ["Zoé", "1.5", "'-2+3"]


def test_xlsx_keeps_numbers_and_stores_formula_text_as_text():
    sheet = load_workbook(io.BytesIO(xlsx_bytes([("Feuille", ROWS)]))).active
    assert sheet["B2"].value == 29323
    assert isinstance(sheet["B2"].value, int)
    assert sheet["C2"].data_type == "s"
    assert sheet["C2"].value == '=HYPERLINK("http://x")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_response_is_an_attachment(fmt):
    response = spreadsheet_response(ROWS, fmt=fmt, basename="rapport-2026")
    assert response["Content-Disposition"] == f'attachment; filename="rapport-2026.{fmt}"'


class UnitEmbeddedRename(EmbeddedActionView):
    queryset = OrgUnit.objects.all()
    form_class = RenameForm
    detail_view = UnitPage
    form_key = "deactivate"

    def allowed(self, user, obj):
        return obj.code != "verrouillee"

    def perform(self, form, obj):
        obj.name = form.cleaned_data["name"]
        obj.save()


def test_embedded_action_is_post_only_and_follows_a_local_next_only():
    unit = OrgUnitFactory(name="Direction A")
    assert UnitEmbeddedRename.as_view()(_request(), pk=unit.pk).status_code == 405
    local = UnitEmbeddedRename.as_view()(_request("post", {"name": "B", "next": "/unites/"}), pk=unit.pk)
    assert local["Location"] == "/unites/"
    outside = UnitEmbeddedRename.as_view()(_request("post", {"name": "C", "next": "https://evil.example/"}), pk=unit.pk)
    assert outside["Location"] == unit.get_absolute_url()


def test_embedded_action_refused_by_the_permission_predicate_writes_nothing():
    unit = OrgUnitFactory(code="verrouillee", name="Avant")
    with pytest.raises(PermissionDenied):
        UnitEmbeddedRename.as_view()(_request("post", {"name": "Après"}), pk=unit.pk)
    unit.refresh_from_db()
    assert unit.name == "Avant"


class TwoFieldForm(forms.Form):
    code = forms.CharField(label="Code", disabled=True, required=False)
    name = forms.CharField(label="Nom", max_length=200)
    email = forms.EmailField(label="Courriel", required=False)


class UnitTwoFieldView(UnitRenameView):
    form_class = TwoFieldForm

    def save(self, form, obj):
        return obj


def test_a_form_page_puts_the_cursor_in_its_first_field_or_its_first_error():
    unit = OrgUnitFactory(name="Direction A")
    page = UnitTwoFieldView.as_view()(_request(), pk=unit.pk)
    page.render()
    form = page.context_data["form"]
    assert [name for name, field in form.fields.items() if field.widget.attrs.get("autofocus")] == ["name"]
    assert page.content.decode().count("autofocus") == 1
    refused = UnitTwoFieldView.as_view()(
        _request("post", {"name": "Direction B", "email": "pas-un-courriel"}), pk=unit.pk
    )
    refused.render()
    form = refused.context_data["form"]
    assert [name for name, field in form.fields.items() if field.widget.attrs.get("autofocus")] == ["email"]


def test_an_embedded_form_never_takes_the_focus_of_its_page():
    unit = OrgUnitFactory(name="Direction A")
    page = UnitPage.as_view()(_request(), pk=unit.pk)
    page.render()
    assert "autofocus" not in page.content.decode()
