"""Factories of the inventory: categories, locations, assets (tagged T-00001…)."""

from decimal import Decimal

import factory

from inventaire.choices import CategoryKind, Posture
from inventaire.models import Asset, Category, Location
from opq_intranet.core.models import Site
from tests.factories import UserFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    """IT laptops by default: 48 months, 5 % residual, data on board."""

    class Meta:
        model = Category
        django_get_or_create = ("name",)

    name = "Ordinateur portable"
    kind = CategoryKind.IT
    posture = Posture.LAPTOP
    has_storage = True
    life_months = 48
    residual_percent = Decimal("5")


class FurnitureFactory(CategoryFactory):
    name = "Chaise"
    kind = CategoryKind.FURNITURE
    posture = Posture.NONE
    has_storage = False
    life_months = 120
    residual_percent = Decimal("0")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    site = factory.LazyFunction(lambda: Site.objects.get(code="quebec"))
    # Floor 20 by default: apart from the rooms the tests name on floor 10.
    floor = "20"
    room = factory.Sequence(lambda n: f"20.{n:03d}")


class AssetFactory(factory.django.DjangoModelFactory):
    """An asset in stock, as if registered (the services are tested on their own)."""

    class Meta:
        model = Asset

    tag = factory.Sequence(lambda n: f"T-{n:05d}")
    category = factory.SubFactory(CategoryFactory)
    manufacturer = "Dell"
    model_name = "Latitude 7450"
    serial_number = factory.Sequence(lambda n: f"SN{n:06d}")
    location = factory.SubFactory(LocationFactory)
    purchased_on = factory.Faker("date_between", start_date="-3y", end_date="-30d")
    cost = Decimal("1890.00")
    created_by = factory.SubFactory(UserFactory)
