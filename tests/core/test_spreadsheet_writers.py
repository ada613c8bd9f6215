"""Every CSV and XLSX the project writes goes through core's guarded writer
(core/spreadsheets.py), so that no text typed by someone becomes a live formula: the source
tree holds no other CSV writer or workbook, and core's styled workbook never saves a formula,
however its cells are written."""

import io
import re
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell import WriteOnlyCell

from opq_intranet.core.spreadsheets import styled_workbook, workbook_bytes, xlsx_bytes

ROOT = Path(__file__).resolve().parents[2]
GUARDED_WRITER = ROOT / "opq_intranet/core/spreadsheets.py"
SKIPPED_FOLDERS = {".venv", "node_modules", "var", ".git", "tests", ".local", "static"}
DIRECT_WRITERS = re.compile(
    r"\bcsv\s*\.\s*(writer|DictWriter)\s*\("  # csv.writer(…), csv.DictWriter(…)
    r"|from\s+csv\s+import\s+[^\n]*\b(writer|DictWriter)\b"
    r"|\bWorkbook\s*\("  # openpyxl.Workbook(…), Workbook(…)
    r"|\bxlsxwriter\b"
    r"|\.export\(\s*['\"](csv|xlsx|xls|ods)['\"]"  # tablib's own writers
    r"|\bexport_set\s*\("
)
FORMULA = '=HYPERLINK("http://exemple.test","cliquez")'


def python_sources():
    for path in ROOT.rglob("*.py"):
        if path != GUARDED_WRITER and not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts):
            yield path


def test_no_csv_or_xlsx_is_written_outside_core_guarded_writer():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in python_sources()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if DIRECT_WRITERS.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, (
        "Write CSV and XLSX through opq_intranet/core/spreadsheets.py (spreadsheet_response, csv_text, "
        "xlsx_bytes, or styled_workbook() and workbook_bytes() for a styled sheet), never directly:\n"
        + "\n".join(found)
    )


def test_the_rule_catches_each_direct_writer():
    for line in [
        "writer = csv.writer(buffer)",
        "csv.DictWriter(handle, fieldnames=names)",
        "from csv import writer",
        "workbook = openpyxl.Workbook()",
        "book = Workbook(write_only=True)",
        "import xlsxwriter",
        "dataset.export('csv')",
    ]:
        assert DIRECT_WRITERS.search(line), line
    assert not DIRECT_WRITERS.search("workbook = styled_workbook()")
    assert not DIRECT_WRITERS.search("rows = csv.reader(handle)")


def saved(workbook):
    return load_workbook(io.BytesIO(workbook_bytes(workbook)))


def test_a_styled_workbook_never_saves_a_formula_however_its_cells_are_written():
    workbook = styled_workbook()
    sheet = workbook.active
    sheet.append(["Titre", FORMULA, 12, "+33 1 23", "-5"])
    sheet.cell(row=2, column=1, value=FORMULA)
    sheet["B2"] = "=SUM(A1:A9)"
    other = workbook.create_sheet("Autre")
    other["A1"] = "@cmd"
    other["A2"] = "=1+1"
    book = saved(workbook)
    first = book.worksheets[0]
    cells = [first["B1"], first["A2"], first["B2"], book["Autre"]["A2"]]
    assert all(cell.data_type == "s" for cell in cells), [(c.coordinate, c.data_type) for c in cells]
    assert first["B1"].value == FORMULA and first["B2"].value == "=SUM(A1:A9)"  # the text, whole
    assert first["C1"].value == 12 and first["C1"].data_type == "n"  # numbers stay numbers


def test_a_write_only_styled_workbook_guards_every_row_appended():
    workbook = styled_workbook(write_only=True)
    sheet = workbook.create_sheet("Stat")
    styled = WriteOnlyCell(sheet, value="=2+2")
    sheet.append(["=1+1", styled, 3.0, None, "texte"])
    row = next(saved(workbook)["Stat"].iter_rows())
    assert [(c.value, c.data_type) for c in row[:3]] == [("=1+1", "s"), ("=2+2", "s"), (3, "n")]


def test_the_plain_writer_keeps_its_rule():
    book = load_workbook(io.BytesIO(xlsx_bytes([("Feuille", [["Nom", FORMULA], ["x", 29323.0]])])))
    sheet = book["Feuille"]
    assert sheet["B1"].data_type == "s" and sheet["B1"].value == FORMULA
    assert sheet["B2"].value == 29323
