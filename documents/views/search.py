"""Full-text search over the records a person may see (documents/search/records.py)."""

from django.shortcuts import render

from documents.forms import RecordSearchForm
from documents.search import hits_with_extracts, matching_records
from opq_intranet.core.lists.pagination import paginate

PAGE_SIZE = 20


def record_search(request):
    form = RecordSearchForm(request.GET or None)
    page, hits = None, []
    if form.is_valid():
        text = form.cleaned_data["q"]
        page = paginate(
            matching_records(request.user, text, filters=form.cleaned_data),
            page=request.GET.get("page"),
            per_page=PAGE_SIZE,
        )
        hits = hits_with_extracts(page.object_list, text)
    return render(request, "documents/search.html", {"form": form, "page": page, "hits": hits})
