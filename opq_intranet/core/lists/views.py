from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from opq_intranet.core.lists.counting import estimated_count
from opq_intranet.core.lists.export import EXPORT_FORMATS, export_response
from opq_intranet.core.lists.pagination import paginate

# Above this many rows (planner's estimate), an unfiltered list is paged without COUNT(*).
LARGE_TABLE_ROWS = 50_000
# A filtered list is counted up to this many rows; beyond, it says "more than".
COUNT_CAP = 1_000  # beyond, "more than 1 000": a count of a search's matches costs more than its page
IGNORED_PARAMETERS = {"page", "per_page", "sort", "export"}


class ObjectListView(TemplateView):
    """A filterable, sortable, paginated, exportable list of objects (see package docstring)."""

    filterset_class = None
    table_class = None
    title = ""
    export_name = "export"
    template_name = "core/list/object_list.html"
    # Shown beside the title; e.g. a button to create an object.
    actions_template = None
    # False when get_queryset() is scoped to the user: the table-wide estimate would be wrong.
    estimate_unfiltered_count = True

    def get_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        filterset = None
        filtered = False
        if self.filterset_class is not None:
            filterset = self.filterset_class(request.GET or None, queryset=queryset, request=request)
            if filterset.is_bound:
                if filterset.is_valid():
                    queryset = filterset.qs
                    filtered = _has_filter_values(filterset)
                else:
                    queryset = queryset.none()
                    filtered = True
        table = self.table_class(queryset, sort=request.GET.get("sort"))

        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            if table.queryset.count() > settings.EXPORT_MAX_ROWS:
                messages.error(
                    request,
                    _("The export is limited to %(limit)s rows: narrow the list with the filters first.")
                    % {"limit": settings.EXPORT_MAX_ROWS},
                )
                return redirect(request.path)
            return export_response(table, fmt, self.export_name)

        per_page = _per_page(request)
        total, total_kind = self._total(queryset, filtered)
        count = total if total_kind == "exact" else None
        page = paginate(table.queryset, page=request.GET.get("page"), per_page=per_page, count=count)
        context = self.get_context_data(
            table=table,
            headers=table.headers(request.GET),
            rows=table.rows(page.object_list),
            page=page,
            filterset=filterset,
            filtered=filtered,
            total=total,
            total_kind=total_kind,
            per_page=per_page,
            page_sizes=settings.LIST_PAGE_SIZES,
            title=self.title,
            actions_template=self.actions_template,
            export_formats=list(EXPORT_FORMATS),
            **kwargs,
        )
        return self.render_to_response(context)

    def _total(self, queryset, filtered):
        """(number, "exact" | "estimate" | "more_than"), with at most one cheap query."""
        if not filtered and self.estimate_unfiltered_count:
            estimate = estimated_count(queryset.model)
            if estimate is not None and estimate >= LARGE_TABLE_ROWS:
                return estimate, "estimate"
        capped = queryset.order_by()[: COUNT_CAP + 1].count()
        if capped > COUNT_CAP:
            return COUNT_CAP, "more_than"
        return capped, "exact"


def _has_filter_values(filterset):
    data = filterset.form.cleaned_data
    return any(v not in (None, "", []) for k, v in data.items() if k not in IGNORED_PARAMETERS)


def _per_page(request):
    try:
        value = int(request.GET.get("per_page", settings.LIST_PAGE_SIZE))
    except ValueError:
        return settings.LIST_PAGE_SIZE
    return value if value in settings.LIST_PAGE_SIZES else settings.LIST_PAGE_SIZE
