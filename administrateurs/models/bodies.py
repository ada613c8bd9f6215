"""The bodies the Office appoints to (each order's board, its review committee, others), the
seats the Office fills on each, the terms of those who hold them, the appointment decisions
behind the terms, and the proposals of a candidate for a seat (the matching's outcome)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from administrateurs.choices import BodyKind, ProposalStatus, TermEnd
from opq_intranet.core.history import track_history


@track_history()
class Body(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=BodyKind.choices, default=BodyKind.BOARD)
    order = models.ForeignKey(
        "core.ProfessionalOrder",
        verbose_name=_("professional order"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    size = models.PositiveSmallIntegerField(_("number of members"), help_text=_("Every seat, elected ones included."))
    office_seats = models.PositiveSmallIntegerField(_("seats the Office fills"))
    term_years = models.PositiveSmallIntegerField(_("term length (years)"), default=4)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(office_seats__lte=models.F("size")), name="admin_body_seats_lte_size"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("administrateurs:body_detail", args=[self.pk])

    def clean(self):
        # The check constraint's rule, on its field (full_clean then skips the constraint).
        if self.size is not None and self.office_seats is not None and self.office_seats > self.size:
            raise ValidationError(
                {
                    "office_seats": _("The Office cannot fill more seats than the body has members (%(size)s).")
                    % {"size": self.size}
                }
            )


@track_history()
class Seat(models.Model):
    """One of the seats the Office fills on a body (the others are elected by the members)."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="seats")
    number = models.PositiveSmallIntegerField(_("seat number"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["body__name", "number"]
        verbose_name = pgettext_lazy("board seat", "seat")
        verbose_name_plural = pgettext_lazy("board seat", "seats")
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="admin_seat_unique")]

    def __str__(self):
        return f"{self.body} · {pgettext('board seat', 'seat')} {self.number}"

    def get_absolute_url(self):
        return reverse("administrateurs:seat_detail", args=[self.pk])


@track_history()
class AppointmentDecision(models.Model):
    """The Office's decision that appoints or renews (its resolution number and date)."""

    decided_on = models.DateField(_("decision date"))
    resolution_number = models.CharField(_("resolution number"), max_length=30, unique=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-decided_on", "-resolution_number"]
        verbose_name = _("appointment decision")
        verbose_name_plural = _("appointment decisions")

    def __str__(self):
        return f"{self.resolution_number} ({self.decided_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("administrateurs:decision_detail", args=[self.pk])


@track_history()
class Term(models.Model):
    """A candidate holding a seat from start to end; a renewal is a new term that follows."""

    seat = models.ForeignKey(
        Seat, verbose_name=pgettext_lazy("board seat", "seat"), on_delete=models.PROTECT, related_name="terms"
    )
    candidate = models.ForeignKey(
        "administrateurs.Candidate", verbose_name=_("appointee"), on_delete=models.PROTECT, related_name="terms"
    )
    decision = models.ForeignKey(
        AppointmentDecision, verbose_name=_("appointment decision"), on_delete=models.PROTECT, related_name="terms"
    )
    starts_on = models.DateField(_("start of term"))
    ends_on = models.DateField(_("end of term"))
    renewal_of = models.OneToOneField(
        "self", verbose_name=_("renews"), on_delete=models.PROTECT, null=True, blank=True, related_name="renewed_by"
    )
    ended_on = models.DateField(_("ended early on"), null=True, blank=True)
    end_reason = models.CharField(_("end"), max_length=10, choices=TermEnd.choices, blank=True)
    expiry_notice_sent_on = models.DateField(_("expiry notice sent on"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        indexes = [models.Index(fields=["seat", "starts_on"], name="admin_term_seat_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="admin_term_dates"),
        ]

    def __str__(self):
        return f"{self.candidate} · {self.seat}"

    def get_absolute_url(self):
        return reverse("administrateurs:term_detail", args=[self.pk])

    @property
    def last_day(self):
        """The day the term stops: its end, or the day it ended early."""
        return self.ended_on or self.ends_on


@track_history()
class Proposal(models.Model):
    """A candidate proposed for a seat from the matching; appointing one ends the others."""

    seat = models.ForeignKey(
        Seat, verbose_name=pgettext_lazy("board seat", "seat"), on_delete=models.CASCADE, related_name="proposals"
    )
    candidate = models.ForeignKey(
        "administrateurs.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="proposals"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    proposed_on = models.DateField(_("proposed on"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_on", "pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["seat", "candidate"],
                condition=models.Q(status="pending"),
                name="admin_proposal_pending_unique",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} → {self.seat}"
