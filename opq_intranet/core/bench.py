"""Core pages timed by `make bench`."""

from django.urls import reverse

from opq_intranet.core.models import OrgUnit, ProfessionalOrder
from opq_intranet.core.registry.bench import HTMX_REQUEST, Scenario, register

STAFF = "marie.tremblay"

register(
    Scenario(key="core.dashboard", label="Mon travail", url=lambda: reverse("core:dashboard"), username=STAFF, order=1)
)
register(
    Scenario(
        key="core.orders", label="Ordres professionnels (liste)", url=lambda: reverse("core:order_list"), username=STAFF
    )
)
register(
    Scenario(
        key="core.order",
        label="Ordre professionnel (fiche)",
        url=lambda: reverse("core:order_detail", args=[ProfessionalOrder.objects.get(code="barreau").pk]),
        username=STAFF,
    )
)
register(Scenario(key="core.units", label="Unités (liste)", url=lambda: reverse("core:unit_list"), username=STAFF))
register(
    Scenario(
        key="core.unit",
        label="Unité (fiche)",
        url=lambda: reverse("core:unit_detail", args=[OrgUnit.objects.get(code="dsa").pk]),
        username=STAFF,
    )
)
register(
    Scenario(
        key="core.people", label="Répertoire du personnel", url=lambda: reverse("core:person_list"), username=STAFF
    )
)
register(
    Scenario(
        key="core.calendar", label="Jours fériés et fermetures", url=lambda: reverse("core:calendar"), username=STAFF
    )
)
register(
    Scenario(
        key="core.search",
        label="Recherche globale « ordre » (la page)",
        url=lambda: reverse("core:search") + "?q=ordre",
        username=STAFF,
    )
)
# Each group of the global search loads by itself (htmx): timed as the page asks for it.
register(
    Scenario(
        key="core.search_group",
        label="Recherche globale « ordre » : ordres",
        url=lambda: reverse("core:search_group", args=["core.orders"]) + "?q=ordre",
        username=STAFF,
        headers=HTMX_REQUEST,
    )
)
register(
    Scenario(
        key="core.portal",
        label="Portail (accueil d'un ordre)",
        url=lambda: reverse("core:portal"),
        username="declarant.infirmieres",
    )
)
