"""Exchange spaces' pages timed by `make bench`: a space's page and the partner's list of
spaces (the issue's two scenarios), and the list of every space for their administrator."""

from django.db.models import Count
from django.urls import reverse

from documents.exchange.models import ExchangeSpace
from opq_intranet.core.registry.bench import Scenario, register

PARTNER = "declarant.infirmieres"
ADMINISTRATOR = "gd.gagnon"


def _the_partners_fullest_space():
    space = (
        ExchangeSpace.objects.filter(professional_order__code="infirmieres", is_active=True)
        .annotate(n=Count("files"))
        .order_by("-n", "pk")
        .first()
    )
    return reverse("exchange:space_detail", args=[space.pk])


register(
    Scenario(
        key="exchange.space",
        label="Échanges : un espace (partenaire)",
        url=_the_partners_fullest_space,
        username=PARTNER,
    )
)
register(
    Scenario(
        key="exchange.spaces",
        label="Échanges : les espaces du partenaire",
        url=lambda: reverse("exchange:space_list"),
        username=PARTNER,
    )
)
register(
    Scenario(
        key="exchange.spaces_all",
        label="Échanges : tous les espaces (gestion documentaire)",
        url=lambda: reverse("exchange:space_list"),
        username=ADMINISTRATOR,
    )
)
