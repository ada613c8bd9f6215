"""Records management in the global search: the plan's classes, the schedule's rules, files
by their number, and records by French full-text search (what the person may see only). The
search page's queries are in documents/search/records.py, re-exported here."""

import re

from django.utils.translation import gettext_lazy as _

from documents import selectors
from documents.models import RecordClass, RetentionRule
from documents.search.records import SearchHit, hits_with_extracts, latest_matching_records, matching_records
from opq_intranet.core.registry.search import ModelSearchProvider, SearchProvider, SearchResult, register

# A file number as people quote it, whole or its beginning: D2024-00012, d2024-000.
FILE_NUMBER = re.compile(r"^[dD]\d{4}(-\d{0,5})?$")


class ClassSearch(ModelSearchProvider):
    key = "documents.classes"
    label = _("Classification plan")
    permission = "accounts.access_documents"
    search_fields = ("code", "title", "keywords")
    order = 40

    def get_queryset(self, request):
        return RecordClass.objects.filter(is_active=True).order_by("path")

    def detail(self, record_class):
        return record_class.keywords


class RuleSearch(ModelSearchProvider):
    key = "documents.rules"
    label = _("Retention schedule")
    permission = "accounts.access_documents"
    search_fields = ("number", "title")
    order = 41

    def get_queryset(self, request):
        return RetentionRule.objects.order_by("number")

    def detail(self, rule):
        return rule.get_approval_status_display()


class FileNumberSearch(SearchProvider):
    """Files by number only: titles are searched on the files' list, with its filters."""

    key = "documents.files"
    label = _("Files")
    permission = "accounts.access_documents"
    order = 42

    def search(self, request, query, limit):
        text = query.strip()
        if not FILE_NUMBER.match(text):
            return []
        files = selectors.files_visible_to(request.user).filter(reference__startswith=text.upper())
        return [
            SearchResult(str(f), f.get_absolute_url(), f.record_class.code) for f in files.order_by("reference")[:limit]
        ]


class RecordSearch(SearchProvider):
    """The latest records that match; the records search page ranks them and filters."""

    key = "documents.records"
    label = _("Records")
    permission = "accounts.access_documents"
    order = 43

    def search(self, request, query, limit):
        if FILE_NUMBER.match(query.strip()):
            return []
        records = latest_matching_records(request.user, query, limit)
        return [SearchResult(r.title, r.get_absolute_url(), r.record_file.reference) for r in records]


register(ClassSearch())
register(RuleSearch())
register(FileNumberSearch())
register(RecordSearch())


__all__ = ["SearchHit", "hits_with_extracts", "latest_matching_records", "matching_records"]
