"""Labels of boxes and paper files, as PDF, with a Code 128 barcode of their number.

A box's label says whose files it holds (the unit), where it stands, the dates its files
span and their numbers; four labels fit on a Letter sheet (cut along the dotted lines).
A file's label gives its number as a barcode, its title and its class, for the folder's
tab. The barcodes are what a clerk scans to put a file in a box (the forms take the
number typed or scanned).

Same look as the Office's other PDFs (opq_intranet/core/pdf.py): Helvetica, the Office's
name on top, text made safe for the standard fonts by `pdf.text()`. A sheet of labels has
no page header or footer: it would land on the labels.
"""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from opq_intranet.core import pdf

SHEET_MARGIN = 1 * cm
COLUMNS, ROWS = 2, 2
LABELS_PER_SHEET = COLUMNS * ROWS
PADDING = 0.5 * cm
BAR_WIDTH = 0.9  # points (0.32 mm): read by any handheld scanner
FILES_ON_LABEL = 40

FILE_LABEL_WIDTH, FILE_LABEL_HEIGHT = 9.5 * cm, 5 * cm

STYLES = {
    "office": ParagraphStyle("label-office", fontName="Helvetica-Bold", fontSize=8, leading=10),
    "number": ParagraphStyle("label-number", fontName="Helvetica-Bold", fontSize=22, leading=26),
    "strong": ParagraphStyle("label-strong", fontName="Helvetica-Bold", fontSize=11, leading=13.5),
    "body": ParagraphStyle("label-body", fontName="Helvetica", fontSize=9, leading=11.5),
    "small": ParagraphStyle("label-small", fontName="Helvetica", fontSize=7.5, leading=9.5),
    "title": ParagraphStyle("label-title", fontName="Helvetica-Bold", fontSize=10, leading=12.5),
}


