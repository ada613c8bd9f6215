"""Stock-taking campaigns: a site, a floor or a room counted by scanning the tags found there;
each scan says in which room the person stood. Scanning a tag twice adds nothing."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inventaire.choices import CampaignStatus
from opq_intranet.core.history import track_history


@track_history()
class Campaign(models.Model):
    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    site = models.ForeignKey("core.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="+")
    floor = models.CharField(_("floor"), max_length=10, blank=True, help_text=_("Empty: the whole site."))
    location = models.ForeignKey(
        "inventaire.Location",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: every room of the floor (or of the site)."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report = models.ForeignKey(
        "core.PrivateFile", verbose_name=_("report"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("stock-taking campaign")
        verbose_name_plural = _("stock-taking campaigns")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("inventaire:campaign_detail", args=[self.pk])

    @property
    def reference(self):
        return self.number

    @property
    def is_open(self):
        return self.status == CampaignStatus.OPEN

    @property
    def scope_label(self):
        if self.location_id:
            return str(self.location)
        if self.floor:
            return _("%(site)s · floor %(floor)s") % {"site": self.site.name, "floor": self.floor}
        return self.site.name


class Scan(models.Model):
    """A tag read during a campaign, in the room the person stood in (the first reading counts)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="scans")
    tag = models.CharField(_("asset tag"), max_length=30)
    asset = models.ForeignKey(
        "inventaire.Asset", verbose_name=_("asset"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    location = models.ForeignKey(
        "inventaire.Location", verbose_name=_("scanned in"), on_delete=models.PROTECT, related_name="+"
    )
    scanned_at = models.DateTimeField(_("scanned at"), auto_now_add=True)
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("scanned by"), on_delete=models.PROTECT, related_name="+"
    )
    times = models.PositiveSmallIntegerField(_("times read"), default=1)
    fixed = models.BooleanField(_("location fixed"), default=False)

    class Meta:
        ordering = ["-scanned_at", "-pk"]
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        constraints = [models.UniqueConstraint(fields=["campaign", "tag"], name="inventaire_scan_once")]

    def __str__(self):
        return f"{self.campaign_id} · {self.tag}"
