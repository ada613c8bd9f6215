"""A record of each scheduled job run, for monitoring (admin, read-only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    job = models.CharField(_("job"), max_length=100, db_index=True)
    for_date = models.DateField(_("for the day"))
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"
