"""The retention schedule (calendrier de conservation), approved by BAnQ (Loi sur les
archives, RLRQ c. A-21.1, art. 7-8): rules, and per rule the periods of each copy and medium."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.choices import (
    MAX_PERIOD_YEARS,
    PERIOD_OPEN,
    PERIOD_UNTIL_REPLACED,
    ApprovalStatus,
    CopyKind,
    FinalDisposal,
    Medium,
    PeriodBasis,
)
from opq_intranet.core.history import track_history

PERIOD_HELP = _("In years (0 to 99), or 888 (as long as the file is open) or 999 (until replaced).")


def validate_period(value):
    if value in (PERIOD_OPEN, PERIOD_UNTIL_REPLACED) or 0 <= value <= MAX_PERIOD_YEARS:
        return
    raise ValidationError(
        _("A period is a number of years from 0 to 99, or 888 (open) or 999 (until replaced)."), code="period"
    )


@track_history()
class RetentionRule(models.Model):
    number = models.CharField(_("rule number"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    legal_references = models.TextField(_("legal references"), blank=True)
    holding_units = models.ManyToManyField(
        "core.OrgUnit",
        verbose_name=_("holding units"),
        blank=True,
        related_name="retention_rules",
        help_text=_("The units that hold the principal copy; any other unit holds a secondary copy."),
    )
    approval_status = models.CharField(
        _("approval"), max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.DRAFT
    )
    banq_approved_on = models.DateField(_("BAnQ approval date"), null=True, blank=True)
    essential = models.BooleanField(_("essential (vital) records"), default=False)
    confidential = models.BooleanField(_("confidential"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["number"]
        permissions = [("manage_plan", "Manage the classification plan and the retention schedule")]
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")

    def __str__(self):
        return f"{self.number} – {self.title}"

    def get_absolute_url(self):
        return reverse("documents:rule_detail", args=[self.pk])

    def clean(self):
        if self.approval_status == ApprovalStatus.APPROVED and not self.banq_approved_on:
            raise ValidationError({"banq_approved_on": _("An approved rule has its BAnQ approval date.")})


@track_history()
class CopyRule(models.Model):
    """What happens to one copy (principal or secondary) on one medium under a rule."""

    rule = models.ForeignKey(
        RetentionRule, on_delete=models.CASCADE, related_name="copy_rules", verbose_name=_("retention rule")
    )
    copy_kind = models.CharField(_("copy"), max_length=20, choices=CopyKind.choices)
    medium = models.CharField(_("medium"), max_length=20, choices=Medium.choices)
    active_period = models.PositiveSmallIntegerField(
        _("active period"), validators=[validate_period], help_text=PERIOD_HELP
    )
    active_basis = models.CharField(
        _("counted from"), max_length=20, choices=PeriodBasis.choices, default=PeriodBasis.CLOSING
    )
    basis_event = models.CharField(
        _("event"), max_length=200, blank=True, help_text=_("When the period counts from an event: which one.")
    )
    semi_active_period = models.PositiveSmallIntegerField(
        _("semi-active period"), validators=[validate_period], help_text=PERIOD_HELP
    )
    final_disposal = models.CharField(_("final disposal"), max_length=1, choices=FinalDisposal.choices)
    sorting_note = models.TextField(_("what is kept at sorting"), blank=True)

    class Meta:
        ordering = ["rule", "copy_kind", "medium"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "copy_kind", "medium"], name="documents_copyrule_uniq"),
        ]
        verbose_name = _("copy rule")
        verbose_name_plural = _("copy rules")

    def __str__(self):
        return f"{self.rule.number} · {self.get_copy_kind_display()} · {self.get_medium_display()}"

    def clean(self):
        errors = {}
        if self.active_basis == PeriodBasis.EVENT and not self.basis_event.strip():
            errors["basis_event"] = _("Name the event the period counts from.")
        if self.final_disposal == FinalDisposal.SORTING and not self.sorting_note.strip():
            errors["sorting_note"] = _("Say what is kept when the file is sorted.")
        if errors:
            raise ValidationError(errors)
