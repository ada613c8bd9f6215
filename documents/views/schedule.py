"""The retention schedule: its rules, a rule with its copy rules, and its form."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import permissions, selectors, services
from documents.filtersets import RetentionRuleFilterSet
from documents.forms import RetentionRuleWithCopiesForm
from documents.models import RetentionRule
from documents.permissions import MANAGE_RULE
from documents.tables import RetentionRuleTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import Action, ObjectDetailView, ObjectEditView, ObjectHistoryView

SCHEDULE = ("documents:rule_list", gettext_lazy("Retention schedule"))


class RuleListView(ObjectListView):
    filterset_class = RetentionRuleFilterSet
    table_class = RetentionRuleTable
    title = gettext_lazy("Retention schedule")
    export_name = "calendrier-de-conservation"
    actions_template = "documents/_rule_list_actions.html"

    def get_queryset(self):
        return selectors.rules()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = permissions.can_manage_plan(self.request.user)
        return context


class RuleDetailView(ObjectDetailView):
    template_name = "documents/rule_detail.html"
    history_url_name = "documents:rule_history"
    breadcrumb_list = SCHEDULE

    def get_queryset(self):
        return selectors.rules_with_details()

    def get_actions(self, obj):
        if not permissions.can_manage_plan(self.request.user):
            return []
        return [Action(_("Change"), reverse("documents:rule_edit", args=[obj.pk]))]


class RuleHistoryView(ObjectHistoryView):
    queryset = RetentionRule.objects.all()
    breadcrumb_list = SCHEDULE


class RuleEditView(ObjectEditView):
    """A new rule or a change, with its copy rules and holding units; the dates of the files of
    the classes it governs follow (services.retention_rule_save)."""

    access_rule = MANAGE_RULE
    form_class = RetentionRuleWithCopiesForm
    queryset = RetentionRule.objects.all()
    template_name = "documents/rule_form.html"
    breadcrumb_list = SCHEDULE

    def new_object(self):
        return RetentionRule()

    def get_title(self, obj):
        return _("Change the rule %(number)s") % {"number": obj.number} if obj.pk else _("New retention rule")

    def save(self, form, obj):
        return services.retention_rule_save(
            rule=form.save(commit=False),
            copy_rules_formset=form.copy_rules,
            holding_units=form.cleaned_data["holding_units"],
            user=self.request.user,
        )

    def get_success_message(self, result):
        return _("The rule %(number)s is saved.") % {"number": result.number}
