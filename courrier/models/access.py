"""Access-to-information requests (Loi sur l'accès aux documents des organismes publics et sur
la protection des renseignements personnels, RLRQ c. A-2.1), registered from a mail item.

The response is due 20 days after receipt (art. 47), extendable once by 10 days with a
written notice sent before the first deadline expires; a deadline that expires on a jour
férié moves to the next day that is not (Loi d'interprétation, art. 52): courrier/deadlines.py.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier.choices import AccessDecision, AccessRequestStatus, ReviewOutcome
from opq_intranet.core.history import track_history

# The deadline in force: the extended one once the deadline is extended (art. 47 par. 2).
DEADLINE_IN_FORCE = "deadline_in_force"


class AccessRequestQuerySet(models.QuerySet):
    def with_deadline_in_force(self):
        """Each request with its `deadline_in_force`, computed by the database (to filter,
        sort and count by it); the model's property then reads that value."""
        if DEADLINE_IN_FORCE in self.query.annotations:
            return self
        return self.annotate(**{DEADLINE_IN_FORCE: Coalesce("extended_deadline", "deadline")})

    def overdue(self, today):
        """Open requests whose deadline in force has passed."""
        return self.with_deadline_in_force().filter(status=AccessRequestStatus.OPEN, deadline_in_force__lt=today)


@track_history()
class AccessRequest(models.Model):
    reference = models.CharField(_("request number"), max_length=30, unique=True, editable=False)
    mail_item = models.OneToOneField(
        "courrier.MailItem",
        verbose_name=_("request (mail item)"),
        on_delete=models.PROTECT,
        related_name="access_request",
    )
    received_on = models.DateField(_("received on"))
    documents_requested = models.TextField(_("documents requested"))
    documents_concerned = models.TextField(
        _("documents concerned"), blank=True, help_text=_("The documents found, one per line, and where they are.")
    )
    deadline = models.DateField(_("response deadline"), editable=False)
    extended_on = models.DateField(_("extension notice sent on"), null=True, blank=True, editable=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    extended_deadline = models.DateField(_("extended deadline"), null=True, blank=True, editable=False)
    decision = models.CharField(_("decision"), max_length=20, choices=AccessDecision.choices, blank=True)
    articles = ArrayField(models.CharField(max_length=20), verbose_name=_("articles invoked"), default=list, blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    decision_notes = models.TextField(_("notes on the decision"), blank=True)
    decided_on = models.DateField(_("answered on"), null=True, blank=True)
    response = models.OneToOneField(
        "courrier.MailItem",
        verbose_name=_("response letter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_access_request",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AccessRequestStatus.choices, default=AccessRequestStatus.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handled by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="courrier_access_due_idx")]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")

    def __str__(self):
        return f"{self.reference} {self.mail_item.contact}"

    def get_absolute_url(self):
        return reverse("courrier:access_detail", args=[self.pk])

    @property
    def deadline_in_force(self):
        """The value `with_deadline_in_force()` annotated, else the same rule in Python."""
        if "_deadline_in_force" in self.__dict__:
            return self._deadline_in_force
        return self.extended_deadline or self.deadline

    @deadline_in_force.setter
    def deadline_in_force(self, value):  # set by the annotation
        self._deadline_in_force = value

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("_deadline_in_force", None)
        super().refresh_from_db(*args, **kwargs)

    @property
    def is_overdue(self):
        return self.status == AccessRequestStatus.OPEN and self.deadline_in_force < timezone.localdate()

    @property
    def answered_in_time(self):
        return self.decided_on is not None and self.decided_on <= self.deadline_in_force


@track_history()
class ReviewRequest(models.Model):
    """A request for review before the Commission d'accès à l'information (art. 135)."""

    access_request = models.ForeignKey(
        AccessRequest, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("access request")
    )
    received_on = models.DateField(_("notified on"))
    commission_reference = models.CharField(_("Commission's file number"), max_length=60, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReviewOutcome.choices, default=ReviewOutcome.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("request for review")
        verbose_name_plural = _("requests for review")

    def __str__(self):
        return f"{self.access_request.reference}: {self.get_outcome_display()}"
