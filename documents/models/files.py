"""Files (dossiers): where records are kept, in a class of the plan, held by a unit.

The retention dates are computed from the class's rule (documents/retention.py) each time
the file's dates change; the records manager may override them, with the reason.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.choices import CopyKind, DisposalOutcome, FileMedium, FinalDisposal, LifecycleStage
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index

RESTRICTED_LEVELS = (ConfidentialityLevel.PERSONAL, ConfidentialityLevel.CONFIDENTIAL)


@track_history(exclude=["semi_active_due_on", "disposal_due_on"])
class RecordFile(models.Model):
    reference = models.CharField(_("file number"), max_length=30, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    record_class = models.ForeignKey(
        "documents.RecordClass", verbose_name=_("class"), on_delete=models.PROTECT, related_name="files"
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="record_files"
    )
    description = models.TextField(_("description"), blank=True)
    keywords = models.CharField(_("keywords"), max_length=500, blank=True)
    medium = models.CharField(_("medium"), max_length=20, choices=FileMedium.choices, default=FileMedium.DIGITAL)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=ConfidentialityLevel.choices,
        default=ConfidentialityLevel.INTERNAL,
    )
    copy_kind = models.CharField(
        _("copy"),
        max_length=20,
        choices=CopyKind.choices,
        default=CopyKind.PRINCIPAL,
        help_text=_("Principal when the unit holds the principal copy under the class's rule."),
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    event_on = models.DateField(
        _("event date"),
        null=True,
        blank=True,
        help_text=_("The event the rule counts from, or the date the record was replaced."),
    )
    location = models.CharField(_("location"), max_length=200, blank=True, help_text=_("Where the paper file is kept."))
    # Paper and hybrid files only (documents.services.paper.file_put_in_box).
    box = models.ForeignKey(
        "documents.Box", verbose_name=_("box"), null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    # Computed from the rule (documents.services.files.file_schedule_refresh).
    expected_semi_active_on = models.DateField(_("expected semi-active transfer"), null=True, blank=True)
    expected_disposal_on = models.DateField(_("expected disposal"), null=True, blank=True)
    final_disposal = models.CharField(_("final disposal"), max_length=1, choices=FinalDisposal.choices, blank=True)
    schedule_pending = models.CharField(_("dates pending"), max_length=200, blank=True)
    # The records manager's override of the computed dates, with its reason.
    semi_active_override = models.DateField(_("semi-active transfer (override)"), null=True, blank=True)
    disposal_override = models.DateField(_("disposal (override)"), null=True, blank=True)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    # The dates in force (the override, else the computed one), kept by PostgreSQL itself so
    # that "what is due" is an index range scan rather than a pass over every file.
    semi_active_due_on = models.GeneratedField(
        expression=Coalesce("semi_active_override", "expected_semi_active_on"),
        output_field=models.DateField(),
        db_persist=True,
        verbose_name=_("semi-active transfer in force"),
    )
    disposal_due_on = models.GeneratedField(
        expression=Coalesce("disposal_override", "expected_disposal_on"),
        output_field=models.DateField(),
        db_persist=True,
        verbose_name=_("disposal in force"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=LifecycleStage.choices, default=LifecycleStage.ACTIVE)
    semi_active_since = models.DateField(_("semi-active since"), null=True, blank=True)
    disposed_on = models.DateField(_("disposed on"), null=True, blank=True)
    disposal_outcome = models.CharField(_("disposal"), max_length=20, choices=DisposalOutcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        indexes = [
            models.Index(fields=["record_class", "stage"], name="documents_file_class_idx"),
            models.Index(fields=["org_unit", "confidentiality"], name="documents_file_unit_idx"),
            models.Index(
                fields=["disposal_due_on"], condition=~Q(stage="disposed"), name="documents_file_disp_due_idx"
            ),
            models.Index(
                fields=["semi_active_due_on"], condition=Q(stage="active"), name="documents_file_semi_due_idx"
            ),
            # The list's default order.
            models.Index(fields=["-opened_on", "-id"], name="documents_file_opened_idx"),
            # The file list's search box (core.text.filter_words) on 100 000 files.
            words_index("title", "documents_file_title_trgm"),
            words_index("reference", "documents_file_ref_trgm"),
            words_index("keywords", "documents_file_keywords_trgm"),
        ]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("documents:file_detail", args=[self.pk])

    @property
    def semi_active_on(self):
        """The transfer date in force: the override, else the computed one."""
        return self.semi_active_override or self.expected_semi_active_on

    @property
    def disposal_on(self):
        return self.disposal_override or self.expected_disposal_on

    @property
    def is_restricted(self):
        return self.confidentiality in RESTRICTED_LEVELS

    @property
    def is_disposed(self):
        return self.stage == LifecycleStage.DISPOSED

    def clean(self):
        errors = {}
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("A file closes after it opens.")
        if self.box_id and self.medium == FileMedium.DIGITAL:
            errors["medium"] = _("A digital file has no box: take it out of its box first.")
        if (self.semi_active_override or self.disposal_override) and not self.override_reason.strip():
            errors["override_reason"] = _("Give the reason for changing the computed dates.")
        if errors:
            raise ValidationError(errors)
