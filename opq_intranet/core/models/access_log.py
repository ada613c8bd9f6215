"""Who read which confidential content, and when (access law, art. 53-54)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConfidentialAccess(models.Model):
    accessed_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    object_label = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    action = models.CharField(_("action"), max_length=30, default="view")
    path = models.CharField(_("address"), max_length=500)

    class Meta:
        indexes = [models.Index(fields=["object_label", "object_id"], name="core_access_object_idx")]
        ordering = ["-accessed_at"]
        verbose_name = _("confidential access")
        verbose_name_plural = _("confidential accesses")

    def __str__(self):
        return f"{self.accessed_at:%Y-%m-%d %H:%M} {self.user_id} {self.object_label}#{self.object_id}"
