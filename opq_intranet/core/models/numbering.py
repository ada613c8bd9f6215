"""Counters behind the numbers people quote (mail chrono, case numbers, asset tags)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberSequence(models.Model):
    """The last number handed out in one series for one year (year 0: never resets)."""

    series = models.SlugField(_("series"), max_length=50)
    year = models.PositiveSmallIntegerField(_("year"))
    last_value = models.PositiveIntegerField(_("last value"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="core_sequence_series_year_uniq")]
        ordering = ["series", "year"]
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")

    def __str__(self):
        return f"{self.series} {self.year}: {self.last_value}"
