"""Records management in the global search: the plan's classes and the schedule's rules."""

from django.utils.translation import gettext_lazy as _

from documents.models import RecordClass, RetentionRule
from opq_intranet.core.registry.search import ModelSearchProvider, register


class ClassSearch(ModelSearchProvider):
    key = "documents.classes"
    label = _("Classification plan")
    permission = "accounts.access_documents"
    search_fields = ("code", "title", "keywords")
    order = 40

    def get_queryset(self, request):
        return RecordClass.objects.filter(is_active=True).order_by("path")

    def detail(self, record_class):
        return record_class.keywords


class RuleSearch(ModelSearchProvider):
    key = "documents.rules"
    label = _("Retention schedule")
    permission = "accounts.access_documents"
    search_fields = ("number", "title")
    order = 41

    def get_queryset(self, request):
        return RetentionRule.objects.order_by("number")

    def detail(self, rule):
        return rule.get_approval_status_display()


register(ClassSearch())
register(RuleSearch())
