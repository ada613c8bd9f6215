"""The certificate a processed disposition list leaves: what was destroyed, transferred or
sorted, under which rules, who validated and approved it, and which backups still hold
the destroyed content (they are overwritten after BACKUP_RETENTION_DAYS)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.units import cm

from documents import selectors
from documents.choices import DispositionKind
from opq_intranet.core import pdf

TITLES = {
    DispositionKind.SEMI_ACTIVE_TRANSFER: gettext_lazy("Transfer slip to semi-active storage"),
    DispositionKind.DESTRUCTION: gettext_lazy("Destruction certificate"),
    DispositionKind.BANQ_TRANSFER: gettext_lazy("Transfer slip to BAnQ"),
    DispositionKind.SORTING: gettext_lazy("Sorting report"),
}
WIDTHS = [2.6 * cm, 6.2 * cm, 2.2 * cm, 1.8 * cm, 2.2 * cm, 2.2 * cm]


def _date(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _when(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else "—"


def certificate_pdf(disposition_list):
    files = list(disposition_list.files.select_related("record_class").order_by("reference"))
    rows = [[_("File number"), _("Title"), _("Class"), _("Rule"), _("Opened on"), _("Closed on")]]
    for record_file in files:
        rule, _source = selectors.effective_rule(record_file.record_class)
        rows.append(
            [
                record_file.reference,
                record_file.title,
                record_file.record_class.code,
                rule.number if rule else "—",
                _date(record_file.opened_on),
                _date(record_file.closed_on),
            ]
        )
    title = str(TITLES[disposition_list.kind])
    story = [
        pdf.heading(f"{title} {disposition_list.reference}", "title"),
        pdf.table(
            [
                [_("Unit"), str(disposition_list.org_unit)],
                [_("Number of files"), str(len(files))],
                [
                    _("Validated by the unit"),
                    f"{disposition_list.validated_by} · {_when(disposition_list.validated_at)}",
                ],
                [_("Approved by"), f"{disposition_list.approved_by} · {_when(disposition_list.approved_at)}"],
                [_("Processed by"), f"{disposition_list.processed_by} · {_when(disposition_list.processed_at)}"],
            ],
            widths=[5 * cm, 12.2 * cm],
            header=False,
        ),
        pdf.heading(_("Files")),
        pdf.table(rows, widths=WIDTHS),
    ]
    if disposition_list.kind == DispositionKind.DESTRUCTION:
        processed = timezone.localtime(disposition_list.processed_at).date()
        overwritten = processed + timedelta(days=settings.BACKUP_RETENTION_DAYS)
        story += [
            pdf.heading(_("Backups")),
            pdf.paragraph(
                _(
                    "The digital content of these files was deleted on %(date)s; their description and history are "
                    "kept. Backups made before that date still hold it until they are overwritten, at the latest on "
                    "%(overwritten)s (backups are kept %(days)s days)."
                )
                % {"date": _date(processed), "overwritten": _date(overwritten), "days": settings.BACKUP_RETENTION_DAYS}
            ),
        ]
    return pdf.render(story, title=f"{title} {disposition_list.reference}", subject=str(disposition_list.org_unit))
