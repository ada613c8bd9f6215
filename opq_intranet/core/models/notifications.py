"""The "À traiter" queue: work handed to a person, until it is done (core/notifications.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    # The kind of work, "<app>.<what>" (e.g. "courrier.mail_routed"): services clear by it.
    key = models.CharField(_("kind of work"), max_length=80)
    # Rendered in the recipient's language when created.
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("link"), max_length=500, help_text=_("Relative path of the page where the work is done."))
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            # A person's queue: their open notifications, newest first.
            models.Index(
                fields=["recipient", "-created_at", "-id"],
                condition=Q(done_at__isnull=True),
                name="core_notification_open_idx",
            ),
            # The services clear the open notifications of one object.
            models.Index(
                fields=["target_type", "target_id", "key"],
                condition=Q(done_at__isnull=True),
                name="core_notification_target_idx",
            ),
            # The daily digest: open ones not emailed yet.
            models.Index(
                fields=["recipient"],
                condition=Q(done_at__isnull=True, emailed_at__isnull=True),
                name="core_notification_unsent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.title}"
