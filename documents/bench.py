"""Records pages timed by `make bench`: the plan, the schedule, files, a file, search, disposition."""

from datetime import date
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

import documents.exchange.bench  # noqa: F401 - registers the exchange spaces' scenarios
from documents.models import Box, Record, RecordClass, RecordFile
from opq_intranet.core.registry.bench import HTMX_REQUEST, Scenario, register

RECORDS_MANAGER = "gd.gagnon"
STAFF = "marie.tremblay"  # no records-management role: the access rules filter what she sees


def _a_leaf_class():
    leaf = RecordClass.objects.filter(depth=2).order_by("path").first()
    return reverse("documents:class_detail", args=[leaf.pk])


register(
    Scenario(
        key="documents.plan",
        label="Documents : plan de classification",
        url=lambda: reverse("documents:plan"),
        username=RECORDS_MANAGER,
    )
)
register(Scenario(key="documents.class", label="Documents : une classe", url=_a_leaf_class, username=RECORDS_MANAGER))
register(
    Scenario(
        key="documents.rules",
        label="Documents : calendrier de conservation",
        url=lambda: reverse("documents:rule_list"),
        username=RECORDS_MANAGER,
    )
)


def _a_file_with_records():
    record = Record.objects.order_by("-pk").only("record_file_id").first()
    return reverse("documents:file_detail", args=[record.record_file_id])


def _search(words):
    return lambda: f"{reverse('documents:search')}?{urlencode({'q': words})}"


register(
    Scenario(
        key="documents.files",
        label="Documents : liste des dossiers (personnel)",
        url=lambda: reverse("documents:file_list"),
        username=STAFF,
    )
)
register(Scenario(key="documents.file", label="Documents : un dossier", url=_a_file_with_records, username=STAFF))
# DESIGN.md: French full-text search over the 1 000 000 records, p95 ≤ 150 ms. A common
# phrase (tens of thousands of matches to rank) and a rare word, as a staff member whose
# access rules filter the results, and as the records manager who sees everything.
register(
    Scenario(
        key="documents.search_common",
        label="Documents : recherche fréquente (plainte disciplinaire)",
        url=_search("plainte disciplinaire"),
        username=STAFF,
        median_budget_ms=150,
        p95_budget_ms=150,
    )
)
register(
    Scenario(
        key="documents.search_rare",
        label="Documents : recherche rare (dentistes révision)",
        url=_search("dentistes révision"),
        username=RECORDS_MANAGER,
        median_budget_ms=150,
        p95_budget_ms=150,
    )
)
# The records' group of the global search (htmx): the latest matches among what she may see.
register(
    Scenario(
        key="documents.search_group",
        label="Recherche globale : documents (plainte disciplinaire)",
        url=lambda: f"{reverse('core:search_group', args=['documents.records'])}?q=plainte+disciplinaire",
        username=STAFF,
        headers=HTMX_REQUEST,
    )
)
register(
    Scenario(
        key="documents.disposition",
        label="Documents : échéances et listes de disposition",
        url=lambda: reverse("documents:disposition_index"),
        username=RECORDS_MANAGER,
    )
)
register(
    Scenario(
        key="documents.boxes",
        label="Documents : boîtes",
        url=lambda: reverse("documents:box_list"),
        username=RECORDS_MANAGER,
    )
)
register(
    Scenario(
        key="documents.loans",
        label="Documents : prêts en cours",
        url=lambda: f"{reverse('documents:loan_list')}?state=open",
        username=RECORDS_MANAGER,
    )
)


def _a_full_box():
    box = Box.objects.order_by("-pk").first()
    return reverse("documents:box_detail", args=[box.pk])


register(Scenario(key="documents.box", label="Documents : une boîte", url=_a_full_box, username=RECORDS_MANAGER))


def _preview_of_the_busiest_unit():
    """The selection a destruction list of the unit with the most files makes (as generating does)."""
    unit = RecordFile.objects.values("org_unit").annotate(n=Count("pk")).order_by("-n").first()["org_unit"]
    query = urlencode({"kind": "destruction", "org_unit": unit, "due_on": date.today().isoformat()})
    return f"{reverse('documents:disposition_preview')}?{query}"


register(
    Scenario(
        key="documents.disposition_preview",
        label="Documents : liste de destruction (sélection)",
        url=_preview_of_the_busiest_unit,
        username=RECORDS_MANAGER,
    )
)
register(
    Scenario(
        key="documents.files_q",
        label="Documents : dossiers, recherche « contrats »",
        url=lambda: f"{reverse('documents:file_list')}?q=contrats",
        username=STAFF,
    )
)
