"""An order's annual return for a year, its values, comments and workflow trail."""

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bdsp.choices import ReturnStatus, ValueState
from opq_intranet.core.history import track_history

# Neither submitted nor accepted: the order still owes the Office this return.
PENDING_STATUSES = (ReturnStatus.DRAFT, ReturnStatus.RETURNED)


class AnnualReturnQuerySet(models.QuerySet):
    @staticmethod
    def overdue_condition(today=None):
        """The one definition of "overdue": still pending after its due date."""
        return Q(due_date__lt=today or timezone.localdate(), status__in=PENDING_STATUSES)

    def with_overdue(self, today=None):
        """Annotates `is_overdue` (True or False, never NULL)."""
        condition = When(self.overdue_condition(today), then=Value(True))
        return self.annotate(is_overdue=Case(condition, default=Value(False), output_field=BooleanField()))

    def overdue(self, today=None):
        return self.filter(self.overdue_condition(today))


@track_history()
class AnnualReturn(models.Model):
    """One version of an order's return for a year. An amendment is a new version."""

    professional_order = models.ForeignKey(
        "core.ProfessionalOrder", verbose_name=_("professional order"), on_delete=models.PROTECT, related_name="returns"
    )
    reporting_year = models.ForeignKey(
        "bdsp.ReportingYear", verbose_name=_("reporting year"), on_delete=models.PROTECT, related_name="returns"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    amends = models.OneToOneField(
        "self", verbose_name=_("amends"), null=True, blank=True, on_delete=models.PROTECT, related_name="amendment"
    )
    amendment_reason = models.TextField(_("reason for the amendment"), blank=True)
    superseded = models.BooleanField(_("replaced by an amendment"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    fiscal_year_end = models.DateField(_("end of the fiscal year"), null=True, blank=True)
    general_meeting_date = models.DateField(_("date of the annual general meeting"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # Optimistic concurrency: every save of values increments it; a stale form is refused.
    edit_version = models.PositiveIntegerField(default=0, verbose_name=_("edit version"))
    last_saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attestation = models.TextField(_("attestation"), blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    last_reminder_sent = models.CharField(max_length=20, blank=True, verbose_name=_("last reminder sent"))

    objects = AnnualReturnQuerySet.as_manager()

    class Meta:
        ordering = ["-reporting_year__year", "professional_order__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["professional_order", "reporting_year", "version"], name="bdsp_return_version_uniq"
            ),
        ]
        indexes = [models.Index(fields=["reporting_year", "status"], name="bdsp_return_year_status_idx")]
        verbose_name = _("annual return")
        verbose_name_plural = _("annual returns")

    def __str__(self):
        label = f"{self.professional_order} — {self.reporting_year}"
        return f"{label} (v{self.version})" if self.version > 1 else label

    def get_absolute_url(self):
        return reverse("bdsp_portal:return_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in PENDING_STATUSES

    @property
    def saved_never_submitted(self):
        """Figures saved that the Office has never received: both sides must see it plainly."""
        return self.status == ReturnStatus.DRAFT and self.submitted_at is None and self.last_saved_at is not None


@track_history()
class ReturnValue(models.Model):
    """One cell: an indicator, for one category of its disaggregation ("" is the total)."""

    annual_return = models.ForeignKey(
        AnnualReturn, on_delete=models.CASCADE, related_name="values", verbose_name=_("annual return")
    )
    indicator = models.ForeignKey(
        "bdsp.Indicator", on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    category_key = models.CharField(_("category"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=ValueState.choices, default=ValueState.VALUE)
    number = models.DecimalField(_("number"), max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    boolean = models.BooleanField(_("yes/no"), null=True, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    # For the analyst: a value to follow up, with a private note.
    followup = models.BooleanField(_("to follow up"), default=False)
    followup_note = models.TextField(_("follow-up note"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["annual_return", "indicator", "category_key"], name="bdsp_value_cell_uniq"),
        ]
        indexes = [models.Index(fields=["indicator", "category_key"], name="bdsp_value_indicator_idx")]
        verbose_name = _("value")
        verbose_name_plural = _("values")

    def __str__(self):
        return f"{self.indicator.code}[{self.category_key}]"


class ReturnComment(models.Model):
    """An analyst's comment on a field (or on the whole return), shown to the order when returned."""

    annual_return = models.ForeignKey(AnnualReturn, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey("bdsp.Indicator", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    category_key = models.CharField(max_length=100, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.text[:60]


class ReturnEvent(models.Model):
    """The workflow trail: every change of status, with who, when and why."""

    annual_return = models.ForeignKey(AnnualReturn, on_delete=models.CASCADE, related_name="workflow_events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=20, choices=ReturnStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ReturnStatus.choices)
    message = models.TextField(blank=True)
    # On submission: the PDF of the return as submitted, kept as it was sent.
    copy = models.ForeignKey(
        "core.PrivateFile", verbose_name=_("copy as submitted"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
