"""The PDF report of a closed stock-taking campaign: its scope, its counts, and its four lists."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.units import cm

from opq_intranet.core import pdf

WIDTHS = [3 * cm, 4 * cm, 5.5 * cm, 5 * cm]


def _asset_rows(assets, where):
    return [[a.tag, a.category.name, a.label or "—", where(a)] for a in assets]


def campaign_report_pdf(campaign, results):
    title = _("Stock-taking %(number)s") % {"number": campaign.number}
    closed = date_format(timezone.localtime(campaign.closed_at), "DATETIME_FORMAT")
    story = [
        pdf.heading(title, "title"),
        pdf.paragraph(
            _("%(scope)s · opened on %(opened)s by %(by)s · closed on %(closed)s by %(closer)s.")
            % {
                "scope": campaign.scope_label,
                "opened": date_format(campaign.opened_on, "DATE_FORMAT"),
                "by": campaign.opened_by,
                "closed": closed,
                "closer": campaign.closed_by,
            }
        ),
        pdf.spacer(),
        pdf.table(
            [
                [_("Found where expected"), _("Found in the wrong place"), _("Missing"), _("Unknown tags")],
                [str(n) for n in results.counts.values()],
            ]
        ),
    ]
    header = [_("Asset tag"), _("Category"), _("Make and model"), _("Location")]
    sections = [
        (
            _("Found in the wrong place"),
            [
                [
                    s.asset.tag,
                    s.asset.category.name,
                    s.asset.label or "—",
                    _("%(expected)s → found in %(found)s")
                    % {"expected": s.asset.location or "—", "found": s.location.room},
                ]
                for s in results.wrong_place
            ],
        ),
        (
            _("Moved to where they were found"),
            [[s.asset.tag, s.asset.category.name, s.asset.label or "—", s.location.room] for s in results.moved],
        ),
        (_("Missing"), _asset_rows(results.missing, lambda a: str(a.location))),
        (_("Unknown tags"), [[s.tag, "—", "—", s.location.room] for s in results.unknown]),
        (
            _("Found where expected"),
            [[s.asset.tag, s.asset.category.name, s.asset.label or "—", s.location.room] for s in results.found],
        ),
    ]
    for heading, rows in sections:
        story += [pdf.heading(f"{heading} ({len(rows)})")]
        story += [pdf.table([header, *rows], widths=WIDTHS)] if rows else [pdf.paragraph(_("None."))]
    return pdf.render(story, title=title, subject=campaign.scope_label)
