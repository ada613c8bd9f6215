"""A body's meetings, who of the Office's appointees attended (late or leaving early), and the
dated table of attendance allowance rates by meeting kind and duration."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import MeetingKind
from opq_intranet.core.history import track_history


@track_history()
class Meeting(models.Model):
    body = models.ForeignKey(
        "administrateurs.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.REGULAR)
    held_on = models.DateField(_("date"))
    hours = models.DecimalField(_("duration (hours)"), max_digits=4, decimal_places=2)

    class Meta:
        ordering = ["-held_on", "body__name"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["body", "held_on"], name="admin_meeting_body_idx")]

    def __str__(self):
        return f"{self.body} · {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("administrateurs:meeting_detail", args=[self.pk])


@track_history()
class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    term = models.ForeignKey(
        "administrateurs.Term", verbose_name=_("appointee"), on_delete=models.PROTECT, related_name="attendances"
    )
    present = models.BooleanField(_("present"), default=True)
    arrived_late = models.BooleanField(_("arrived late"), default=False)
    left_early = models.BooleanField(_("left early"), default=False)
    hours_attended = models.DecimalField(
        _("hours attended"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("When late or leaving early: the allowance follows the hours attended."),
    )

    class Meta:
        ordering = ["meeting__held_on", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint(fields=["meeting", "term"], name="admin_attendance_unique")]

    def __str__(self):
        return f"{self.term.candidate} · {self.meeting}"


@track_history()
class AllowanceRate(models.Model):
    """From `valid_from`, a meeting of this kind lasting at least `min_hours` pays `amount`
    (the row with the highest threshold reached, the latest date not after the meeting)."""

    meeting_kind = models.CharField(_("meeting kind"), max_length=10, choices=MeetingKind.choices)
    min_hours = models.DecimalField(_("from (hours)"), max_digits=4, decimal_places=2, default=0)
    amount = models.DecimalField(_("allowance ($)"), max_digits=8, decimal_places=2)
    valid_from = models.DateField(_("in force from"))

    class Meta:
        ordering = ["meeting_kind", "-valid_from", "min_hours"]
        verbose_name = _("allowance rate")
        verbose_name_plural = _("allowance rates")
        constraints = [
            models.UniqueConstraint(fields=["meeting_kind", "min_hours", "valid_from"], name="admin_rate_unique"),
        ]

    def __str__(self):
        return f"{self.get_meeting_kind_display()} ≥ {self.min_hours} h · {self.amount} $"

    def get_absolute_url(self):
        return reverse("administrateurs:rate_detail", args=[self.pk])

    def unique_error_message(self, model_class, unique_check):
        """A second rate for the same kind, threshold and date, said in the table's words."""
        if set(unique_check) != {"meeting_kind", "min_hours", "valid_from"}:
            return super().unique_error_message(model_class, unique_check)
        from administrateurs.allowances import hours_text

        return ValidationError(
            _("The table already has a rate for this kind of meeting from %(hours)s h in force from %(date)s."),
            code="unique_together",
            params={"hours": hours_text(self.min_hours), "date": date_format(self.valid_from, "SHORT_DATE_FORMAT")},
        )
