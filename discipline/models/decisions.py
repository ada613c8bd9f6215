"""Decisions of a council: on guilt, on sanction (or both after a guilty plea), on preliminary
grounds, on a provisional measure; the art. 156 sanctions per count; and the appeal to the
Tribunal des professions with its outcome."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discipline.choices import AppealOutcome, DecisionStage, SanctionKind
from opq_intranet.core.history import track_history


@track_history()
class Decision(models.Model):
    case = models.ForeignKey(
        "discipline.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="decisions"
    )
    stage = models.CharField(_("decision"), max_length=30, choices=DecisionStage.choices)
    # The day the matter was taken under advisement (empty for a decision given from the bench).
    advisement_on = models.DateField(_("under advisement since"), null=True, blank=True)
    rendered_on = models.DateField(_("rendered on"))
    served_on = models.DateField(_("served on"), null=True, blank=True)
    document = models.ForeignKey(
        "core.PrivateFile",
        verbose_name=_("decision (PDF)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    costs = models.DecimalField(_("costs"), max_digits=10, decimal_places=2, null=True, blank=True)
    publication_notice = models.BooleanField(_("publication of a notice ordered"), default=False)
    provisional_execution = models.BooleanField(
        _("provisional execution ordered (art. 158)"),
        default=False,
        help_text=_("Enforceable from its service to the respondent rather than at the end of the appeal period."),
    )
    summary = models.TextField(_("summary"), blank=True)
    # Where the decision was filed in records management (documents services copy its PDF).
    filed_in = models.ForeignKey(
        "documents.RecordFile",
        verbose_name=_("filed in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["rendered_on", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["rendered_on"], name="discipline_decision_date_idx")]

    def __str__(self):
        return f"{self.get_stage_display()} · {self.case}"

    def get_absolute_url(self):
        return reverse("discipline:case_detail", args=[self.case_id]) + f"#decision-{self.pk}"

    @property
    def days_under_advisement(self):
        if self.advisement_on is None:
            return None
        return (self.rendered_on - self.advisement_on).days


@track_history()
class Sanction(models.Model):
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="sanctions"
    )
    count = models.ForeignKey(
        "discipline.Count", verbose_name=_("count"), on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(_("sanction"), max_length=30, choices=SanctionKind.choices)
    months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2, null=True, blank=True)
    shorter_striking_off_justified = models.BooleanField(
        _("shorter striking off justified"),
        default=False,
        help_text=_(
            "The respondent convinced the council that less than five years is justified (art. 156, par. 2 a)."
        ),
    )
    details = models.CharField(_("details"), max_length=300, blank=True)

    class Meta:
        ordering = ["count__number", "pk"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")

    def __str__(self):
        return f"{self.count}: {self.get_kind_display()}"


@track_history()
class Appeal(models.Model):
    """An appeal to the Tribunal des professions (art. 164) of a case's decision."""

    case = models.ForeignKey(
        "discipline.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="appeals"
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision appealed"), on_delete=models.PROTECT, related_name="appeals"
    )
    filed_on = models.DateField(_("filed on"))
    appellant = models.CharField(_("appellant"), max_length=200)
    tribunal_number = models.CharField(_("Tribunal's file number"), max_length=40, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=AppealOutcome.choices, default=AppealOutcome.PENDING
    )
    outcome_on = models.DateField(_("decided on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["filed_on", "pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self):
        return f"{self.case} · {self.get_outcome_display()}"

    def get_absolute_url(self):
        return reverse("discipline:case_detail", args=[self.case_id]) + f"#appeal-{self.pk}"
