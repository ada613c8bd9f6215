"""The Office's own closure days: they move working-day counts, never legal deadlines."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.history import track_history


@track_history()
class OfficeClosure(models.Model):
    date = models.DateField(_("date"), unique=True)
    label = models.CharField(_("reason"), max_length=150)

    class Meta:
        ordering = ["date"]
        verbose_name = _("office closure day")
        verbose_name_plural = _("office closure days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.label}"
