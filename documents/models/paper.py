"""The paper side of records management: where boxes stand, the boxes, and loans of files.

- A storage space is a place on a shelf of a room at one of the Office's sites; its
  capacity is counted in boxes. Boxes standing in it (not sent to BAnQ, not destroyed)
  occupy it.
- A box (container) is numbered (B2026-00042) by core's numbering service; its capacity is
  counted in files (dossiers), the unit a clerk counts when filling it: a standard records
  box holds about a dozen files. It holds the paper (and hybrid) files of one unit. Without
  a space, a box is in transit.
- A paper loan: a paper or hybrid file lent to a staff member until a due date; one open
  loan per file (a database constraint), returned or extended by the records manager.

Every write goes through documents/services/paper.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opq_intranet.core.history import track_history

DEFAULT_BOX_CAPACITY = 12  # files in a standard records box (38 × 30 × 25 cm)


class BoxStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("box", "Active")
    SEMI_ACTIVE = "semi_active", pgettext_lazy("box", "Semi-active")
    TRANSFERRED = "transferred", pgettext_lazy("box", "Sent to BAnQ")
    DESTROYED = "destroyed", pgettext_lazy("box", "Destroyed")


# Boxes that are still in the Office's storage: they occupy a space and take files.
ON_SHELF = (BoxStatus.ACTIVE, BoxStatus.SEMI_ACTIVE)


@track_history()
class StorageSpace(models.Model):
    code = models.CharField(
        _("code"), max_length=30, unique=True, help_text=_("As written on the shelf, e.g. Q-RC-12 (site, room, shelf).")
    )
    site = models.ForeignKey("core.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="+")
    room = models.CharField(_("room"), max_length=100)
    shelf = models.CharField(_("shelf"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity (boxes)"), validators=[MinValueValidator(1)], help_text=_("How many boxes the space holds.")
    )
    is_active = models.BooleanField(_("in use"), default=True, help_text=_("A space no longer in use takes no box."))

    class Meta:
        ordering = ["code"]
        verbose_name = _("storage space")
        verbose_name_plural = _("storage spaces")

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("documents:space_detail", args=[self.pk])

    @property
    def place(self):
        """Room and shelf, as a clerk says it."""
        return " · ".join(part for part in (self.room, self.shelf) if part)


@track_history()
class Box(models.Model):
    number = models.CharField(_("box number"), max_length=30, unique=True, editable=False)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    storage_space = models.ForeignKey(
        StorageSpace,
        verbose_name=_("storage space"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="boxes",
        help_text=_("Left empty while the box is in transit."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity (files)"),
        default=DEFAULT_BOX_CAPACITY,
        validators=[MinValueValidator(1)],
        help_text=_("How many files the box holds."),
    )
    status = models.CharField(_("status"), max_length=20, choices=BoxStatus.choices, default=BoxStatus.ACTIVE)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        indexes = [models.Index(fields=["org_unit", "status"], name="documents_box_unit_idx")]
        verbose_name = _("box")
        verbose_name_plural = _("boxes")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("documents:box_detail", args=[self.pk])

    @property
    def on_shelf(self):
        return self.status in ON_SHELF


@track_history()
class PaperLoan(models.Model):
    record_file = models.ForeignKey(
        "documents.RecordFile", verbose_name=_("file"), on_delete=models.PROTECT, related_name="loans"
    )
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("borrower"), on_delete=models.PROTECT, related_name="paper_loans"
    )
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lent by"), on_delete=models.PROTECT, related_name="+"
    )
    lent_on = models.DateField(_("lent on"))
    due_on = models.DateField(_("due on"))
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    returned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    extension_reason = models.TextField(_("reason for the last extension"), blank=True)
    last_reminder_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-lent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_file"], condition=Q(returned_on__isnull=True), name="documents_one_open_loan"
            ),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("lent_on")), name="documents_loan_due_after"),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=models.F("lent_on")),
                name="documents_loan_returned_after",
            ),
        ]
        indexes = [
            models.Index(
                fields=["borrower", "due_on"], condition=Q(returned_on__isnull=True), name="documents_loan_open_idx"
            )
        ]
        verbose_name = _("paper loan")
        verbose_name_plural = _("paper loans")

    def __str__(self):
        return f"{self.record_file.reference} → {self.borrower}"

    def get_absolute_url(self):
        return reverse("documents:loan_detail", args=[self.pk])

    @property
    def is_overdue(self):
        return self.returned_on is None and self.due_on < timezone.localdate()

    def clean(self):
        errors = {}
        if self.lent_on and self.due_on and self.due_on < self.lent_on:
            errors["due_on"] = _("The due date comes after the loan date.")
        if self.lent_on and self.returned_on and self.returned_on < self.lent_on:
            errors["returned_on"] = _("A file is returned after it is lent.")
        if errors:
            raise ValidationError(errors)
