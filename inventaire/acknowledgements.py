"""The PDF of a hand-over's acknowledgement: what the person received, from whom, on what
day, and when they acknowledged it in the intranet (kept as a private file of the hand-over)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.units import cm

from opq_intranet.core import pdf


def acknowledgement_pdf(handover, items):
    title = _("Acknowledgement of receipt of equipment")
    acknowledged = date_format(timezone.localtime(handover.acknowledged_at), "DATETIME_FORMAT")
    rows = [[_("Asset tag"), _("Category"), _("Description"), _("Serial number")]]
    rows += [
        [item.asset.tag, item.asset.category.name, item.asset.label, item.asset.serial_number or "—"] for item in items
    ]
    story = [
        pdf.heading(title, "title"),
        pdf.paragraph(
            _("Hand-over no. %(number)s of %(date)s, by %(by)s.")
            % {"number": handover.pk, "date": date_format(handover.handed_on, "DATE_FORMAT"), "by": handover.handed_by}
        ),
        pdf.spacer(),
        pdf.table(rows, widths=[3.2 * cm, 3.5 * cm, 6 * cm, 4.5 * cm]),
        pdf.spacer(),
        pdf.paragraph(
            _(
                "I, %(holder)s, acknowledge that I received the equipment listed above. I undertake to take care "
                "of it, to use it for the Office's work, and to return it when asked or when I leave the Office."
            )
            % {"holder": handover.holder}
        ),
        pdf.paragraph(_("Acknowledged in the intranet on %(when)s.") % {"when": acknowledged}),
    ]
    if handover.note:
        story.append(pdf.paragraph(_("Note: %(note)s") % {"note": handover.note}))
    return pdf.render(story, title=title, subject=str(handover.holder))
