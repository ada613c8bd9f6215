"""Full-text search over the mail a person may see (courrier/search/mail.py)."""

from django.shortcuts import render

from courrier.forms import MailSearchForm
from courrier.search import hits_with_extracts, matching_items
from opq_intranet.core.lists.pagination import paginate

PAGE_SIZE = 20


def mail_search(request):
    form = MailSearchForm(request.GET or None)
    page, hits = None, []
    if form.is_valid():
        text = form.cleaned_data["q"]
        items = matching_items(request.user, text, filters=form.cleaned_data)
        page = paginate(items, page=request.GET.get("page"), per_page=PAGE_SIZE)
        hits = hits_with_extracts(page.object_list, text)
    return render(request, "courrier/search.html", {"form": form, "page": page, "hits": hits})
