"""Software licences: how many seats, until when, and who or what holds each seat (a person or
an asset); the Inventaire role is warned before a licence expires (inventaire/reminders.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


@track_history()
class Licence(models.Model):
    name = models.CharField(_("software"), max_length=150)
    vendor = models.CharField(_("vendor"), max_length=150, blank=True)
    reference = models.CharField(
        _("contract or order reference"),
        max_length=100,
        blank=True,
        help_text=_("Never the activation key itself: it stays in the vendor's portal."),
    )
    seats = models.PositiveIntegerField(_("seats"))
    cost = models.DecimalField(_("cost"), max_digits=10, decimal_places=2, null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True, help_text=_("Empty: perpetual."))
    notes = models.TextField(_("notes"), blank=True)
    expiry_alert_sent_on = models.DateField(_("expiry alert sent on"), null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("software licence")
        verbose_name_plural = _("software licences")
        indexes = [
            models.Index(fields=["expires_on"], condition=Q(is_active=True), name="inventaire_licence_expiry_idx"),
            words_index("name", "inventaire_licence_name_trgm"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inventaire:licence_detail", args=[self.pk])


class Seat(models.Model):
    """One seat of a licence, held by a person or installed on an asset, until released."""

    licence = models.ForeignKey(Licence, verbose_name=_("licence"), on_delete=models.CASCADE, related_name="seat_set")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="licence_seats",
    )
    asset = models.ForeignKey(
        "inventaire.Asset",
        verbose_name=_("asset"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seats",
    )
    assigned_on = models.DateField(_("assigned on"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned by"), on_delete=models.PROTECT, related_name="+"
    )
    released_on = models.DateField(_("released on"), null=True, blank=True)

    class Meta:
        ordering = ["-assigned_on", "-pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(holder__isnull=False) ^ Q(asset__isnull=False), name="inventaire_seat_one_holder"
            ),
        ]

    def __str__(self):
        return f"{self.licence} → {self.holder or self.asset}"
