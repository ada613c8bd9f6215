"""Hearings: a day, a start and a duration, a place (a room in Québec or Montréal, or a
video link), the panel that sits, and what happened (held, postponed, cancelled)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discipline.choices import HearingKind, HearingOutcome, HearingVenue, PostponementRequester
from opq_intranet.core.history import track_history


@track_history()
class Hearing(models.Model):
    case = models.ForeignKey(
        "discipline.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="hearings"
    )
    kind = models.CharField(_("hearing"), max_length=20, choices=HearingKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("place"), max_length=20, choices=HearingVenue.choices)
    room = models.CharField(_("room"), max_length=100, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    # The panel that sits: the case's chair and members when it was scheduled.
    chair = models.ForeignKey(
        "discipline.Chair", verbose_name=_("chair"), on_delete=models.PROTECT, related_name="hearings"
    )
    members = models.ManyToManyField(
        "discipline.CouncilMember", verbose_name=_("council members"), blank=True, related_name="hearings"
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=HearingOutcome.choices, default=HearingOutcome.SCHEDULED
    )
    postponement_reason = models.CharField(_("reason for the postponement"), max_length=300, blank=True)
    postponement_requested_by = models.CharField(
        _("postponement asked by"), max_length=20, choices=PostponementRequester.choices, blank=True
    )
    outcome_note = models.CharField(_("note"), max_length=300, blank=True)
    # The hearing that replaces a postponed one, when it was rescheduled.
    rescheduled_as = models.OneToOneField(
        "self", verbose_name=_("rescheduled as"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When a chair was told the outcome was still missing (once per hearing).
    outcome_reminder_sent_on = models.DateField(_("outcome reminder sent on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        indexes = [
            models.Index(fields=["starts_at"], name="discipline_hearing_start_idx"),
            models.Index(fields=["chair", "starts_at"], name="discipline_hearing_chair_idx"),
            models.Index(fields=["ends_at"], condition=Q(outcome="scheduled"), name="discipline_hearing_pending_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="discipline_hearing_ends_after")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.case}"

    def get_absolute_url(self):
        return reverse("discipline:hearing_detail", args=[self.pk])

    @property
    def duration_minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def place(self):
        if self.venue == HearingVenue.VIRTUAL:
            return str(HearingVenue.VIRTUAL.label)
        return " · ".join(filter(None, [str(self.get_venue_display()), self.room]))
