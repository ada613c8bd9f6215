"""The classification plan: the tree, a class, and its form (records manager)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from documents import plan_spreadsheet, selectors, services
from documents.forms import PlanImportForm, RecordClassForm
from documents.models import RecordClass
from documents.permissions import can_manage_plan
from documents.tree import tree_html
from opq_intranet.accounts.access import Audience, access
from opq_intranet.core.history import history_for
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView

MANAGE = access(Audience.STAFF, "accounts.access_documents", "documents.manage_plan")


def plan_tree(request):
    query = request.GET.get("q", "").strip()
    include_retired = request.GET.get("retirees") == "1"
    items = selectors.plan_tree(query=query, include_retired=include_retired)
    context = {
        "items": items,
        "tree": tree_html(items),
        "query": query,
        "include_retired": include_retired,
        "can_manage": can_manage_plan(request.user),
    }
    return render(request, "documents/plan_tree.html", context)


def class_detail(request, pk):
    record_class = get_object_or_404(RecordClass.objects.select_related("retention_rule", "parent"), pk=pk)
    lineage = selectors.ancestors(record_class)
    rule, rule_source = selectors.effective_rule(record_class, lineage)
    copy_rules = list(rule.copy_rules.all()) if rule else []
    context = {
        "object": record_class,
        "lineage": lineage,
        "rule": rule,
        "rule_source": rule_source,
        "copy_rules": copy_rules,
        "children": record_class.children.order_by("path").select_related("retention_rule"),
        "can_manage": can_manage_plan(request.user),
        "history": history_for(record_class, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:class_history",
    }
    return render(request, "documents/class_detail.html", context)


class ClassHistoryView(ObjectHistoryView):
    queryset = RecordClass.objects.all()


def _class_form(request, record_class, template_title):
    form = RecordClassForm(request.POST or None, instance=record_class)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.record_class_save(record_class=form.save(commit=False), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The class %(code)s is saved.") % {"code": saved.code})
            return redirect(saved)
    status = 422 if form.errors else 200
    return render(
        request,
        "documents/class_form.html",
        {"form": form, "title": template_title, "object": record_class},
        status=status,
    )


@MANAGE
def class_create(request):
    initial_parent = request.GET.get("parent")
    record_class = RecordClass()
    if initial_parent and initial_parent.isdigit():
        record_class.parent = RecordClass.objects.filter(pk=initial_parent).first()
    return _class_form(request, record_class, _("New class"))


@MANAGE
def class_edit(request, pk):
    record_class = get_object_or_404(RecordClass, pk=pk)
    return _class_form(request, record_class, _("Change the class %(code)s") % {"code": record_class.code})


# --- The plan as a spreadsheet ------------------------------------------------------------------


def plan_export(request):
    response = HttpResponse(plan_spreadsheet.export_plan(), content_type=plan_spreadsheet.XLSX)
    response["Content-Disposition"] = 'attachment; filename="plan-de-classification.xlsx"'
    return response


@MANAGE
def plan_import(request):
    """Upload the plan's workbook: every row checked, nothing saved unless all are valid."""
    form = PlanImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        outcome = plan_spreadsheet.import_workbook(form.cleaned_data["workbook"], user=request.user)
        if not outcome.problems:
            messages.success(
                request,
                _("The plan was imported: %(created)s classes added, %(updated)s updated.")
                % {"created": outcome.created, "updated": outcome.updated},
            )
            return redirect("documents:plan")
        problems = outcome.problems
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/plan_import.html", {"form": form, "problems": problems}, status=status)
