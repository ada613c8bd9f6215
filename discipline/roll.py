"""The roll of a day (rôle d'audience) as a PDF, through core's PDF look. Its entries come
redacted from selectors.roll_of: nothing an order of art. 142 covers reaches the file."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opq_intranet.core import pdf


def roll_pdf(day, entries):
    title = _("Roll of hearings of %(day)s") % {"day": date_format(day, "DATE_FORMAT")}
    rows = [[_("Time"), _("Place"), _("Case"), _("Hearing"), _("Parties"), _("Panel")]]
    for entry in entries:
        hearing = entry.hearing
        start = timezone.localtime(hearing.starts_at)
        panel = ", ".join([str(hearing.chair), *(str(m) for m in hearing.members.all())])
        rows.append(
            [
                f"{start:%H:%M} ({hearing.duration_minutes} min)",
                hearing.place,
                f"{hearing.case.number}\n{hearing.case.council.order}",
                hearing.get_kind_display(),
                _("%(complainant)s v. %(respondent)s")
                % {"complainant": entry.complainant, "respondent": entry.respondent},
                panel,
            ]
        )
    if len(rows) == 1:
        story = [pdf.heading(title, "title"), pdf.paragraph(_("No hearing on this day."))]
    else:
        story = [pdf.heading(title, "title"), pdf.table(rows)]
    return pdf.render(story, title=title)
