"""Audit history for every user-editable model, kept by PostgreSQL triggers (django-pghistory).

Triggers see every write, including `queryset.update()`, bulk calls and raw SQL, which
signal-based libraries miss. The request's user and URL are attached by pghistory's
middleware. Apply `@track_history()` to a model; show `history_for(obj)` on its page.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import pghistory
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Fields that change without a person meaning to change them: not worth an event.
NOISE_FIELDS = {"last_login", "password"}

EVENT_LABELS = {
    "insert": _("Created"),
    "update": _("Changed"),
    "delete": _("Deleted"),
}


def track_history(*, exclude=()):
    """Class decorator: record creation, every change and deletion of the model's rows."""

    def decorate(model):
        excluded = sorted(set(exclude) | {f for f in NOISE_FIELDS if _has_field(model, f)})
        return pghistory.track(
            pghistory.InsertEvent(),
            pghistory.UpdateEvent(condition=pghistory.AnyChange(exclude=excluded, exclude_auto=True)),
            pghistory.DeleteEvent(),
            exclude=excluded or None,
        )(model)

    return decorate


# {tracked model: [(its many-to-many field, the event model of the field's link table)]}
LINK_EVENTS = {}
SAME_MOMENT_ORDER = {"insert": 0, "add": 1, "remove": 1}
LINK_LABELS = {
    "add": pgettext_lazy("history event", "Link added"),
    "remove": pgettext_lazy("history event", "Link removed"),
}


def track_links(model, *field_names):
    """Record each link added to or removed from the model's many-to-many fields (a
    mandate's helpers, a hold's files): they live in a link table that the model's own
    triggers do not see. Call it in the app's models package once its models are defined."""
    for name in field_names:
        model_field = model._meta.get_field(name)
        through = model_field.remote_field.through
        link_name = f"{model.__name__}{name.title().replace('_', '')}Link"
        # A proxy of the link table carries the triggers into the app's migrations
        # (pgtrigger cannot add them to an auto-created table itself).
        proxy = type(
            link_name,
            (through,),
            {
                "__module__": model.__module__,
                "Meta": type("Meta", (), {"proxy": True, "app_label": model._meta.app_label}),
            },
        )
        event_model_name = f"{link_name}Event"
        pghistory.track(
            pghistory.InsertEvent("add"),
            pghistory.DeleteEvent("remove"),
            obj_field=None,  # a link row has no life of its own: its events are the object's
            model_name=event_model_name,
        )(proxy)
        event_model = apps.get_registered_model(model._meta.app_label, event_model_name)
        LINK_EVENTS.setdefault(model, []).append((model_field, event_model))


def _has_field(model, name):
    return any(f.name == name for f in model._meta.local_fields)


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    when: datetime
    kind: str
    kind_label: str
    user: object
    changes: list[FieldChange] = field(default_factory=list)


def history_for(obj, *, limit=None, links=True):
    """The object's events, newest first, with readable field names and values.

    Three queries whatever the number of events: the events, their users, and one per
    related model whose ids appear in the changes; a model with tracked links
    (`track_links`) adds one for all its link events and one per linked model, unless
    `links=False` (a detail page's preview of its recent changes).
    """
    events = pghistory.models.MiddlewareEvents.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id")
    if limit:
        events = events[:limit]
    events = list(events)
    link_events = _link_events(obj, limit) if links else []
    users = _users_by_id(
        {e.pgh_context.get("user") for e in events if e.pgh_context}
        | {(link["pgh_context__metadata"] or {}).get("user") for link in link_events}
    )
    model = type(obj)
    related = _related_labels(model, events)
    entries = _link_entries(model, link_events, users)
    for event in events:
        user_id = (event.pgh_context or {}).get("user")
        entry = HistoryEntry(
            when=event.pgh_created_at,
            kind=event.pgh_label,
            kind_label=EVENT_LABELS.get(event.pgh_label, event.pgh_label),
            user=users.get(user_id),
        )
        if event.pgh_label == "update" and event.pgh_diff:
            for attname, (before, after) in sorted(event.pgh_diff.items()):
                model_field = _field_by_attname(model, attname)
                if model_field is None:
                    continue
                entry.changes.append(
                    FieldChange(
                        label=str(model_field.verbose_name),
                        before=_display(model_field, before, related),
                        after=_display(model_field, after, related),
                    )
                )
        entries.append(entry)
    # Newest first; at the same moment (one transaction), a creation comes before the links
    # it was made with, and those before a change.
    entries.sort(key=lambda entry: (entry.when, SAME_MOMENT_ORDER.get(entry.kind, 2)), reverse=True)
    return entries[:limit] if limit else entries


