"""The XLSX template and its import: every cell checked; nothing saved unless all are valid."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from bdsp import services
from bdsp.models import ReturnValue
from tests.bdsp.conftest import entry

pytestmark = pytest.mark.django_db


def template_of(client, annual_return):
    response = client.get(reverse("bdsp_portal:xlsx_template", args=[annual_return.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def fill(workbook, sheet, answers):
    """answers: {(code, key): (value, state)} written in the Valeur / Réponse columns."""
    rows = workbook[sheet].iter_rows(min_row=2)
    for row in rows:
        key = (row[0].value, row[1].value or "")
        if key in answers:
            value, state = answers[key]
            row[4].value = value
            row[5].value = state
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("declaration.xlsx", buffer.getvalue())


def upload(client, annual_return, uploaded):
    return client.post(reverse("bdsp_portal:xlsx_import", args=[annual_return.pk]), {"workbook": uploaded})


def test_template_has_a_sheet_per_section_prefilled(make_client, filer, draft_return):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1234")])
    workbook = template_of(make_client(filer), draft_return)
    assert workbook.sheetnames == ["Instructions", "permis", "tableau", "discipline", "finances"]
    rows = {(r[0], r[1] or ""): r for r in workbook["tableau"].iter_rows(min_row=2, values_only=True)}
    assert rows[("membres-debut", "")][4] == 1234  # a number, not the text "1 234"
    assert rows[("membres-region", "06")][3] == "Montréal"
    assert ("part-femmes", "") not in rows  # derived: never typed


def test_a_filled_template_imports(make_client, filer, draft_return):
    client = make_client(filer)
    workbook = template_of(client, draft_return)
    uploaded = fill(
        workbook,
        "tableau",
        {
            ("membres-debut", ""): (1000, None),
            ("membres-sexe", "f"): ("600", None),
            ("membres-sexe", "h"): (400, None),
            ("limitations", ""): (None, "aucune activité"),
        },
    )
    response = upload(client, draft_return, uploaded)
    assert response.status_code == 302
    values = {(v.indicator.code, v.category_key): v for v in ReturnValue.objects.filter(annual_return=draft_return)}
    assert values[("membres-debut", "")].number == 1000
    assert values[("membres-sexe", "h")].number == 400
    assert values[("limitations", "")].state == "no_activity"


def test_errors_are_reported_by_sheet_and_cell_and_nothing_is_saved(make_client, filer, draft_return):
    client = make_client(filer)
    workbook = template_of(client, draft_return)
    workbook["discipline"]["E2"] = "plusieurs"
    uploaded = fill(workbook, "tableau", {("membres-debut", ""): (1000, None), ("membres-fin", ""): (-5, None)})
    response = upload(client, draft_return, uploaded)
    assert response.status_code == 422
    problems = [(p.sheet, p.cell, p.message) for p in response.context["problems"]]
    assert ("discipline", "E2", "Inscrivez un nombre, par exemple 1 234 ou 1 234,50.") in problems
    assert any(sheet == "tableau" and "négatif" in message for sheet, _cell, message in problems)
    assert "Rien n'a été enregistré" in response.text
    assert not ReturnValue.objects.filter(annual_return=draft_return).exists()


def test_a_row_that_does_not_match_the_form_is_refused(make_client, filer, draft_return):
    client = make_client(filer)
    workbook = template_of(client, draft_return)
    workbook["tableau"].append(["inexistant", "", "", "", "3", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(client, draft_return, SimpleUploadedFile("d.xlsx", buffer.getvalue()))
    assert response.status_code == 422
    assert response.context["problems"][0].message == "Cette ligne ne correspond pas au formulaire."


def test_not_a_workbook(make_client, filer, draft_return):
    response = upload(make_client(filer), draft_return, SimpleUploadedFile("d.xlsx", b"%PDF-1.4 pas un chiffrier"))
    assert response.status_code == 422


def test_reader_downloads_but_cannot_import(make_client, reader, draft_return):
    client = make_client(reader)
    template_of(client, draft_return)
    assert upload(client, draft_return, SimpleUploadedFile("d.xlsx", b"x")).status_code == 403


def test_another_order_gets_404(make_client, other_filer, draft_return):
    client = make_client(other_filer)
    assert client.get(reverse("bdsp_portal:xlsx_template", args=[draft_return.pk])).status_code == 404
    assert upload(client, draft_return, SimpleUploadedFile("d.xlsx", b"x")).status_code == 404


def test_typed_text_never_becomes_a_formula_and_numbers_stay_numbers(make_client, filer, draft_return):
    formula = '=HYPERLINK("http://exemple.test","cliquez")'
    services.return_save_values(
        annual_return=draft_return,
        user=filer,
        entries=[entry("membres-debut", "1000", explanation=formula), entry("revenus", "1234,5")],
    )
    client = make_client(filer)
    workbook = template_of(client, draft_return)
    cells = {(r[0].value, r[1].value or ""): r for r in workbook["tableau"].iter_rows(min_row=2)}
    explanation = cells[("membres-debut", "")][6]
    assert explanation.value == formula
    assert explanation.data_type == "s"  # text: Excel never evaluates it
    assert cells[("membres-debut", "")][4].value == 1000
    revenue = {(r[0].value, r[1].value or ""): r for r in workbook["finances"].iter_rows(min_row=2)}
    assert revenue[("revenus", "")][4].value == 1234.5
    assert revenue[("revenus", "")][4].data_type == "n"
    # The same file imports back unchanged: the explanation as text, the figures as numbers.
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert upload(client, draft_return, SimpleUploadedFile("d.xlsx", buffer.getvalue())).status_code == 302
    values = {(v.indicator.code, v.category_key): v for v in ReturnValue.objects.filter(annual_return=draft_return)}
    assert values[("membres-debut", "")].explanation == formula
    assert values[("revenus", "")].number == Decimal("1234.5")


def test_template_figures_are_numbers_with_a_number_format(make_client, filer, draft_return):
    services.return_save_values(
        annual_return=draft_return,
        user=filer,
        entries=[entry("revenus", "80 000"), entry("revenus", "80000", "cotisations"), entry("membres-debut", "29323")],
    )
    workbook = template_of(make_client(filer), draft_return)
    revenue = {(r[0].value, r[1].value or ""): r[4] for r in workbook["finances"].iter_rows(min_row=2)}
    assert revenue[("revenus", "")].value == 80000
    assert revenue[("revenus", "")].data_type == "n"  # a number, never the text "80 000"
    assert revenue[("revenus", "")].number_format == '#,##0.00 "$"'
    assert revenue[("revenus", "admission")].number_format == '#,##0.00 "$"'  # empty, typed later
    members = {(r[0].value, r[1].value or ""): r[4] for r in workbook["tableau"].iter_rows(min_row=2)}
    assert members[("membres-debut", "")].value == 29323
    assert members[("membres-debut", "")].number_format == "#,##0"


def test_every_text_of_the_template_is_guarded(make_client, filer, draft_return):
    from bdsp.models import Indicator

    formula = '=HYPERLINK("http://exemple.test","cliquez")'
    # An analyst's label (a year in preparation) and an order's explanation.
    Indicator.objects.filter(reporting_year=draft_return.reporting_year, code="audiences").update(label=formula)
    from bdsp import selectors

    selectors._frozen_forms.clear()
    services.return_save_values(
        annual_return=draft_return, user=filer, entries=[entry("audiences", "3", explanation="+1+2")]
    )
    workbook = template_of(make_client(filer), draft_return)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
