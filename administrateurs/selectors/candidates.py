"""Reads of the candidacies."""

from django.db.models import Count

from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate
from opq_intranet.core.text import filter_words

SEARCH_FIELDS = ("first_name", "last_name", "expertise", "city")


def candidates():
    return Candidate.objects.all()


def matching_candidates(queryset, text):
    return filter_words(queryset, SEARCH_FIELDS, text)


def by_status():
    counts = dict(Candidate.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [(status, counts.get(status.value, 0)) for status in CandidacyStatus]
