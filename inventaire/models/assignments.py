"""Who holds what: a hand-over groups the items given to one person at one time (they
acknowledge it once, its PDF is kept); an assignment is one asset's holding period; the
movements are every asset's journal (check-outs, check-ins, repairs, losses, moves, disposal)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inventaire.choices import MovementKind
from opq_intranet.core.history import track_history


@track_history()
class HandOver(models.Model):
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("received by"), on_delete=models.PROTECT, related_name="handovers"
    )
    handed_on = models.DateField(_("handed over on"))
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handed over by"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledgement = models.ForeignKey(
        "core.PrivateFile",
        verbose_name=_("signed acknowledgement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-handed_on", "-pk"]
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        indexes = [
            models.Index(
                fields=["holder"], condition=Q(acknowledged_at__isnull=True), name="inventaire_handover_due_idx"
            )
        ]

    def __str__(self):
        return _("Hand-over of %(date)s to %(holder)s") % {"date": self.handed_on.isoformat(), "holder": self.holder}

    @property
    def reference(self):
        return _("Hand-over no. %(pk)s") % {"pk": self.pk}


class Assignment(models.Model):
    """One asset held by a person or kept in a room, from its check-out to its check-in."""

    asset = models.ForeignKey(
        "inventaire.Asset", verbose_name=_("asset"), on_delete=models.CASCADE, related_name="assignments"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("held by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inventory_assignments",
    )
    location = models.ForeignKey(
        "inventaire.Location", verbose_name=_("location"), null=True, blank=True, on_delete=models.PROTECT
    )
    handover = models.ForeignKey(
        HandOver, verbose_name=_("hand-over"), null=True, blank=True, on_delete=models.PROTECT, related_name="items"
    )
    checked_out_on = models.DateField(_("checked out on"))
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked out by"), on_delete=models.PROTECT, related_name="+"
    )
    checked_in_on = models.DateField(_("checked in on"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The holder's yearly word that they still have it (self-service stock-taking).
    confirmed_on = models.DateField(_("confirmed held on"), null=True, blank=True)

    class Meta:
        ordering = ["-checked_out_on", "-pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["asset"], condition=Q(checked_in_on__isnull=True), name="inventaire_assignment_one_open"
            ),
            models.CheckConstraint(
                condition=Q(holder__isnull=False) | Q(location__isnull=False), name="inventaire_assignment_to_someone"
            ),
        ]
        indexes = [
            models.Index(fields=["holder", "-checked_out_on"], name="inventaire_assign_holder_idx"),
        ]

    def __str__(self):
        return f"{self.asset} → {self.holder or self.location}"

    @property
    def is_open(self):
        return self.checked_in_on is None


class Movement(models.Model):
    """A line of an asset's journal: what happened, when, who did it, for whom, where."""

    asset = models.ForeignKey(
        "inventaire.Asset", verbose_name=_("asset"), on_delete=models.CASCADE, related_name="movements"
    )
    kind = models.CharField(_("event"), max_length=20, choices=MovementKind.choices)
    on = models.DateField(_("date"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    location = models.ForeignKey(
        "inventaire.Location", verbose_name=_("location"), null=True, blank=True, on_delete=models.PROTECT
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        indexes = [
            models.Index(fields=["asset", "-on", "-id"], name="inventaire_movement_asset_idx"),
            models.Index(
                fields=["holder", "-on"], condition=Q(holder__isnull=False), name="inventaire_movement_who_idx"
            ),
        ]

    def __str__(self):
        return f"{self.asset_id} · {self.get_kind_display()} · {self.on.isoformat()}"
