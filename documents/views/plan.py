"""The classification plan: the tree, a class, its form, and the plan as a workbook."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import permissions, plan_spreadsheet, selectors, services
from documents.forms import PlanImportForm, RecordClassForm
from documents.models import RecordClass
from documents.permissions import MANAGE, MANAGE_RULE
from documents.tree import tree_html
from opq_intranet.core.downloads import XLSX, download_response
from opq_intranet.core.lists.pagination import paginate
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import Action, ObjectDetailView, ObjectEditView, ObjectHistoryView

PLAN = ("documents:plan", gettext_lazy("Classification plan"))


def plan_tree(request):
    query = request.GET.get("q", "").strip()
    include_retired = request.GET.get("retired") == "1"
    items = selectors.plan_tree(query=query, include_retired=include_retired)
    expanded = bool(query) or request.GET.get("expanded") == "1"  # a search shows its matches unfolded
    context = {
        "items": items,
        "tree": tree_html(items, expanded=expanded),
        "expanded": expanded,
        "query": query,
        "include_retired": include_retired,
        "can_manage": permissions.can_manage_plan(request.user),
    }
    return render(request, "documents/plan_tree.html", context)


class ClassDetailView(ObjectDetailView):
    template_name = "documents/class_detail.html"
    history_url_name = "documents:class_history"
    breadcrumb_list = PLAN

    def get_queryset(self):
        return selectors.classes()

    def get_extra_context(self, obj, bound_forms):
        files = selectors.class_files(obj, self.request.user).select_related("org_unit")
        files_page = paginate(files, page=self.request.GET.get("page"), per_page=selectors.CLASS_FILES_PER_PAGE)
        return {**selectors.class_page(obj), "files_page": files_page}

    def get_actions(self, obj):
        if not permissions.can_manage_plan(self.request.user):
            return []
        return [
            Action(_("Change"), reverse("documents:class_edit", args=[obj.pk])),
            Action(
                _("Add a subclass"),
                f"{reverse('documents:class_create')}?parent={obj.pk}",
                style="outline-secondary",
            ),
        ]


class ClassHistoryView(ObjectHistoryView):
    queryset = RecordClass.objects.all()
    breadcrumb_list = PLAN


class ClassEditView(ObjectEditView):
    """A new class (under the class of `?parent=` if given) or a change; moving a class moves
    its subtree (services.record_class_save)."""

    access_rule = MANAGE_RULE
    form_class = RecordClassForm
    queryset = RecordClass.objects.all()
    template_name = "documents/class_form.html"
    breadcrumb_list = PLAN

    def new_object(self):
        record_class = RecordClass()
        parent = query_id(self.request, "parent")
        if parent is not None:
            record_class.parent = RecordClass.objects.filter(pk=parent).first()
        return record_class

    def get_title(self, obj):
        return _("Change the class %(code)s") % {"code": obj.code} if obj.pk else _("New class")

    def save(self, form, obj):
        return services.record_class_save(record_class=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        return _("The class %(code)s is saved.") % {"code": result.code}


# --- The plan as a spreadsheet ------------------------------------------------------------------


def plan_export(request):
    return download_response(plan_spreadsheet.export_plan(), filename="plan-de-classification.xlsx", content_type=XLSX)


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
    context = {
        "form": form,
        "problems": problems,
        # A refused file (not a workbook, too large) is said plainly; rows are listed to correct.
        "file_problems": [p for p in problems if p.row == ""],
        "row_problems": [p for p in problems if p.row != ""],
    }
    return render(request, "documents/plan_import.html", context, status=status)
