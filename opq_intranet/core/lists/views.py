from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from django_tables2 import LazyPaginator, RequestConfig

from opq_intranet.core.lists.counting import estimated_count
from opq_intranet.core.lists.export import EXPORT_FORMATS, export_response

LARGE_TABLE_ROWS = 50_000


class ObjectListView(TemplateView):
    """A filterable, sortable, paginated, exportable list of objects (see package docstring)."""

    queryset = None
    filterset_class = None
    table_class = None
    title = ""
    export_name = "export"
    template_name = "core/list/object_list.html"
    # Shown above the table; e.g. a button to create an object.
    actions_template = None
    # False when get_queryset() is scoped to the user: the table-wide estimate would be wrong.
    estimate_unfiltered_count = True

    def get_queryset(self):
        return self.queryset.all()

    def get_table_kwargs(self):
        return {}

    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        filterset = None
        if self.filterset_class is not None:
            filterset = self.filterset_class(request.GET or None, queryset=queryset, request=request)
            queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
            if filterset.is_bound and not filterset.is_valid():
                queryset = queryset.none()
        filtered = bool(filterset and filterset.is_bound and _has_filter_values(filterset))
        table = self.table_class(queryset, request=request, **self.get_table_kwargs())

        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            if queryset.count() > settings.EXPORT_MAX_ROWS:
                messages.error(
                    request,
                    _("The export is limited to %(limit)s rows: narrow the list with the filters first.")
                    % {"limit": settings.EXPORT_MAX_ROWS},
                )
                return redirect(request.path)
            RequestConfig(request, paginate=False).configure(table)
            return export_response(table, fmt, self.export_name)

        per_page = _per_page(request)
        # Exact counts where they are cheap; the planner's estimate for big unfiltered tables.
        estimate = None if filtered or not self.estimate_unfiltered_count else estimated_count(queryset.model)
        exact = filtered or estimate is None or estimate < LARGE_TABLE_ROWS
        paginator_class = Paginator if exact else LazyPaginator
        RequestConfig(request, paginate={"per_page": per_page, "paginator_class": paginator_class}).configure(table)
        context = self.get_context_data(
            table=table,
            filterset=filterset,
            filtered=filtered,
            total=table.paginator.count if exact else estimate,
            total_is_estimate=not exact,
            per_page=per_page,
            page_sizes=settings.LIST_PAGE_SIZES,
            title=self.title,
            actions_template=self.actions_template,
            export_formats=list(EXPORT_FORMATS),
            **kwargs,
        )
        return self.render_to_response(context)


def _has_filter_values(filterset):
    ignored = {"page", "per_page", "sort", "export"}
    return any(v not in (None, "", []) for k, v in filterset.form.cleaned_data.items() if k not in ignored)


def _per_page(request):
    try:
        value = int(request.GET.get("per_page", settings.LIST_PAGE_SIZE))
    except ValueError:
        return settings.LIST_PAGE_SIZE
    return value if value in settings.LIST_PAGE_SIZES else settings.LIST_PAGE_SIZE
