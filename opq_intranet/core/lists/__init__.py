"""The list-page pattern every app reuses: filters, sort, pagination, CSV/XLSX export.

    class ItemListView(ObjectListView):
        queryset = Item.objects.select_related("unit")
        filterset_class = ItemFilterSet     # django-filter, see core/filtersets.py
        table_class = ItemTable             # django-tables2, see core/tables.py
        title = _("Mail registry")
        export_name = "courrier"

The page costs a constant number of queries: the rows (with what the visible columns need,
via select_related/prefetch in `get_queryset`), and a count only when filters are active;
unfiltered lists show the planner's estimate instead of `COUNT(*)` over millions of rows.
"""
