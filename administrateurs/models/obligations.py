"""What an appointee owes before their first meeting: the governance and ethics training
(a session attended) and the signed solemn declaration, each with its due date."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import ObligationKind
from opq_intranet.core.history import track_history


@track_history()
class TrainingSession(models.Model):
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return f"{self.title} ({self.held_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("administrateurs:training_detail", args=[self.pk])


@track_history()
class Obligation(models.Model):
    term = models.ForeignKey(
        "administrateurs.Term", verbose_name=_("term"), on_delete=models.CASCADE, related_name="obligations"
    )
    kind = models.CharField(_("obligation"), max_length=12, choices=ObligationKind.choices)
    due_on = models.DateField(_("due on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("training session"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="obligations",
    )
    file = models.ForeignKey(
        "core.PrivateFile",
        verbose_name=_("signed declaration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    # The reminder on the day after the due date passed.
    overdue_reminded_on = models.DateField(_("overdue reminder sent on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "kind"]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        constraints = [models.UniqueConstraint(fields=["term", "kind"], name="admin_obligation_unique")]
        indexes = [models.Index(fields=["completed_on", "due_on"], name="admin_oblig_due_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.term}"

    def get_absolute_url(self):
        return reverse("administrateurs:obligation_detail", args=[self.pk])
