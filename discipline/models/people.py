"""The councils and the people who sit on them: each order's disciplinary council, the
Bureau's chairs (with the periods they cannot sit) and the members each order's board names.
A directory, not user accounts: a chair is linked to a user only to find "my hearings"."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


@track_history()
class Council(models.Model):
    """An order's disciplinary council (art. 116); its number opens every case number."""

    order = models.OneToOneField(
        "core.ProfessionalOrder", verbose_name=_("professional order"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(
        _("council number"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("The two digits that open the council's case numbers (26 in 26-26-00042)."),
    )
    secretary_name = models.CharField(_("secretary"), max_length=200, blank=True)
    secretary_email = models.EmailField(_("secretary's email"), blank=True)
    secretary_phone = models.CharField(_("secretary's phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("disciplinary council")
        verbose_name_plural = _("disciplinary councils")

    def __str__(self):
        return f"{self.number:02d} · {self.order}"

    def get_absolute_url(self):
        return reverse("discipline:council_detail", args=[self.pk])


@track_history()
class Chair(models.Model):
    """A chair of the Bureau des présidents des conseils de discipline (art. 115.1): a lawyer
    appointed by the government who presides over hearings; one of them is the senior chair."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discipline_chair",
        limit_choices_to={"kind": "staff"},
        help_text=_("The chair's account on the intranet, for their hearings and decisions due."),
    )
    is_senior = models.BooleanField(
        _("senior chair"), default=False, help_text=_("The président en chef, who assigns the chairs (art. 115.7).")
    )
    is_active = models.BooleanField(_("active"), default=True)
    # The calendar feed's secret, kept as its SHA-256 only (shown once when made; revocable).
    calendar_token_hash = models.CharField(
        _("calendar link (digest)"), max_length=64, blank=True, editable=False, db_index=True
    )

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("chair")
        verbose_name_plural = _("chairs")
        constraints = [
            models.UniqueConstraint(
                fields=["is_senior"], condition=models.Q(is_senior=True), name="discipline_one_senior_chair"
            )
        ]

    def __str__(self):
        return f"Me {self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("discipline:chair_detail", args=[self.pk])


@track_history()
class ChairUnavailability(models.Model):
    """A period a chair cannot sit (leave, training, another tribunal): no hearing then."""

    chair = models.ForeignKey(Chair, verbose_name=_("chair"), on_delete=models.CASCADE, related_name="unavailabilities")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("non-availability")
        verbose_name_plural = _("non-availabilities")

    def __str__(self):
        return f"{self.chair}: {self.starts_on} → {self.ends_on}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period cannot end before it starts.")})


@track_history()
class CouncilMember(models.Model):
    """A member of the order named by its board to sit on the council (art. 117)."""

    council = models.ForeignKey(Council, verbose_name=_("council"), on_delete=models.PROTECT, related_name="members")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("professional title"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        indexes = [words_index("last_name", "discipline_member_name_trgm")]

    def __str__(self):
        title = f", {self.title}" if self.title else ""
        return f"{self.first_name} {self.last_name}{title}"

    def get_absolute_url(self):
        return reverse("discipline:member_detail", args=[self.pk])
