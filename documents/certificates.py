"""The certificate a processed disposition list leaves: what was destroyed, transferred or
sorted, under which rules, the paper part (the box each file was in, how the paper was
destroyed), the files the list left off and why, which backups still hold the destroyed
content (they are overwritten after BACKUP_RETENTION_DAYS), and the signature lines of who
validated, approved and processed it."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.units import cm

from documents import selectors
from documents.choices import DispositionKind, FileMedium
from documents.models import RetentionRule
from opq_intranet.core import pdf

TITLES = {
    DispositionKind.SEMI_ACTIVE_TRANSFER: gettext_lazy("Transfer slip to semi-active storage"),
    DispositionKind.DESTRUCTION: gettext_lazy("Destruction certificate"),
    DispositionKind.BANQ_TRANSFER: gettext_lazy("Transfer slip to BAnQ"),
    DispositionKind.SORTING: gettext_lazy("Sorting report"),
}
WIDTHS = [2.6 * cm, 6.2 * cm, 2.2 * cm, 1.8 * cm, 2.2 * cm, 2.2 * cm]
PAPER_WIDTHS = [2.6 * cm, 8.4 * cm, 3.2 * cm, 3.0 * cm]
LEFT_OFF_WIDTHS = [2.6 * cm, 6.6 * cm, 8.0 * cm]
SIGNATURE_WIDTHS = [3.4 * cm, 4.6 * cm, 2.4 * cm, 6.8 * cm]
SIGNATURE_LINE = "_" * 28


def _date(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _when(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else "—"


def _day(value):
    return _date(timezone.localtime(value).date()) if value else "—"


def _rule_numbers(files):
    """{class id: the number of the rule it takes}, in two queries whatever the number of files."""
    effective = selectors.effective_rules()
    wanted = {effective.get(f.record_class_id) for f in files} - {None}
    numbers = dict(RetentionRule.objects.filter(pk__in=wanted).values_list("pk", "number"))
    return {f.record_class_id: numbers.get(effective.get(f.record_class_id)) for f in files}


def _left_off_reason(entry):
    reasons = []
    if entry.hold_id:
        reasons.append(_("Legal hold: %(title)s") % {"title": entry.hold_title})
    if entry.loan_id:
        reasons.append(
            _("lent to %(person)s until %(due)s") % {"person": entry.borrower, "due": _date(entry.loan_due_on)}
        )
    return "; ".join(reasons)


def _paper_part(disposition_list, files, boxes):
    paper = [f for f in files if f.medium != FileMedium.DIGITAL]
    if not paper:
        return []
    rows = [[_("File number"), _("Title"), _("Medium"), _("Box")]]
    for record_file in paper:
        box = boxes.get(record_file.pk) or (record_file.box.number if record_file.box_id else "—")
        rows.append([record_file.reference, record_file.title, record_file.get_medium_display(), box])
    story = [pdf.heading(_("Paper part")), pdf.table(rows, widths=PAPER_WIDTHS)]
    if disposition_list.kind == DispositionKind.DESTRUCTION:
        how = disposition_list.get_paper_destruction_display() or "—"
        line = _("Paper destroyed by: %(how)s") % {"how": how}
        if disposition_list.paper_destruction_note:
            line += f" ({disposition_list.paper_destruction_note})"
        story.append(pdf.paragraph(line))
    return story


def _signatures(disposition_list):
    rows = [[_("Step"), _("Name"), _("Date"), _("Signature")]]
    line = _("Signature:") + " " + SIGNATURE_LINE
    for label, person, when in (
        (_("Validated by"), disposition_list.validated_by, disposition_list.validated_at),
        (_("Approved by"), disposition_list.approved_by, disposition_list.approved_at),
        (_("Processed by"), disposition_list.processed_by, disposition_list.processed_at),
    ):
        rows.append([label, str(person) if person else "—", _day(when), line])
    return [
        pdf.heading(_("Signatures")),
        pdf.table(rows, widths=SIGNATURE_WIDTHS, styles=[("TOPPADDING", (0, 1), (-1, -1), 10)]),
    ]


def certificate_pdf(disposition_list, boxes=None):
    """The PDF's bytes. `boxes` ({file id: box number}) names the boxes the files have just left."""
    boxes = boxes or {}
    files = list(disposition_list.files.select_related("record_class", "box").order_by("reference"))
    rule_numbers = _rule_numbers(files)
    rows = [[_("File number"), _("Title"), _("Class"), _("Rule"), _("Opened on"), _("Closed on")]]
    for record_file in files:
        rows.append(
            [
                record_file.reference,
                record_file.title,
                record_file.record_class.code,
                rule_numbers.get(record_file.record_class_id) or "—",
                _date(record_file.opened_on),
                _date(record_file.closed_on),
            ]
        )
    left_off = list(selectors.left_off_of(disposition_list))
    title = str(TITLES[disposition_list.kind])
    story = [
        pdf.heading(f"{title} {disposition_list.reference}", "title"),
        pdf.table(
            [
                [_("Unit"), str(disposition_list.org_unit)],
                [_("Number of files"), str(len(files))],
                [_("Files left off"), str(len(left_off))],
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
        *_paper_part(disposition_list, files, boxes),
    ]
    if left_off:
        left_rows = [[_("File number"), _("Title"), _("Reason")]]
        left_rows += [[e.record_file.reference, e.record_file.title, _left_off_reason(e)] for e in left_off]
        story += [
            pdf.heading(_("Files left off")),
            pdf.paragraph(_("Due for this disposition, these files were left off the list, for the reason given.")),
            pdf.table(left_rows, widths=LEFT_OFF_WIDTHS),
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
    story += _signatures(disposition_list)
    return pdf.render(story, title=f"{title} {disposition_list.reference}", subject=str(disposition_list.org_unit))