def _date(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _paragraph(value, style):
    return Paragraph(escape(pdf.text(value)), STYLES[style])


class _Cursor:
    """Draws flowables top-down inside a rectangle; stops when the rectangle is full."""

    def __init__(self, canvas, x, top, width, bottom):
        self.canvas, self.x, self.y, self.width, self.bottom = canvas, x, top, width, bottom

    def draw(self, flowable, space_after=2):
        _width, height = flowable.wrapOn(self.canvas, self.width, self.y - self.bottom)
        if self.y - height < self.bottom:
            return False
        self.y -= height
        flowable.drawOn(self.canvas, self.x, self.y)
        self.y -= space_after
        return True

    def barcode(self, value, height):
        code = Code128(pdf.text(value), barHeight=height, barWidth=BAR_WIDTH, humanReadable=False)
        if code.width > self.width:  # a long number: narrower bars rather than a clipped code
            code = Code128(
                pdf.text(value), barHeight=height, barWidth=BAR_WIDTH * self.width / code.width, humanReadable=False
            )
        self.y -= height
        code.drawOn(self.canvas, self.x, self.y)
        self.y -= 4


def _canvas(buffer, *, title, subject):
    canvas = Canvas(buffer, pagesize=LETTER, lang="fr-CA")
    canvas.setTitle(pdf.text(title))
    canvas.setSubject(pdf.text(subject))
    canvas.setAuthor(pdf.text(_("Office des professions du Québec")))
    return canvas


def _cut_line(canvas, x, y, width, height):
    canvas.saveState()
    canvas.setStrokeColor(colors.grey)
    canvas.setLineWidth(0.4)
    canvas.setDash(2, 3)
    canvas.rect(x, y, width, height)
    canvas.restoreState()


def _box_label(canvas, label, x, y, width, height):
    box, files = label["box"], label["files"]
    _cut_line(canvas, x, y, width, height)
    cursor = _Cursor(canvas, x + PADDING, y + height - PADDING, width - 2 * PADDING, y + PADDING)
    cursor.draw(_paragraph(_("Office des professions du Québec"), "office"))
    cursor.draw(_paragraph(_("Box %(number)s") % {"number": box.number}, "number"), space_after=4)
    cursor.barcode(box.number, 1.6 * cm)
    cursor.draw(_paragraph(box.org_unit.name, "strong"))
    space = box.storage_space
    if space is not None:
        where = f"{space.code} · {space.site.name} · {space.place}"
    else:
        where = _("In transit (no storage space)")
    cursor.draw(_paragraph(where, "body"))
    cursor.draw(_paragraph(box.get_status_display(), "body"))
    opened = [f.opened_on for f in files if f.opened_on]
    ends = [f.closed_on or f.opened_on for f in files if f.opened_on]
    if opened:
        span = _("Files from %(start)s to %(end)s") % {"start": _date(min(opened)), "end": _date(max(ends))}
        cursor.draw(_paragraph(span, "body"), space_after=4)
    count = ngettext("%(count)s file:", "%(count)s files:", len(files)) % {"count": len(files)}
    numbers = ", ".join(f.reference for f in files[:FILES_ON_LABEL])
    if len(files) > FILES_ON_LABEL:
        numbers += " …"
    if not files:
        cursor.draw(_paragraph(_("No file yet."), "small"))
    elif not cursor.draw(_paragraph(f"{count} {numbers}", "small")):
        cursor.draw(_paragraph(count + " " + _("see the box's page."), "small"))


def box_labels_pdf(labels):
    """A sheet of box labels, four per Letter page. `labels`: [{"box": box, "files": [...]}]."""
    buffer = io.BytesIO()
    numbers = [label["box"].number for label in labels]
    title = _("Box labels") if len(labels) != 1 else _("Label of box %(number)s") % {"number": numbers[0]}
    canvas = _canvas(buffer, title=title, subject=", ".join(numbers[:20]))
    page_width, page_height = LETTER
    width = (page_width - 2 * SHEET_MARGIN) / COLUMNS
    height = (page_height - 2 * SHEET_MARGIN) / ROWS
    for index, label in enumerate(labels):
        slot = index % LABELS_PER_SHEET
        if index and slot == 0:
            canvas.showPage()
        column, row = slot % COLUMNS, slot // COLUMNS
        x = SHEET_MARGIN + column * width
        y = page_height - SHEET_MARGIN - (row + 1) * height
        _box_label(canvas, label, x, y, width, height)
    if not labels:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(SHEET_MARGIN, page_height - 2 * SHEET_MARGIN, pdf.text(_("No box matches these criteria.")))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def file_label_pdf(record_file):
    """The label of a paper file's folder: its number as a barcode, title, class and unit."""
    buffer = io.BytesIO()
    canvas = _canvas(
        buffer, title=_("Label of file %(reference)s") % {"reference": record_file.reference}, subject=record_file.title
    )
    page_height = LETTER[1]
    x, y = SHEET_MARGIN, page_height - SHEET_MARGIN - FILE_LABEL_HEIGHT
    _cut_line(canvas, x, y, FILE_LABEL_WIDTH, FILE_LABEL_HEIGHT)
    cursor = _Cursor(
        canvas, x + PADDING, y + FILE_LABEL_HEIGHT - PADDING * 0.7, FILE_LABEL_WIDTH - 2 * PADDING, y + PADDING * 0.5
    )
    cursor.draw(_paragraph(_("Office des professions du Québec"), "office"))
    cursor.draw(_paragraph(record_file.reference, "strong"))
    cursor.barcode(record_file.reference, 1.1 * cm)
    cursor.draw(_paragraph(record_file.title, "title"))
    record_class = record_file.record_class
    cursor.draw(_paragraph(f"{record_class.code} {record_class.title} · {record_file.org_unit.name}", "small"))
    dates = _("Opened on %(date)s") % {"date": _date(record_file.opened_on)}
    if record_file.closed_on:
        dates += " · " + _("closed on %(date)s") % {"date": _date(record_file.closed_on)}
    cursor.draw(_paragraph(dates, "small"))
    canvas.setFont("Helvetica", 7)
    printed = _("Printed %(when)s") % {"when": date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")}
    canvas.drawString(x, y - 0.4 * cm, pdf.text(printed))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
