"""Inventory pages timed by `make bench`: the asset list, an asset, Mon équipement, a
campaign's scan page and its results (the seed opens a stock-taking of the Québec office)."""

from django.db.models import Count
from django.urls import reverse

from inventaire.models import Asset, Campaign
from inventaire.seed.demo import STORY_HOLDER, TECHNICIAN
from opq_intranet.core.registry.bench import Scenario, register


def _busiest_asset():
    asset = Asset.objects.annotate(n=Count("movements")).order_by("-n", "-pk").first()
    return reverse("inventaire:asset_detail", args=[asset.pk])


def _campaign(url_name):
    def url():
        campaign = Campaign.objects.order_by("-pk").first()
        return reverse(url_name, args=[campaign.pk])

    return url


SCENARIOS = (
    ("asset_list", "Inventaire : liste des actifs", lambda: reverse("inventaire:asset_list"), TECHNICIAN),
    ("asset", "Inventaire : un actif", _busiest_asset, TECHNICIAN),
    ("my_equipment", "Inventaire : Mon équipement", lambda: reverse("inventaire:my_equipment"), STORY_HOLDER),
    ("campaign_scan", "Inventaire : lecture d'un inventaire", _campaign("inventaire:campaign_scan"), TECHNICIAN),
    ("campaign", "Inventaire : résultats d'un inventaire", _campaign("inventaire:campaign_detail"), TECHNICIAN),
)

for key, label, url, username in SCENARIOS:
    register(Scenario(key=f"inventaire.{key}", label=label, url=url, username=username, order=60))
