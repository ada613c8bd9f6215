"""PDF documents of the Office (receipts, certificates, slips), built with ReportLab.

One look for every PDF: Letter page, the Office's name at the top, a footer with the
document's title and the page number. The standard Helvetica font is used (no font file
to ship); it covers French, and `text()` replaces the few characters it lacks.

    from opq_intranet.core import pdf
    story = [pdf.heading("Titre"), pdf.paragraph("…"), pdf.table([["a", "b"]])]
    content = pdf.render(story, title="Accusé de réception")
"""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# Characters outside the standard fonts' encoding (cp1252), and what stands for them.
SUBSTITUTES = {"\u2212": "-", "\u202f": "\u00a0", "\u2009": " ", "\u2011": "-"}
MARGIN = 2 * cm

_styles = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("opq-title", parent=_styles["Title"], fontSize=16, leading=20, alignment=0),
    "h2": ParagraphStyle("opq-h2", parent=_styles["Heading2"], fontSize=12, leading=15, spaceBefore=10),
    "body": ParagraphStyle("opq-body", parent=_styles["BodyText"], fontSize=9, leading=12),
    "small": ParagraphStyle("opq-small", parent=_styles["BodyText"], fontSize=7.5, leading=9.5),
    "cell": ParagraphStyle("opq-cell", parent=_styles["BodyText"], fontSize=8, leading=10),
}


def text(value):
    """A value as text the standard fonts can draw."""
    value = "" if value is None else str(value)
    for char, replacement in SUBSTITUTES.items():
        value = value.replace(char, replacement)
    return value.encode("cp1252", "replace").decode("cp1252")


def paragraph(value, style="body"):
    return Paragraph(escape(text(value)), STYLES[style])


def heading(value, level="h2"):
    return paragraph(value, level)


def spacer(height=0.3 * cm):
    return Spacer(1, height)


def table(rows, *, widths=None, header=True, styles=()):
    """A grid of text cells; the first row is a header unless told otherwise."""
    data = [[c if isinstance(c, Flowable) else paragraph(c, "cell") for c in row] for row in rows]
    grid = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
    grid.setStyle(TableStyle(commands + list(styles)))
    return grid


def render(story, *, title, subject="", wide=False):
    """The PDF's bytes; `wide`: a landscape page, for tables of many columns (reports)."""
    buffer = io.BytesIO()
    page = landscape(LETTER) if wide else LETTER
    printed = date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(MARGIN, page[1] - 1.2 * cm, text(_("Office des professions du Québec")))
        canvas.setFont("Helvetica", 7.5)
        footer = _("%(title)s · printed %(printed)s · page %(page)s") % {
            "title": title,
            "printed": printed,
            "page": doc.page,
        }
        canvas.drawString(MARGIN, 1.2 * cm, text(footer))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=text(title),
        subject=text(subject),
        author=text(_("Office des professions du Québec")),
        lang="fr-CA",
    )
    document.build(list(story), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
