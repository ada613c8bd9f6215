"""Reference data every app uses: the professional orders, the Office's sites and units."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.choices import PracticeKind
from opq_intranet.core.history import track_history


@track_history()
class ProfessionalOrder(models.Model):
    """One of the 46 professional orders the Office oversees (Code des professions, annexe I)."""

    code = models.SlugField(_("short code"), max_length=20, unique=True)
    name = models.CharField(_("official name"), max_length=200, unique=True)
    profession = models.CharField(_("profession"), max_length=200, blank=True)
    practice_kind = models.CharField(_("practice"), max_length=20, choices=PracticeKind.choices)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("professional order")
        verbose_name_plural = _("professional orders")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("core:order_detail", args=[self.pk])


@track_history()
class PartnerOrganisation(models.Model):
    """A partner of the Office that is not a professional order (a ministry, the Conseil
    interprofessionnel, a public body) and exchanges documents with it through the portal.
    Its people are partner accounts of the organisation, as an order's are of the order."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    email = models.EmailField(_("general email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


@track_history()
class Site(models.Model):
    """An office of the OPQ: Québec (800, place D'Youville) or Montréal."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    address = models.CharField(_("address"), max_length=250)

    class Meta:
        ordering = ["name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name


@track_history()
class OrgUnit(models.Model):
    """A direction or service of the Office; staff members belong to one."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    site = models.ForeignKey(Site, verbose_name=_("site"), null=True, blank=True, on_delete=models.PROTECT)
    email = models.EmailField(_("email"), blank=True)
    # The person at the head of the unit: the one who signs for it (e.g. its disposition lists).
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_units",
        limit_choices_to={"kind": "staff"},
        help_text=_("The person at the head of the unit (director or head of service), who signs for it."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("core:unit_detail", args=[self.pk])
