"""Disposition lists: the only way a file is destroyed, transferred to BAnQ or sorted.

A list gathers one unit's files due for one kind of disposition; the unit validates it,
the records manager approves it, then it is processed, which leaves a certificate (PDF).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.choices import DispositionKind, DispositionStatus, PaperDestruction
from opq_intranet.core.history import track_history


@track_history()
class DispositionList(models.Model):
    reference = models.CharField(_("list number"), max_length=30, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=DispositionKind.choices)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=DispositionStatus.choices, default=DispositionStatus.DRAFT
    )
    due_on = models.DateField(_("files due by"))
    files = models.ManyToManyField("documents.RecordFile", verbose_name=_("files"), related_name="disposition_lists")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("validated by"),
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("processed by"),
    )
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    certificate = models.ForeignKey(
        "core.PrivateFile", verbose_name=_("certificate"), null=True, blank=True, on_delete=models.PROTECT
    )
    notes = models.TextField(_("notes"), blank=True)
    # A destruction list with paper: how its paper was destroyed (asked when it is processed).
    paper_destruction = models.CharField(
        _("paper destroyed by"), max_length=20, choices=PaperDestruction.choices, blank=True
    )
    paper_destruction_note = models.CharField(
        _("details of the paper's destruction"),
        max_length=300,
        blank=True,
        help_text=_("The contractor, the number of its destruction certificate…"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("disposition list")
        verbose_name_plural = _("disposition lists")

    def __str__(self):
        return f"{self.reference} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("documents:disposition_detail", args=[self.pk])

    @property
    def is_open(self):
        """Not processed or cancelled yet: it may still be cancelled."""
        return self.status in (DispositionStatus.DRAFT, DispositionStatus.VALIDATED, DispositionStatus.APPROVED)

    @property
    def is_destruction(self):
        return self.kind == DispositionKind.DESTRUCTION


class LeftOffFile(models.Model):
    """A file due for the list's disposition that the list left off when it was generated,
    with the reason: a legal hold in force (disposal only) or an open paper loan. The list's
    page and its certificate say so."""

    disposition_list = models.ForeignKey(
        DispositionList, verbose_name=_("disposition list"), on_delete=models.CASCADE, related_name="left_off"
    )
    record_file = models.ForeignKey(
        "documents.RecordFile", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    hold = models.ForeignKey(
        "documents.LegalHold", verbose_name=_("legal hold"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    loan = models.ForeignKey(
        "documents.PaperLoan", verbose_name=_("paper loan"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["record_file__reference"]
        constraints = [
            models.UniqueConstraint(fields=["disposition_list", "record_file"], name="documents_left_off_uniq"),
            models.CheckConstraint(
                condition=models.Q(hold__isnull=False) | models.Q(loan__isnull=False), name="documents_left_off_why"
            ),
        ]
        verbose_name = _("file left off")
        verbose_name_plural = _("files left off")

    def __str__(self):
        return f"{self.disposition_list.reference}: {self.record_file.reference}"

    # As selectors.LeftOff names them (the preview's rows), for the same template.
    @property
    def hold_title(self):
        return self.hold.title if self.hold_id else ""

    @property
    def borrower(self):
        return str(self.loan.borrower) if self.loan_id else ""

    @property
    def loan_due_on(self):
        return self.loan.due_on if self.loan_id else None
