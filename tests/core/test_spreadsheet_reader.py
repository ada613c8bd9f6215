"""The one bounded workbook reader (core/spreadsheets.py read_workbook): what an import reads is
bounded before it is parsed (uncompressed size, XML, rows, columns, cells), and every refusal
is a French message."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from opq_intranet.core.spreadsheets import read_csv, read_workbook
from tests.hostile_files import rezip, row_xml, sheet_member, sheet_xml, workbook_bytes

NOT_A_WORKBOOK = "Ce fichier n’est pas un classeur Excel (.xlsx) lisible."
LIMITS = {"max_rows": 100, "max_columns": 10, "max_cells": 1000}


def upload(content, name="classeur.xlsx"):
    return SimpleUploadedFile(name, content)


def refusal(content, name="classeur.xlsx", **limits):
    with pytest.raises(ValidationError) as caught:
        read_workbook(upload(content, name), **{**LIMITS, **limits})
    return caught.value.messages[0]


def test_a_workbook_reads_its_values_sheet_by_sheet():
    data = workbook_bytes(["Code", "Valeur"], ["A-1", 12], ["A-2", datetime.date(2026, 11, 24)], title="Plan")
    sheets = read_workbook(upload(data), **LIMITS)
    assert [title for title, _rows in sheets] == ["Plan"]
    assert sheets[0][1] == [("Code", "Valeur"), ("A-1", 12), ("A-2", datetime.datetime(2026, 11, 24))]


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",  # a PDF renamed .xlsx
        b"Code;Titre\n1000;Administration\n",  # a text file
        b"PK\x03\x04 pas vraiment un zip",
    ],
)
def test_a_file_that_is_not_a_workbook_says_so(content):
    assert refusal(content) == NOT_A_WORKBOOK


def test_a_zip_that_is_not_a_workbook_says_so():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/nothing.txt", "rien")
    assert refusal(buffer.getvalue()) == NOT_A_WORKBOOK


def test_a_member_that_inflates_beyond_the_limit_is_refused_before_anything_is_parsed():
    # 30 MB of spaces, a few kilobytes once compressed: a zip bomb's part.
    data = rezip(workbook_bytes(["a"]), add={"xl/media/bombe.bin": (30 * 1024 * 1024, b" " * 65536)})
    assert len(data) < 100_000
    message = refusal(data)
    assert message.startswith("Ce classeur est trop volumineux une fois décompressé (plus de 20,0")


def test_a_member_that_holds_more_than_it_declares_is_not_read_past_its_declared_size():
    data = workbook_bytes(["Code"], ["texte"])
    patched = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(sheet_member(1))
    # The sheet declares 10 bytes in both its headers; reading past them fails the checksum.
    lie = (10).to_bytes(4, "little")
    patched[info.header_offset + 22 : info.header_offset + 26] = lie  # local header
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.index(b"PK\x01\x02", central + 1)
    patched[central + 24 : central + 28] = lie  # central directory
    assert refusal(bytes(patched)) == NOT_A_WORKBOOK


def test_a_huge_declared_dimension_is_not_trusted():
    xml = sheet_xml(row_xml(1, "Code", "Titre") + row_xml(2, "1000", "Admin"), dimension="A1:XFD1048576")
    data = rezip(workbook_bytes(["x"]), replace={sheet_member(1): xml})
    ((_title, rows),) = read_workbook(upload(data), **LIMITS)
    assert rows == [("Code", "Titre"), ("1000", "Admin")]


def test_a_row_of_too_many_cells_is_refused_past_the_limit():
    xml = sheet_xml('<row r="1">' + "<c/>" * 5000 + "</row>", dimension="A1:XFD1")
    data = rezip(workbook_bytes(["x"]), replace={sheet_member(1): xml})
    assert refusal(data) == "Ce classeur compte plus de 1\u00a0000 cellules : ne gardez que les lignes à importer."


def test_a_value_beyond_the_last_row_is_refused():
    xml = sheet_xml(row_xml(1, "Code") + '<row r="101"><c r="A101"><v>1</v></c></row>')
    data = rezip(workbook_bytes(["x"], title="Plan"), replace={sheet_member(1): xml})
    assert refusal(data) == (
        "La feuille « Plan » contient des valeurs au-delà de la ligne 100 : "
        "un classeur importé ici compte au plus 100 lignes par feuille."
    )


def test_a_value_beyond_the_last_column_is_refused():
    xml = sheet_xml('<row r="1"><c r="K1"><v>1</v></c></row>')
    data = rezip(workbook_bytes(["x"], title="Plan"), replace={sheet_member(1): xml})
    assert refusal(data) == (
        "La feuille « Plan » contient des valeurs au-delà de la colonne J : "
        "un classeur importé ici compte au plus 10 colonnes."
    )


def test_cells_without_position_count_from_the_previous_one():
    xml = sheet_xml('<row r="1">' + "<c><v>1</v></c>" * 11 + "</row>")
    data = rezip(workbook_bytes(["x"], title="Plan"), replace={sheet_member(1): xml})
    assert "au-delà de la colonne J" in refusal(data)


def test_formatted_empty_cells_beyond_the_limits_are_neither_refused_nor_read():
    styled = '<row r="500"><c r="A500" s="1"/><c r="Z500" s="1"/></row>'
    xml = sheet_xml(row_xml(1, "Code") + styled, dimension="A1:Z500")
    data = rezip(workbook_bytes(["x"]), replace={sheet_member(1): xml})
    ((_title, rows),) = read_workbook(upload(data), **LIMITS)
    assert rows == [("Code",)]


def test_too_many_shared_strings_are_refused():
    strings = "<si><t>x</t></si>" * 3000
    sst = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>'
    data = rezip(workbook_bytes(["x"]), add={"xl/sharedStrings.xml": sst})
    assert refusal(data, max_elements=5000).startswith("Ce classeur contient trop de mise en forme ou de texte")


def test_a_document_type_declaration_is_refused():
    xml = sheet_xml(row_xml(1, "Code")).replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1)
    data = rezip(workbook_bytes(["x"]), replace={sheet_member(1): xml})
    assert refusal(data) == NOT_A_WORKBOOK


def test_an_empty_or_oversized_upload_is_refused_in_french(settings):
    assert refusal(b"") == "Le fichier est vide."
    settings.PRIVATE_FILE_MAX_BYTES = 10
    assert refusal(workbook_bytes(["x"])).startswith("Le fichier est trop volumineux")


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_rows_are_read_within_bounds():
    assert read_csv("a,b\n1,2\n", max_rows=5, max_columns=5, max_cells=20) == [["a", "b"], ["1", "2"]]


def test_csv_refuses_too_many_rows_columns_or_cells():
    with pytest.raises(ValidationError) as caught:
        read_csv("a\n" * 6, max_rows=5, max_columns=5, max_cells=100)
    assert caught.value.messages == ["Le fichier compte plus de 5 lignes : ne gardez que les lignes à importer."]
    with pytest.raises(ValidationError) as caught:
        read_csv("a," * 6 + "\n", max_rows=5, max_columns=5, max_cells=100)
    assert caught.value.messages == ["Le fichier compte plus de 5 colonnes."]
    with pytest.raises(ValidationError) as caught:
        read_csv("a,b,c\n" * 5, max_rows=10, max_columns=5, max_cells=12)
    assert caught.value.messages == ["Le fichier compte plus de 12 cellules : ne gardez que les lignes à importer."]
