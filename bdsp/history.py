"""The history of a return's values: every change, with who, when, before and after.

The PostgreSQL triggers of django-pghistory keep a snapshot of each value at every write;
the "before" of a change is the previous snapshot of the same value. The analyst's
follow-up flag and private note are left out: the order sees this page too.
"""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps

from bdsp import display, selectors
from bdsp.choices import ValueState

SHOWN_FIELDS = ("state", "number", "text", "date", "boolean", "explanation")


@dataclass
class ValueChange:
    when: datetime
    who: object
    indicator: str
    category: str
    before: str
    after: str
    explanation: str


def _shown(snapshot, value_type):
    if snapshot is None:
        return "—"
    if snapshot.state != ValueState.VALUE:
        return str(ValueState(snapshot.state).label)
    return display.show_value(snapshot, value_type) or "—"


def value_changes(annual_return):
    """[ValueChange], newest first. Two queries: the form (cached once frozen) and the events."""
    event_model = apps.get_model("bdsp", "ReturnValueEvent")
    form = selectors.form_definition(annual_return.reporting_year)
    by_id = {i.id: i for i in form.indicators.values()}
    events = (
        event_model.objects.filter(annual_return_id=annual_return.pk)
        .select_related("updated_by")
        .only(
            "pgh_id",
            "pgh_created_at",
            "pgh_label",
            "pgh_obj_id",
            "indicator_id",
            "category_key",
            "updated_by",
            *SHOWN_FIELDS,
        )
        .order_by("pgh_id")
    )
    last_seen = {}
    changes = []
    for event in events:
        previous = last_seen.get(event.pgh_obj_id)
        deleted = event.pgh_label == "delete"
        last_seen[event.pgh_obj_id] = None if deleted else event
        if (
            previous is not None
            and not deleted
            and all(getattr(previous, f) == getattr(event, f) for f in SHOWN_FIELDS)
        ):
            continue  # only the analyst's flag changed
        indicator = by_id.get(event.indicator_id)
        value_type = indicator.value_type if indicator else ""
        before = _shown(previous, value_type)
        after = "—" if deleted else _shown(event, value_type)
        if before == after and (previous is None or previous.explanation == event.explanation):
            continue  # an empty cell written empty
        changes.append(
            ValueChange(
                when=event.pgh_created_at,
                who=event.updated_by,
                indicator=indicator.label if indicator else "",
                category=indicator.key_label(event.category_key) if indicator else event.category_key,
                before=before,
                after=after,
                explanation="" if deleted else event.explanation,
            )
        )
    changes.reverse()
    return changes