def _link_events(obj, limit):
    """Every link added or removed, of every tracked many-to-many field, in one query."""
    tracked = LINK_EVENTS.get(type(obj), [])
    branches = []
    for model_field, event_model in tracked:
        source, target = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
        branches.append(
            event_model.objects.filter(**{f"{source}_id": obj.pk})
            .annotate(field_name=models.Value(model_field.name), target_id=models.F(f"{target}_id"))
            .values("pgh_created_at", "pgh_label", "pgh_context__metadata", "field_name", "target_id")
        )
    if not branches:
        return []
    union = branches[0].union(*branches[1:], all=True).order_by("-pgh_created_at")
    return list(union[:limit] if limit else union)


def _link_entries(model, links, users):
    fields = {model_field.name: model_field for model_field, _event_model in LINK_EVENTS.get(model, [])}
    wanted = {}
    for link in links:
        wanted.setdefault(fields[link["field_name"]].related_model, set()).add(link["target_id"])
    labels = {
        (related_model, item.pk): str(item)
        for related_model, ids in wanted.items()
        for item in related_model._base_manager.filter(pk__in=ids)
    }
    entries = []
    for link in links:
        model_field = fields[link["field_name"]]
        label = labels.get((model_field.related_model, link["target_id"]), f"#{link['target_id']}")
        added = link["pgh_label"] == "add"
        entries.append(
            HistoryEntry(
                when=link["pgh_created_at"],
                kind=link["pgh_label"],
                kind_label=LINK_LABELS[link["pgh_label"]],
                user=users.get((link["pgh_context__metadata"] or {}).get("user")),
                changes=[
                    FieldChange(
                        label=str(model_field.verbose_name),
                        before="—" if added else label,
                        after=label if added else "—",
                    )
                ],
            )
        )
    return entries


def _users_by_id(ids):
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=ids)}


def _field_by_attname(model, attname):
    for f in model._meta.concrete_fields:
        if f.attname == attname:
            return f
    return None


def _related_labels(model, events):
    """{(related model, id): label} for every foreign key id that appears in a change."""
    wanted = {}
    for event in events:
        for attname, values in (event.pgh_diff or {}).items():
            f = _field_by_attname(model, attname)
            if f is not None and f.is_relation:
                wanted.setdefault(f.related_model, set()).update(v for v in values if v is not None)
    labels = {}
    for related_model, ids in wanted.items():
        # A label may name the object's parent (a record's version: "Avis v2"): join the
        # required foreign keys, or each label would cost a query.
        parents = [f.name for f in related_model._meta.concrete_fields if f.many_to_one and not f.null]
        for item in related_model._base_manager.select_related(*parents).filter(pk__in=ids):
            labels[(related_model, item.pk)] = str(item)
    return labels


def _display(model_field, value, related):
    """A value as a person reads it: labels of choices, local time, lists as text."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if model_field.is_relation:
        return related.get((model_field.related_model, value), f"#{value}")
    if isinstance(value, list):
        base_field = getattr(model_field, "base_field", model_field)  # an ArrayField's items
        return ", ".join(_display(base_field, item, related) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key} : {item}" for key, item in value.items())
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return str(_("Yes") if value else _("No"))
    if isinstance(model_field, (models.DecimalField, models.FloatField, models.IntegerField)):
        # JSON gives 3.0 for a decimal 3.0000: show it as people write it (3; 1 234,5).
        number = Decimal(str(value)).normalize()
        return formats.number_format(number, use_l10n=True, force_grouping=True)
    if isinstance(model_field, models.DateTimeField):
        moment = parse_datetime(str(value))  # stored as UTC ISO text: shown in Quebec time
        if moment is not None:
            return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    elif isinstance(model_field, models.DateField):
        day = parse_date(str(value))
        if day is not None:
            return formats.date_format(day, "SHORT_DATE_FORMAT")
    return str(value)


@contextmanager
def history_triggers_off(*tables):
    """For seeds' bulk loads only (inside their transaction): the history triggers cost about
    250 µs a row (an event row and its deferred foreign-key checks), 40 minutes over a million
    records. Benchmark data has no "created" event; what is done to it afterwards is recorded."""
    # A table with deferred foreign-key checks still pending cannot be altered: run them first.
    flush_checks = "SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED"
    with connection.cursor() as cursor:
        cursor.execute(flush_checks)
        for table in tables:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(flush_checks)
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
