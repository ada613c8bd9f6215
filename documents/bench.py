"""Records pages timed by `make bench`: the plan's tree, a class, the schedule."""

from django.urls import reverse

from documents.models import RecordClass
from opq_intranet.core.registry.bench import Scenario, register

RECORDS_MANAGER = "gd.gagnon"


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
