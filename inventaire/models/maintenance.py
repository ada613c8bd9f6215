"""Maintenance and repairs of an asset: what was done, by which supplier, at what cost, with what
outcome; a repair under warranty is a warranty claim (its supplier's claim number kept)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inventaire.choices import MaintenanceOutcome
from opq_intranet.core.history import track_history


@track_history()
class Maintenance(models.Model):
    asset = models.ForeignKey(
        "inventaire.Asset", verbose_name=_("asset"), on_delete=models.CASCADE, related_name="maintenances"
    )
    on = models.DateField(_("date"))
    description = models.CharField(_("work done"), max_length=300)
    supplier = models.CharField(_("supplier"), max_length=150, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=10, decimal_places=2, null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=MaintenanceOutcome.choices, default=MaintenanceOutcome.PENDING
    )
    warranty_claim = models.BooleanField(_("warranty claim"), default=False)
    claim_number = models.CharField(_("claim number"), max_length=50, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("maintenance")
        verbose_name_plural = _("maintenance")

    def __str__(self):
        return f"{self.asset_id} · {self.on.isoformat()} · {self.description[:40]}"
