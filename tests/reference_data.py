"""Re-create what the data migrations load (orders, sites, units, roles).

Tests that use the transactional database (the live server, concurrency) end with a flush
that empties every table; Django re-creates content types and permissions afterwards, but
not the rows our data migrations loaded. Their loaders are idempotent, so we run them again.
"""

import importlib

from django.apps import apps

LOADERS = [
    ("opq_intranet.core.migrations.0003_reference_data", "load"),
    ("opq_intranet.accounts.migrations.0003_roles", "create_roles"),
    ("bdsp.migrations.0002_roles", "grant"),
    ("bdsp.migrations.0007_orders_portal", "grant"),
    ("documents.migrations.0002_roles", "grant"),
    ("documents.migrations.0014_exchange_roles", "grant"),
    ("courrier.migrations.0002_roles", "grant"),
    ("discipline.migrations.0002_roles", "grant"),
]


def ensure_reference_data():
    from opq_intranet.core.models import ProfessionalOrder

    if ProfessionalOrder.objects.exists():
        return
    for module, function in LOADERS:
        getattr(importlib.import_module(module), function)(apps, None)
