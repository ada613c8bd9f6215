"""Documents sent with a return: first of all the order's annual report (PDF)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bdsp.choices import AttachmentKind
from opq_intranet.core.history import track_history


@track_history()
class ReturnAttachment(models.Model):
    annual_return = models.ForeignKey(
        "bdsp.AnnualReturn", on_delete=models.CASCADE, related_name="attachments", verbose_name=_("annual return")
    )
    kind = models.CharField(_("kind of document"), max_length=30, choices=AttachmentKind.choices)
    # An amendment carries the same stored file as the version it corrects: not a copy.
    file = models.ForeignKey(
        "core.PrivateFile", on_delete=models.PROTECT, related_name="+", verbose_name=_("stored file")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("added by")
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "added_at", "pk"]
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file.original_name}"
