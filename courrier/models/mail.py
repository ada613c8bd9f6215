"""The mail registry: incoming and outgoing items, their attachments and their routing trail.

An item gets its yearly chrono number (`E2026-00042`, `S2026-00012`) from core's numbering
service when it is registered; every write goes through courrier/services/mail.py.
"""

import re

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier.choices import PENDING_STATUSES, Channel, Direction, MailStatus, MailType
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.history import track_history

RESTRICTED_LEVELS = (ConfidentialityLevel.PERSONAL, ConfidentialityLevel.CONFIDENTIAL)
# A chrono number as people quote it, whole or its beginning: E2026-00035, s2025-001.
CHRONO_NUMBER = re.compile(r"^[ES]\d{4}(-\d{0,5})?$", re.IGNORECASE)
# The dates an item cannot have in the future.
FUTURE_REFUSED = ("received_on", "sent_on", "letter_date")


class MailItemQuerySet(models.QuerySet):
    def dated_from(self, day):
        """Received (incoming) or sent (outgoing) on `day` or after."""
        return self.filter(Q(received_on__gte=day) | Q(sent_on__gte=day))

    def dated_until(self, day):
        return self.filter(Q(received_on__lte=day) | Q(sent_on__lte=day))


@track_history(exclude=["search_vector"])
class MailItem(models.Model):
    reference = models.CharField(_("chrono number"), max_length=30, unique=True, editable=False)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    letter_date = models.DateField(_("date of the letter"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.POST)
    contact = models.ForeignKey(
        "courrier.Contact",
        verbose_name=_("sender or recipient"),
        on_delete=models.PROTECT,
        related_name="mail_items",
    )
    subject = models.CharField(_("subject"), max_length=300)
    mail_type = models.CharField(_("type"), max_length=30, choices=MailType.choices, default=MailType.LETTER)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=ConfidentialityLevel.choices,
        default=ConfidentialityLevel.INTERNAL,
    )
    routed_unit = models.ForeignKey(
        "core.OrgUnit",
        verbose_name=_("routed to (unit)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("routed to (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_mail",
    )
    reply_due_on = models.DateField(_("reply due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.REGISTERED)
    in_reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
    )
    notes = models.TextField(_("notes"), blank=True)
    # Filed into a records-management file (documents app); its records then follow its rule.
    filed_in = models.ForeignKey(
        "documents.RecordFile",
        verbose_name=_("filed in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # Subject (A), the contact (B), the attachments' text (C); see courrier/services/search_vector.py.
    search_vector = SearchVectorField(null=True, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = MailItemQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_at", "-pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="courrier_mail_search_idx"),
            models.Index(fields=["routed_unit", "status"], name="courrier_mail_unit_idx"),
            models.Index(fields=["assignee", "status"], name="courrier_mail_assignee_idx"),
            models.Index(
                fields=["reply_due_on"], condition=Q(status__in=PENDING_STATUSES), name="courrier_mail_due_idx"
            ),
            models.Index(fields=["-registered_at", "-id"], name="courrier_mail_order_idx"),
        ]
        permissions = [
            ("register_mail", "Can register, route and close mail items"),
            ("handle_access_requests", "Can handle access-to-information requests"),
        ]
        verbose_name = _("mail item")
        verbose_name_plural = _("mail items")

    def __str__(self):
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self):
        return reverse("courrier:item_detail", args=[self.pk])

    @property
    def is_restricted(self):
        return self.confidentiality in RESTRICTED_LEVELS

    @property
    def is_pending(self):
        """Still waiting for someone: not answered or closed yet."""
        return self.status in PENDING_STATUSES

    @property
    def dated_on(self):
        return self.received_on if self.direction == Direction.INCOMING else self.sent_on

    @property
    def dated_on_field(self):
        """The date its number's year comes from: received (incoming) or sent (outgoing)."""
        return "received_on" if self.direction == Direction.INCOMING else "sent_on"

    @property
    def number_year(self):
        """The year of its chrono number (E2026-00042: 2026), None before it is numbered."""
        digits = self.reference[1:5] if self.reference else ""
        return int(digits) if digits.isdigit() else None

    def clean(self):
        errors = {}
        today = timezone.localdate()
        for name in FUTURE_REFUSED:  # nothing arrives, leaves or is written tomorrow
            day = getattr(self, name)
            if day is not None and day > today:
                errors[name] = _("The date cannot be after today.")
        if self.direction == Direction.INCOMING and not self.received_on:
            errors["received_on"] = _("Give the date the item was received.")
        if self.direction == Direction.OUTGOING and not self.sent_on:
            errors["sent_on"] = _("Give the date the item was sent.")
        if self.in_reply_to_id and self.direction != Direction.OUTGOING:
            errors["in_reply_to"] = _("Only an outgoing item answers another one.")
        if self.in_reply_to_id and self.in_reply_to.direction != Direction.INCOMING:
            errors["in_reply_to"] = _("A reply answers an incoming item.")
        if errors:
            raise ValidationError(errors)


class MailAttachment(models.Model):
    """A scanned copy or an email file (PDF, EML, MSG…) of an item, with its text for the search."""

    mail_item = models.ForeignKey(MailItem, on_delete=models.CASCADE, related_name="attachments")
    stored_file = models.ForeignKey("core.PrivateFile", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("extracted text"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.stored_file.original_name


class RoutingEvent(models.Model):
    """One step of an item's trail: routed or re-routed from a unit/person to another."""

    mail_item = models.ForeignKey(MailItem, on_delete=models.CASCADE, related_name="routing")
    from_unit = models.ForeignKey("core.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    from_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey("core.OrgUnit", on_delete=models.PROTECT, related_name="+")
    to_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("instructions"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("routing step")
        verbose_name_plural = _("routing steps")

    def __str__(self):
        return f"{self.mail_item_id} → {self.to_unit_id}"
