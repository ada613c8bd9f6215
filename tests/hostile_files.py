"""Hostile files crafted in memory: workbooks whose XML declares or holds too much, zip bombs,
documents that inflate far beyond their size. Each is small on disk and cheap to build."""

import io
import zipfile

from openpyxl import Workbook

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook_bytes(*rows, title="Feuil1"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(original, replace=None, add=None):
    """The zip `original` with some members' contents replaced and others added (each a str,
    bytes, or (declared size, chunk) for a highly compressible member written in pieces)."""
    replace, add = replace or {}, add or {}
    source = zipfile.ZipFile(io.BytesIO(original))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = replace.get(info.filename, source.read(info.filename))
            _write(target, info.filename, content)
        for name, content in add.items():
            _write(target, name, content)
    return buffer.getvalue()


def _info(name):
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _write(target, name, content):
    if isinstance(content, tuple):  # (size, chunk): streamed, so the test never holds it whole
        size, chunk = content
        with target.open(_info(name), "w", force_zip64=True) as handle:
            written = 0
            while written < size:
                piece = chunk[: size - written]
                handle.write(piece)
                written += len(piece)
        return
    target.writestr(_info(name), content)


def sheet_xml(rows_xml, dimension="A1"):
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{SHEET_NS}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows_xml}</sheetData></worksheet>"
    )


def row_xml(number, *values):
    cells = "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)
    return f'<row r="{number}">{cells}</row>'


def sheet_member(index):
    """The member of a workbook's n-th worksheet, as openpyxl writes it (1 is the first)."""
    return f"xl/worksheets/sheet{index}.xml"


WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def inflating_docx(first, last, *, padding, paragraphs=0):
    """A DOCX whose document.xml holds the paragraph `first`, then `paragraphs` short ones,
    then `padding` bytes of whitespace (compressed to almost nothing: a zip bomb's inflation),
    then the paragraph `last`. Written in pieces: the test never holds it inflated."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD_NS}"><w:body>'

    def paragraph(text):
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", "<Relationships/>")
        with archive.open(_info("word/document.xml"), "w", force_zip64=True) as handle:
            handle.write(head.encode() + paragraph(first))
            short = paragraph("mot") * 1000
            for _ in range(paragraphs // 1000):
                handle.write(short)
            blank = b" " * (1024 * 1024)
            for start in range(0, padding, len(blank)):
                handle.write(blank[: padding - start])
            handle.write(paragraph(last) + b"</w:body></w:document>")
    return buffer.getvalue()
