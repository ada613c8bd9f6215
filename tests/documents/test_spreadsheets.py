"""Every spreadsheet records management writes goes through core's guarded writer
(core/spreadsheets.py): people's text never comes back as a live formula, in CSV or XLSX."""

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from documents import services
from documents.models import Box, StorageSpace
from opq_intranet.core.models import Site
from tests.documents.factories import (
    DispositionListFactory,
    LegalHoldFactory,
    PaperLoanFactory,
    RecordClassFactory,
    RecordFileFactory,
    RetentionRuleFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x","y")'
OTHERS = ("+1+2", "-3+4", "@SUM(A1)")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"


@pytest.fixture
def hostile(records_manager, legal, lawyer):
    """Text typed by people, in every list's text columns, starting as a formula would."""
    rule = RetentionRuleFactory(number="R-1", title=HOSTILE)
    record_class = RecordClassFactory(code="6600", title=HOSTILE, keywords=OTHERS[0], retention_rule=rule)
    record_file = RecordFileFactory(record_class=record_class, title=HOSTILE, keywords=OTHERS[1], medium="paper")
    space = StorageSpace.objects.create(
        code="Q-1", site=Site.objects.get(code="quebec"), room=HOSTILE, shelf=OTHERS[2], capacity=3
    )
    services.box_create(box=Box(org_unit=legal, storage_space=space, notes=HOSTILE), user=records_manager)
    PaperLoanFactory(record_file=record_file, borrower=lawyer, lent_by=records_manager, lent_on=date(2026, 3, 2))
    LegalHoldFactory(title=HOSTILE, placed_by=records_manager)
    DispositionListFactory(org_unit=legal, created_by=records_manager)


LISTS = [
    "documents:file_list",
    "documents:rule_list",
    "documents:space_list",
    "documents:box_list",
    "documents:loan_list",
    "documents:disposition_list",
    "documents:hold_list",
]


def test_the_plan_export_writes_no_formula(make_client, records_manager, hostile):
    response = make_client(records_manager).get(reverse("documents:plan_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "6600")
    assert (row[1].value, row[5].value) == (HOSTILE, OTHERS[0])  # the text stays whole


@pytest.mark.parametrize("name", LISTS)
def test_every_list_export_writes_no_formula(make_client, records_manager, hostile, name):
    client = make_client(records_manager)
    response = client.get(reverse(name), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        for value in row:
            assert not value.startswith(FORMULA_STARTS), (name, value)
    response = client.get(reverse(name), {"export": "xlsx"})
    content = response.content if hasattr(response, "content") else b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (name, cell.coordinate, cell.value)


def test_no_module_of_documents_writes_a_spreadsheet_by_itself():
    """CSV and XLSX are written by core/spreadsheets.py only (a styled sheet sets each cell
    through its safe_cell_value): no csv.writer, no cell assigned or appended directly."""
    offenders = []
    for path in DOCUMENTS.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        source = path.read_text()
        if re.search(r"\bcsv\.(writer|DictWriter)\b", source) or re.search(r"\.append\(\s*HEADERS\b", source):
            offenders.append(path.name)
        if re.search(r"\.cell\([^)]*\bvalue\s*=", source) or re.search(r"\]\.value\s*=", source):
            offenders.append(path.name)
        if "Workbook(" in source and "safe_cell_value" not in source and "xlsx_bytes" not in source:
            offenders.append(path.name)
    assert not offenders, offenders
