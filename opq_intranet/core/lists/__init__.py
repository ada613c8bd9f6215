"""The list-page pattern every app reuses: filters, sort, pagination, CSV/XLSX export.

    class ItemListView(ObjectListView):
        queryset = Item.objects.select_related("unit")
        filterset_class = ItemFilterSet     # django-filter, see core/filtersets.py
        table_class = ItemTable             # core/lists/tables.py
        title = _("Mail registry")
        export_name = "courrier"

The page costs a constant number of queries: one capped count (up to 1 000, beyond which
the list says "more than 1 000"), and the rows with what the visible columns need
(select_related/prefetch in `get_queryset`). Unfiltered lists of big tables show the
planner's estimate instead of `COUNT(*)` over millions of rows, and page without counting.
"""
