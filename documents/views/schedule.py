"""The retention schedule: its rules, a rule with its copy rules, and its form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import selectors, services
from documents.filtersets import RetentionRuleFilterSet
from documents.forms import CopyRuleFormSet, RetentionRuleForm
from documents.models import RetentionRule
from documents.permissions import can_manage_plan
from documents.tables import RetentionRuleTable
from documents.views.plan import MANAGE
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView


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
        context["can_manage"] = can_manage_plan(self.request.user)
        return context


def rule_detail(request, pk):
    try:
        rule = selectors.rule_with_details(pk)
    except RetentionRule.DoesNotExist:
        raise Http404 from None
    context = {
        "object": rule,
        "can_manage": can_manage_plan(request.user),
        "history": history_for(rule, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:rule_history",
    }
    return render(request, "documents/rule_detail.html", context)


class RuleHistoryView(ObjectHistoryView):
    queryset = RetentionRule.objects.all()


def _rule_form(request, rule, title):
    form = RetentionRuleForm(request.POST or None, instance=rule)
    formset = CopyRuleFormSet(request.POST or None, instance=rule, prefix="copies")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.retention_rule_save(
                rule=form.save(commit=False),
                copy_rules_formset=formset,
                holding_units=form.cleaned_data["holding_units"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The rule %(number)s is saved.") % {"number": saved.number})
            return redirect(saved)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "formset": formset, "title": title, "object": rule}
    return render(request, "documents/rule_form.html", context, status=status)


@MANAGE
def rule_create(request):
    return _rule_form(request, RetentionRule(), _("New retention rule"))


@MANAGE
def rule_edit(request, pk):
    rule = get_object_or_404(RetentionRule, pk=pk)
    return _rule_form(request, rule, _("Change the rule %(number)s") % {"number": rule.number})
