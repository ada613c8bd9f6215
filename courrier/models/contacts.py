"""The contacts directory: people and organisations who write to the Office or get its mail.

The 46 professional orders are contacts too, each linked to its `ProfessionalOrder`.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courrier.choices import ContactKind
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


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
    address = models.TextField(_("address"), blank=True)
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
