"""The classification plan: a hierarchy of classes; each class takes a retention rule
("class determines destiny"), its own or its nearest ancestor's."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.history import track_history

PATH_SEPARATOR = "/"


@track_history(exclude=["path", "depth"])
class RecordClass(models.Model):
    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    keywords = models.TextField(_("keywords"), blank=True, help_text=_("Words people use to find the class."))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent class"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    retention_rule = models.ForeignKey(
        "documents.RetentionRule",
        verbose_name=_("retention rule"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="classes",
        help_text=_("Left empty, the class takes its parent's rule."),
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("A retired class takes no new file."))
    # Materialised path of codes ("1000/1100/1110"): the whole tree in one ordered query.
    path = models.CharField(max_length=500, editable=False, db_index=True, verbose_name=_("path in the plan"))
    depth = models.PositiveSmallIntegerField(default=0, editable=False, verbose_name=_("depth in the plan"))

    class Meta:
        ordering = ["path"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("documents:class_detail", args=[self.pk])

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A class cannot be placed under itself or one of its subclasses.")})
            ancestor = ancestor.parent
