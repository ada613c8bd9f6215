"""A candidacy to the bank of public representatives (Code des professions, art. 78): who the
person is and how to reach them (personal information: every read is logged), what they
bring, the optional self-declarations used only for the parity figures, their consent, and a
status that moves only through the services."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import CandidacyStatus, DocumentKind, Gender, LinkKind, Region
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
    status_changed_on = models.DateField(
        _("status changed on"), null=True, blank=True, help_text=_("Starts the retention period of a closed candidacy.")
    )
    purged_at = models.DateTimeField(
        _("purged at"), null=True, blank=True, help_text=_("Identity, contact details and files destroyed.")
    )
    notes = models.TextField(_("notes"), blank=True)
    consent_notice_for = models.DateField(
        _("consent lapse notice sent for"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The consent date whose coming lapse the Nominations team was warned of (once per date)."),
    )
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


@track_history()
class CandidateLink(models.Model):
    """A link the candidate declares with an order (the eligibility rule reads these)."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="links"
    )
    order = models.ForeignKey(
        "core.ProfessionalOrder", verbose_name=_("professional order"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("link"), max_length=20, choices=LinkKind.choices)
    details = models.CharField(_("details"), max_length=300, blank=True)
    declared_on = models.DateField(_("declared on"))

    class Meta:
        ordering = ["order__name", "kind"]
        verbose_name = _("declared link")
        verbose_name_plural = _("declared links")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "order", "kind"], name="admin_link_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.order}"


@track_history()
class BoardPreference(models.Model):
    """A body the candidate would like to sit on, ranked (1 = first choice)."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="preferences"
    )
    body = models.ForeignKey("administrateurs.Body", verbose_name=_("body"), on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("preferred body")
        verbose_name_plural = _("preferred bodies")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "body"], name="admin_pref_body_unique"),
            models.UniqueConstraint(fields=["candidate", "rank"], name="admin_pref_rank_unique"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.body}"


@track_history()
class CandidateDocument(models.Model):
    """A CV or letter, kept as a private file that only the Nominations role reads."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=10, choices=DocumentKind.choices)
    file = models.ForeignKey("core.PrivateFile", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["kind", "-added_at"]
        verbose_name = _("candidate's document")
        verbose_name_plural = _("candidates' documents")

    def __str__(self):
        return self.get_kind_display()


class PurgeLog(models.Model):
    """What the purge destroyed and when (the candidacy row stays, emptied, for the counts)."""

    candidate = models.ForeignKey(Candidate, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="+")
    purged_at = models.DateTimeField(_("purged at"))
    status = models.CharField(_("status"), max_length=20, choices=CandidacyStatus.choices)
    closed_on = models.DateField(_("closed on"), null=True)
    destroyed = models.TextField(_("destroyed"), help_text=_("The fields emptied and the files destroyed."))

    class Meta:
        ordering = ["-purged_at"]
        verbose_name = _("purge")
        verbose_name_plural = _("purges")

    def __str__(self):
        return f"{self.candidate_id} · {self.purged_at:%Y-%m-%d}"
