"""Legal holds: while a hold is in force on a file, or on its class or a parent class, the
file's disposition is suspended (it appears on no disposition list and none is processed)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.history import track_history


@track_history()
class LegalHold(models.Model):
    title = models.CharField(_("title"), max_length=200)
    reason = models.TextField(_("reason"))
    files = models.ManyToManyField("documents.RecordFile", verbose_name=_("files"), blank=True, related_name="holds")
    classes = models.ManyToManyField(
        "documents.RecordClass",
        verbose_name=_("classes"),
        blank=True,
        related_name="holds",
        help_text=_("A hold on a class covers its subclasses and all their files."),
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("placed by")
    )
    placed_at = models.DateTimeField(_("in force since"), auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lifted by"),
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lift_reason = models.TextField(_("reason for lifting"), blank=True)

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:hold_detail", args=[self.pk])

    @property
    def in_force(self):
        return self.lifted_at is None
