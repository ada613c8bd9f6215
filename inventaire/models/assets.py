"""An asset: a piece of furniture or IT equipment with its tag, where it is, who holds it,
what it cost, and for IT what the security posture needs to know. Its status moves only
through the services (services/assets.py, services/assignments.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inventaire.choices import AssetStatus, DisposalReason, Encryption
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


@track_history()
class Asset(models.Model):
    # OPQ-004217: from core's numbering service (a series that never resets), or the tag an
    # imported asset already carries.
    tag = models.CharField(_("asset tag"), max_length=30, unique=True, editable=False)
    category = models.ForeignKey(
        "inventaire.Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="assets"
    )
    manufacturer = models.CharField(_("manufacturer"), max_length=100, blank=True)
    model_name = models.CharField(_("model"), max_length=100, blank=True)
    serial_number = models.CharField(_("serial number"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AssetStatus.choices, default=AssetStatus.IN_STOCK)
    location = models.ForeignKey(
        "inventaire.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assets",
    )
    # The person who holds it now (kept by the check-out and check-in services).
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("held by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inventory_assets",
    )
    purchased_on = models.DateField(_("purchase date"), null=True, blank=True)
    supplier = models.CharField(_("supplier"), max_length=150, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=50, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=10, decimal_places=2, null=True, blank=True)
    warranty_ends_on = models.DateField(_("warranty end"), null=True, blank=True)
    life_months = models.PositiveSmallIntegerField(
        _("expected life (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the category's."),
    )
    # IT assets
    hostname = models.CharField(_("hostname"), max_length=63, blank=True)
    os_name = models.CharField(_("operating system"), max_length=60, blank=True)
    os_version = models.CharField(_("OS version"), max_length=40, blank=True)
    disk_encryption = models.CharField(
        _("disk encryption"), max_length=10, choices=Encryption.choices, default=Encryption.UNKNOWN
    )
    mdm_enrolled = models.BooleanField(_("under mobile device management"), default=False)
    verified_on = models.DateField(_("last verification"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Disposal
    disposed_on = models.DateField(_("disposed on"), null=True, blank=True)
    disposal_reason = models.CharField(_("disposal reason"), max_length=20, choices=DisposalReason.choices, blank=True)
    disposal_note = models.CharField(_("disposal note"), max_length=300, blank=True)
    wipe_proof = models.ForeignKey(
        "core.PrivateFile",
        verbose_name=_("proof of data wipe"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["tag"]
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        constraints = [
            models.UniqueConstraint(
                fields=["manufacturer", "model_name", "serial_number"],
                condition=~Q(serial_number=""),
                name="inventaire_asset_serial_unique",
                violation_error_message=_("Another asset of this model already has this serial number."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "category"], name="inventaire_asset_status_idx"),
            models.Index(fields=["holder"], condition=Q(holder__isnull=False), name="inventaire_asset_holder_idx"),
            models.Index(fields=["location", "status"], name="inventaire_asset_location_idx"),
            models.Index(fields=["warranty_ends_on"], name="inventaire_asset_warranty_idx"),
            words_index("tag", "inventaire_asset_tag_trgm"),
            words_index("serial_number", "inventaire_asset_serial_trgm"),
            words_index("hostname", "inventaire_asset_host_trgm"),
            words_index("model_name", "inventaire_asset_model_trgm"),
        ]

    def __str__(self):
        return self.tag or str(_("new asset"))

    def get_absolute_url(self):
        return reverse("inventaire:asset_detail", args=[self.pk])

    @property
    def reference(self):
        return self.tag

    @property
    def label(self):
        """How people name it beside its tag: "Dell Latitude 7450" or the description."""
        return " ".join(filter(None, [self.manufacturer, self.model_name])) or self.description

    @property
    def is_disposed(self):
        return self.status == AssetStatus.DISPOSED
