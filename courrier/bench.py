"""Mail pages timed by `make bench`: the registry, an item, the search, and Mon travail with
its "Mon courrier" and "Mes mandats" panels."""

from urllib.parse import urlencode

from django.urls import reverse

from courrier.models import MailItem
from opq_intranet.core.registry.bench import HTMX_REQUEST, Scenario, register

MAIL_CLERK = "courrier.roy"
STAFF = "marie.tremblay"  # no mail role: the registry is filtered by what she may see


def _an_item_with_attachments():
    item = MailItem.objects.filter(attachments__isnull=False, confidentiality="internal").order_by("-pk").first()
    return reverse("courrier:item_detail", args=[item.pk])


register(
    Scenario(
        key="courrier.registry",
        label="Courrier : registre (courrier)",
        url=lambda: reverse("courrier:item_list"),
        username=MAIL_CLERK,
    )
)
register(
    Scenario(
        key="courrier.registry_staff",
        label="Courrier : registre (personnel)",
        url=lambda: reverse("courrier:item_list"),
        username=STAFF,
    )
)
register(Scenario(key="courrier.item", label="Courrier : un élément", url=_an_item_with_attachments, username=STAFF))
register(
    Scenario(
        key="courrier.search",
        label="Courrier : recherche (inspection)",
        url=lambda: f"{reverse('courrier:search')}?{urlencode({'q': 'inspection professionnelle'})}",
        username=STAFF,
        # A full-text search: DESIGN.md's search budget, as for the records.
        median_budget_ms=150,
        p95_budget_ms=150,
    )
)
# The mail's group of the global search (htmx): full text, and a chrono number's beginning.
register(
    Scenario(
        key="courrier.search_group",
        label="Recherche globale : courrier (inspection)",
        url=lambda: f"{reverse('core:search_group', args=['courrier.mail'])}?{urlencode({'q': 'inspection'})}",
        username=STAFF,
        headers=HTMX_REQUEST,
    )
)
register(
    Scenario(
        key="courrier.search_group_number",
        label="Recherche globale : courrier (numéro E2026-001)",
        url=lambda: f"{reverse('core:search_group', args=['courrier.mail'])}?q=E2026-001",
        username=STAFF,
        headers=HTMX_REQUEST,
    )
)
register(Scenario(key="courrier.dashboard", label="Mon travail (courrier et mandats)", url=lambda: "/", username=STAFF))
register(
    Scenario(
        key="courrier.my_mandates",
        label="Courrier : mes mandats",
        url=lambda: f"{reverse('courrier:mandate_list')}?mine=true&status=active",
        username=STAFF,
    )
)
register(
    Scenario(
        key="courrier.mandates_due",
        label="Courrier : mandats en retard et de la semaine, par unité",
        url=lambda: reverse("courrier:mandate_due"),
        username=STAFF,
    )
)
# The lists' search boxes at full scale (trigram indexes on the searched columns).
register(
    Scenario(
        key="courrier.registry_q",
        label="Courrier : registre, recherche « permis »",
        url=lambda: f"{reverse('courrier:item_list')}?q=permis",
        username=MAIL_CLERK,
    )
)
register(
    Scenario(
        key="courrier.mandates_q",
        label="Courrier : mandats, recherche « règlement »",
        url=lambda: f"{reverse('courrier:mandate_list')}?{urlencode({'q': 'règlement'})}",
        username=STAFF,
    )
)
