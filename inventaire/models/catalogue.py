"""What assets are filed under: the categories (with the life and residual value that
depreciation uses, and what the IT posture asks of them) and the rooms of the Office's sites."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inventaire.choices import CategoryKind, Posture
from opq_intranet.core.history import track_history


@track_history()
class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CategoryKind.choices)
    posture = models.CharField(
        _("security requirement"), max_length=20, choices=Posture.choices, default=Posture.NONE, blank=True
    )
    has_storage = models.BooleanField(
        _("holds data"),
        default=False,
        help_text=_("Its assets store data: disposing of one requires a proof of data wipe."),
    )
    life_months = models.PositiveSmallIntegerField(
        _("expected life (months)"),
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Straight-line depreciation over this many months, unless the asset says otherwise."),
    )
    residual_percent = models.DecimalField(
        _("residual value (% of cost)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("asset category")
        verbose_name_plural = _("asset categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inventaire:category_detail", args=[self.pk])

    @property
    def is_it(self):
        return self.kind == CategoryKind.IT


@track_history()
class Location(models.Model):
    """A room of one of the Office's sites (a floor's storeroom, an office, a meeting room)."""

    site = models.ForeignKey("core.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="+")
    floor = models.CharField(_("floor"), max_length=10)
    room = models.CharField(_("room"), max_length=30)
    description = models.CharField(_("description"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["site__name", "floor", "room"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(fields=["site", "floor", "room"], name="inventaire_location_room_unique"),
        ]

    def __str__(self):
        # The site's name is read with the room everywhere a location is shown (select_related).
        return _("%(site)s · floor %(floor)s · room %(room)s") % {
            "site": self.site.name,
            "floor": self.floor,
            "room": self.room,
        }

    def get_absolute_url(self):
        return reverse("inventaire:location_detail", args=[self.pk])
