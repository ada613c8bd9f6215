"""Pages of a list, exact (with a count) or light (no COUNT over millions of rows)."""

from dataclasses import dataclass

from django.core.paginator import Paginator


@dataclass
class Page:
    number: int
    object_list: list
    has_previous: bool
    has_next: bool
    count: int | None  # None when not counted
    page_range: list  # page numbers and "…" (Paginator.ELLIPSIS) to show

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def _page_number(raw):
    try:
        return max(1, int(raw))
    except (TypeError, ValueError):
        return 1


def paginate(queryset, *, page, per_page, count=None):
    """An exact page when `count` is given (already counted), a light one otherwise."""
    number = _page_number(page)
    if count is not None:
        paginator = Paginator(queryset, per_page)
        paginator.count = count  # cached_property: reuse the count the caller already made
        current = paginator.get_page(number)
        return Page(
            number=current.number,
            object_list=list(current.object_list),
            has_previous=current.has_previous(),
            has_next=current.has_next(),
            count=count,
            page_range=list(paginator.get_elided_page_range(current.number, on_each_side=2, on_ends=1)),
        )
    # One row more than the page tells whether there is a next page, without counting.
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    has_next = len(rows) > per_page
    return Page(
        number=number,
        object_list=rows[:per_page],
        has_previous=number > 1,
        has_next=has_next,
        count=None,
        page_range=[n for n in (number - 1, number, number + 1) if n >= 1 and (n <= number or has_next)],
    )
