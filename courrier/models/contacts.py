"""The contacts directory: people and organisations who write to the Office or get its mail.

The 46 professional orders are contacts too, each linked to its `ProfessionalOrder`. A
contact's postal address (street lines, city, province, postal code) heads the letters the
Office sends them (courrier/letters.py).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courrier.choices import ContactKind, Province
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index

# Canada Post's format: letter, digit, letter, space, digit, letter, digit; never D, F, I, O,
# Q or U, and W or Z never first (H2X 1Y4). Typed in lower case or without the space, it is
# stored as Canada Post writes it.
POSTAL_CODE = re.compile(r"^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$")


def normalise_postal_code(value):
    """Typed h2x1y4, stored H2X 1Y4; a value that is no Canadian postal code is kept as typed."""
    typed = " ".join((value or "").upper().split())
    match = POSTAL_CODE.match(typed)
    return f"{match[1]} {match[2]}" if match else typed


def validate_postal_code(value):
    if value and not POSTAL_CODE.match(normalise_postal_code(value)):
        raise ValidationError(_("Give a Canadian postal code, e.g. H2X 1Y4."), code="postal_code")


@track_history()
class Contact(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices, default=ContactKind.PERSON)
    name = models.CharField(_("name"), max_length=200, help_text=_("A person's full name, or an organisation's name."))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("For a person: the body they write for.")
    )
    professional_order = models.OneToOneField(
        "core.ProfessionalOrder",
        verbose_name=_("professional order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact",
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(
        _("street address"), blank=True, help_text=_("Number, street, suite or PO box: one or two lines.")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True, validators=[validate_postal_code])
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["name"], name="courrier_contact_name_idx"),
            words_index("name", "courrier_contact_name_trgm"),
            words_index("organisation", "courrier_contact_org_trgm"),
        ]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def get_absolute_url(self):
        return reverse("courrier:contact_detail", args=[self.pk])

    def clean_fields(self, exclude=None):
        self.postal_code = normalise_postal_code(self.postal_code)
        super().clean_fields(exclude=exclude)

    @property
    def address_lines(self):
        """The postal address as an envelope shows it: the street lines, then
        "Montréal (Québec)  H2X 1Y4" (two spaces before the postal code, as Canada Post writes it)."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        place = self.city
        if self.province:
            place = f"{place} ({self.get_province_display()})" if place else str(self.get_province_display())
        last = "  ".join(part for part in (place, self.postal_code) if part)
        return [*lines, last] if last else lines
