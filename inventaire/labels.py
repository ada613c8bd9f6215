"""An asset's tag as people and scanners read it: a Code 128 barcode and a QR code, both of
the tag alone (a keyboard scanner types it, the phone's camera reads it): ReportLab's Code 128
and the qrcode package's QR as SVG for the page, ReportLab's drawings for the PDF label sheet."""

import re
from functools import lru_cache

import qrcode
from django.utils.html import escape
from django.utils.safestring import mark_safe
from qrcode.image.svg import SvgPathImage
from reportlab.graphics import renderSVG
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.lib.units import mm

# ReportLab writes its SVG styles as style="…" attributes, which the site's CSP (style-src
# 'self') refuses inline; SVG reads the same properties as presentation attributes.
STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')
QR_SIZE = re.compile(r'width="[^"]*" height="[^"]*"')
QR_PIXELS = 80
# What a tag may hold: what both symbologies carry and a scanner types back unchanged.
TAG_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,28}[A-Z0-9]$")


def barcode_drawing(tag, *, width=50 * mm, height=12 * mm):
    return createBarcodeDrawing("Code128", value=tag, width=width, height=height, humanReadable=False)


def qr_drawing(tag, *, size=20 * mm):
    return createBarcodeDrawing("QR", value=tag, width=size, height=size, barBorder=0)


def _presentation_attributes(match):
    pairs = (item.split(":", 1) for item in match.group(1).split(";") if ":" in item)
    return " ".join(f'{name.strip()}="{value.strip()}"' for name, value in pairs)


def _svg(drawing, label):
    svg = STYLE_ATTRIBUTE.sub(_presentation_attributes, renderSVG.drawToString(drawing))
    svg = svg[svg.index("<svg") :]  # no XML prologue inside HTML
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    svg = svg.replace("<title>...</title>", f"<title>{escape(label)}</title>", 1).replace("<desc>...</desc>", "", 1)
    return mark_safe(svg)  # noqa: S308 (ReportLab's drawing of a checked tag, the label escaped)


# A tag never changes and drawing one costs milliseconds: each process keeps the latest ones.
@lru_cache(maxsize=4096)
def barcode_svg(tag, label):
    if not TAG_PATTERN.match(tag):
        return ""
    return _svg(barcode_drawing(tag), label)


@lru_cache(maxsize=4096)
def qr_svg(tag, label):
    """The page's QR code by the `qrcode` package: one SVG path, several times faster to draw
    than ReportLab's (which the PDF label sheet keeps)."""
    if not TAG_PATTERN.match(tag):
        return ""
    svg = qrcode.make(tag, image_factory=SvgPathImage).to_string(encoding="unicode")
    svg = QR_SIZE.sub(f'role="img" aria-label="{escape(label)}" width="{QR_PIXELS}" height="{QR_PIXELS}"', svg, count=1)
    svg = svg.replace("><path", f"><title>{escape(label)}</title><path", 1)
    return mark_safe(svg)  # noqa: S308 (the qrcode package's drawing of a checked tag, the label escaped)
