"""Mandates: internal assignments with a requester, one lead and helpers, a due date,
progress notes, and the mail items and records-management files they concern."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courrier.choices import ACTIVE_MANDATE_STATUSES, MandateStatus, Priority
from opq_intranet.core.history import track_history
from opq_intranet.core.text import words_index


# The reminders' bookkeeping is not a change anyone made: it stays out of the history.
@track_history(exclude=["last_reminder"])
class Mandate(models.Model):
    reference = models.CharField(_("mandate number"), max_length=30, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requester"), on_delete=models.PROTECT, related_name="+"
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit that carries the mandate."),
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lead"), on_delete=models.PROTECT, related_name="led_mandates"
    )
    helpers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("helpers"), blank=True, related_name="helped_mandates"
    )
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MandateStatus.choices, default=MandateStatus.OPEN)
    mail_items = models.ManyToManyField(
        "courrier.MailItem", verbose_name=_("mail items"), blank=True, related_name="mandates"
    )
    record_files = models.ManyToManyField("documents.RecordFile", verbose_name=_("files"), blank=True, related_name="+")
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    # The reminders already sent for the current due date ("before", "due"): sent once each.
    last_reminder = models.CharField(max_length=10, blank=True, editable=False, verbose_name=_("last reminder"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["lead", "due_on"],
                condition=Q(status__in=ACTIVE_MANDATE_STATUSES),
                name="courrier_mandate_lead_idx",
            ),
            models.Index(
                fields=["org_unit", "due_on"],
                condition=Q(status__in=ACTIVE_MANDATE_STATUSES),
                name="courrier_mandate_unit_idx",
            ),
            models.Index(fields=["-created_at", "-id"], name="courrier_mandate_order_idx"),
            # The list's search box (core.text.filter_words) on 50 000 mandates.
            words_index("title", "courrier_mandate_title_trgm"),
            words_index("reference", "courrier_mandate_ref_trgm"),
            words_index("description", "courrier_mandate_desc_trgm"),
        ]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("courrier:mandate_detail", args=[self.pk])

    @property
    def is_active(self):
        return self.status in ACTIVE_MANDATE_STATUSES


class MandateNote(models.Model):
    """A progress note: what was done, what is next. Notes are added, never changed."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return f"{self.mandate_id}: {self.text[:40]}"
