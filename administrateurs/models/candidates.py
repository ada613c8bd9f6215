"""A candidacy to the bank of public representatives (Code des professions, art. 78): who the
person is and how to reach them (personal information: every read is logged), what they
bring, the optional self-declarations used only for the parity figures, their consent, and a
status that moves only through the services."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import CandidacyStatus, Gender, Region
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


@track_history()
class Candidate(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices)
    speaks_french = models.BooleanField(_("speaks French"), default=True)
    speaks_english = models.BooleanField(_("speaks English"), default=False)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    expertise = models.CharField(
        _("fields of expertise"),
        max_length=300,
        blank=True,
        help_text=_("For example: accounting, law, health, governance, communications."),
    )
    governance_experience = models.TextField(_("governance experience"), blank=True)
    gender = models.CharField(
        _("gender (optional)"),
        max_length=10,
        choices=Gender.choices,
        default=Gender.UNDECLARED,
        blank=True,
        help_text=_("Self-declared, for the parity figures only (art. 78.1)."),
    )
    diversity = models.BooleanField(
        _("reflects Quebec's cultural diversity (optional)"),
        default=False,
        help_text=_("Self-declared, for the diversity figures only (art. 78.1)."),
    )
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    consent_on = models.DateField(_("consent given on"), help_text=_("Renewed every year."))
    status = models.CharField(
        _("status"), max_length=20, choices=CandidacyStatus.choices, default=CandidacyStatus.RECEIVED
    )
    received_on = models.DateField(_("received on"))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [
            models.Index(fields=["status", "region"], name="admin_cand_status_idx"),
            words_index("last_name", "admin_cand_last_trgm"),
            words_index("expertise", "admin_cand_exp_trgm"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("administrateurs:candidate_detail", args=[self.pk])
