"""A disciplinary case (dossier): the complaint filed with a council's secretary, its counts,
its panel, its status, and the non-publication orders that protect parts of it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discipline.choices import (
    ADVISEMENT_STATUSES,
    ENDED_STATUSES,
    CaseStatus,
    ComplainantKind,
    OrderScope,
    ProtectedMatter,
    Verdict,
)
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


@track_history()
class Case(models.Model):
    council = models.ForeignKey(
        "discipline.Council", verbose_name=_("council"), on_delete=models.PROTECT, related_name="cases"
    )
    # 26-26-00042: council number, two digits of the year of filing, sequence of that council and year.
    number = models.CharField(_("case number"), max_length=20, unique=True, editable=False)
    filed_on = models.DateField(_("filed on"), help_text=_("The day the complaint reached the council's secretary."))
    served_on = models.DateField(_("served on"), null=True, blank=True)
    urgent = models.BooleanField(
        _("urgent track (art. 122.0.2)"),
        default=False,
        help_text=_(
            "An immediate provisional suspension or restriction is asked: the hearing must begin within "
            "10 days of service."
        ),
    )
    complainant_kind = models.CharField(_("complainant"), max_length=20, choices=ComplainantKind.choices)
    complainant_name = models.CharField(_("complainant's name"), max_length=200)
    complainant_counsel = models.CharField(_("complainant's counsel"), max_length=200, blank=True)
    # Personal information: only the Bureau's people see it, and a non-publication order may
    # hide it from the chairs not assigned (discipline/redaction.py).
    respondent_name = models.CharField(_("respondent"), max_length=200)
    respondent_permit = models.CharField(_("permit number"), max_length=30, blank=True)
    respondent_counsel = models.CharField(_("respondent's counsel"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    chair = models.ForeignKey(
        "discipline.Chair",
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    members = models.ManyToManyField(
        "discipline.CouncilMember", verbose_name=_("council members"), blank=True, related_name="cases"
    )
    status = models.CharField(_("status"), max_length=30, choices=CaseStatus.choices, default=CaseStatus.FILED)
    # Since when the case is under advisement (a decision is due); empty otherwise.
    advisement_since = models.DateField(_("under advisement since"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("disciplinary case")
        verbose_name_plural = _("disciplinary cases")
        permissions = [
            ("manage_cases", "Can open disciplinary cases, schedule hearings and record decisions"),
        ]
        indexes = [
            models.Index(fields=["-filed_on", "-id"], name="discipline_case_order_idx"),
            models.Index(fields=["council", "-filed_on"], name="discipline_case_council_idx"),
            models.Index(fields=["chair", "status"], name="discipline_case_chair_idx"),
            models.Index(
                fields=["advisement_since"], condition=Q(status__in=ADVISEMENT_STATUSES), name="discipline_case_adv_idx"
            ),
            words_index("number", "discipline_case_number_trgm"),
            words_index("respondent_name", "discipline_case_resp_trgm"),
            words_index("summary", "discipline_case_summary_trgm"),
        ]

    def __str__(self):
        return self.number or _("new case")

    def get_absolute_url(self):
        return reverse("discipline:case_detail", args=[self.pk])

    @property
    def reference(self):
        """How breadcrumbs and messages name the case (core's generic views read `reference`)."""
        return self.number

    @property
    def is_active(self):
        return self.status not in ENDED_STATUSES


@track_history()
class Count(models.Model):
    """A count (chef) of the complaint, with the provisions it cites and its verdict."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="counts")
    number = models.PositiveSmallIntegerField(_("count number"))
    description = models.TextField(_("count"))
    provisions = models.CharField(
        _("provisions cited"),
        max_length=500,
        help_text=_("For example: art. 59.2 of the Code des professions; art. 14 of the code of ethics."),
    )
    derogatory_act = models.BooleanField(
        _("derogatory act of art. 59.1"),
        default=False,
        help_text=_("A sexual derogatory act: striking off for at least five years (art. 156, second paragraph)."),
    )
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices, default=Verdict.PENDING)

    class Meta:
        ordering = ["case", "number"]
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="discipline_count_number_unique")]
        indexes = [words_index("description", "discipline_count_text_trgm")]

    def __str__(self):
        return _("Count %(number)s") % {"number": self.number}


@track_history()
class NonPublicationOrder(models.Model):
    """An order of art. 142: what it covers is redacted from every output of the case (the
    roll, the reports, the exports and their PDFs) and from the page of anyone but the chair
    assigned and the Bureau's clerks."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="protection_orders")
    scope = models.CharField(_("kind of order"), max_length=20, choices=OrderScope.choices)
    matter = models.CharField(_("covers"), max_length=20, choices=ProtectedMatter.choices)
    covered_text = models.CharField(
        _("words covered"),
        max_length=300,
        help_text=_("The name or the words to hide wherever the case appears, exactly as written in the case."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    ordered_on = models.DateField(_("ordered on"))
    lifted_on = models.DateField(_("lifted on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["ordered_on", "pk"]
        verbose_name = _("non-publication order")
        verbose_name_plural = _("non-publication orders")

    def __str__(self):
        return f"{self.get_scope_display()} · {self.get_matter_display()}"

    @property
    def in_force(self):
        return self.lifted_on is None
