"""Sheets of asset labels to print on standard label stock (Avery-style presets): each label
holds the tag's QR code, its Code 128 barcode, the tag in clear and the Office's name. A sheet
can start at any position, so that a half-used sheet is used up."""

import io
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm
from reportlab.pdfgen import canvas

from inventaire.labels import barcode_drawing, qr_drawing
from opq_intranet.core import pdf


@dataclass(frozen=True)
class Preset:
    label: str
    page: tuple
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    column_pitch: float
    row_pitch: float

    @property
    def per_sheet(self):
        return self.columns * self.rows


PRESETS = {
    "avery-5160": Preset(
        _("Avery 5160 (Letter, 30 labels of 2⅝ × 1 in)"),
        LETTER,
        3,
        10,
        2.625 * inch,
        1 * inch,
        0.1875 * inch,
        0.5 * inch,
        2.75 * inch,
        1 * inch,
    ),
    "avery-5163": Preset(
        _("Avery 5163 (Letter, 10 labels of 4 × 2 in)"),
        LETTER,
        2,
        5,
        4 * inch,
        2 * inch,
        0.15625 * inch,
        0.5 * inch,
        4.1875 * inch,
        2 * inch,
    ),
    "avery-l7651": Preset(
        _("Avery L7651 (A4, 65 labels of 38.1 × 21.2 mm)"),
        A4,
        5,
        13,
        38.1 * mm,
        21.2 * mm,
        4.75 * mm,
        10.7 * mm,
        40.6 * mm,
        21.2 * mm,
    ),
}
PADDING = 1.5 * mm


def _draw(sheet, asset, x, y, preset):
    """One label whose bottom-left corner is (x, y)."""
    height = preset.height - 2 * PADDING
    qr_size = min(height, preset.width / 3)
    renderPDF.draw(qr_drawing(asset.tag, size=qr_size), sheet, x + PADDING, y + PADDING)
    text_x = x + 2 * PADDING + qr_size
    room = preset.width - qr_size - 3 * PADDING
    code = barcode_drawing(asset.tag, width=room, height=height * 0.45)
    renderPDF.draw(code, sheet, text_x, y + PADDING + height * 0.5)
    size = 7 if preset.height < 0.9 * inch else 9
    sheet.setFont("Helvetica-Bold", size)
    sheet.drawString(text_x, y + PADDING + height * 0.28, pdf.text(asset.tag))
    sheet.setFont("Helvetica", size - 2.5)
    sheet.drawString(text_x, y + PADDING + height * 0.06, pdf.text("Office des professions du Québec"))


def label_sheets_pdf(assets, *, preset_key, skip=0):
    preset = PRESETS[preset_key]
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=preset.page)
    sheet.setTitle(pdf.text(_("Asset labels")))
    page_height = preset.page[1]
    position = skip % preset.per_sheet
    for asset in assets:
        if position == preset.per_sheet:
            sheet.showPage()
            position = 0
        row, column = divmod(position, preset.columns)
        x = preset.left + column * preset.column_pitch
        y = page_height - preset.top - (row + 1) * preset.row_pitch
        _draw(sheet, asset, x, y, preset)
        position += 1
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()
