"""The PDF statement of an appointee's attendance allowances over a period (French, amounts as
Quebec writes them: 1 234,50 $), built with core's PDF look."""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.units import cm

from administrateurs import allowances
from opq_intranet.core import pdf
from opq_intranet.core.templatetags.quebec import money

RIGHT = [("ALIGN", (3, 0), (-1, -1), "RIGHT")]


def statement_pdf(candidate, lines, *, start, end):
    with translation.override(settings.LANGUAGE_CODE):
        return _statement(candidate, lines, start=start, end=end)


def _statement(candidate, lines, *, start, end):
    title = _("Statement of attendance allowances")
    period = _("From %(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }
    story = [
        pdf.heading(title, "title"),
        pdf.paragraph(_("Appointee: %(name)s") % {"name": candidate}),
        pdf.paragraph(_("Period: %(period)s") % {"period": period}),
        pdf.spacer(),
    ]
    if lines:
        rows = [[_("Meeting date"), _("Body"), _("Kind"), _("Hours counted"), _("Rate"), _("Amount")]]
        for line in lines:
            meeting = line.meeting
            rows.append(
                [
                    date_format(meeting.held_on, "SHORT_DATE_FORMAT"),
                    meeting.body.name,
                    meeting.get_kind_display(),
                    allowances.hours_text(line.allowance.hours),
                    allowances.rate_text(line.allowance),
                    money(line.allowance.amount, 2),
                ]
            )
        rows.append(["", "", "", "", _("Total"), money(allowances.period_total(lines), 2)])
        story.append(pdf.table(rows, widths=[2.3 * cm, 4.6 * cm, 2.8 * cm, 1.8 * cm, 3.3 * cm, 2.4 * cm], styles=RIGHT))
        story.append(pdf.spacer())
        story.append(
            pdf.paragraph(
                ngettext(
                    "%(count)s meeting attended, total owed: %(total)s.",
                    "%(count)s meetings attended, total owed: %(total)s.",
                    len(lines),
                )
                % {"count": len(lines), "total": money(allowances.period_total(lines), 2)}
            )
        )
    else:
        story.append(pdf.paragraph(_("No meeting attended in this period.")))
    return pdf.render(story, title=title, subject=str(candidate))
