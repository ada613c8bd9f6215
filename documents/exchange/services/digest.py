"""The new-files digest: one notification per space and side, listing what arrived since the last one.

When the partner's side adds files (a partner user, or a visitor through a drop link), the
Office's members of the space are told; when the Office adds files, the partner's users are.
The uploads themselves record nothing more than their audit event (UPLOADED, VERSION_ADDED):
the scheduled job `documents.exchange_digest` reads the events past each side's watermark
(`ExchangeSpace.office_news_through` / `partner_news_through`, the last event announced),
sends one `notify()` per space and side (key "documents.exchange_new", target the space), and
moves the watermark. Running it twice sends nothing the second time; running it every
half-hour gives the "one email, not one per file" of the issue at any upload rate.

- A recipient who already opened (viewed or downloaded) a new file before the digest is not
  told of it; a file deleted or purged in the meantime is left out.
- People with immediate delivery get the email at once; the others in core's daily digest;
  partners find it in the portal home's "À traiter" panel. It leaves the queue when the
  person opens the space (`space_news_read`, called by the space page's `on_read`).
- Events younger than SETTLE are left for the next run: an event's id is taken when it is
  written, before its transaction commits, so a later id can be visible first.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from documents.exchange import permissions
from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeEvent, ExchangeSpace, SpaceMember
from opq_intranet.accounts.models import UserKind
from opq_intranet.core.notifications import notifications_done, notify
from opq_intranet.core.selectors import holders_of

NEWS_KEY = "documents.exchange_new"
NEWS_ACTIONS = (EventAction.UPLOADED, EventAction.VERSION_ADDED)
READ_ACTIONS = (EventAction.VIEWED, EventAction.DOWNLOADED)
SETTLE = timedelta(minutes=1)
OFFICE, PARTNER = "office", "partner"
WATERMARK = {OFFICE: "office_news_through", PARTNER: "partner_news_through"}
SUBJECT_TEMPLATE = "documents/email/exchange_new_subject.txt"
BODY_TEMPLATE = "documents/email/exchange_new.txt"


def news_for(side):
    """Events that are news for `side`: the other side added a file or a version. The partner's
    side is a partner user, or a visitor through a drop link; the Office's, a staff member."""
    if side == OFFICE:
        done_by_other_side = Q(link__isnull=False) | Q(user__kind=UserKind.PARTNER)
    else:
        done_by_other_side = Q(link__isnull=True, user__kind=UserKind.STAFF)
    return Q(action__in=NEWS_ACTIONS) & done_by_other_side


def side_members(space, side):
    """The active people of `side` who may read the space (the access rule of permissions.py)."""
    rows = {row.user_id: row for row in SpaceMember.objects.filter(space=space)}
    people = holders_of("documents.use_exchange")
    if side == OFFICE:
        # The owner unit's staff and the staff named in the space; not the administrators of
        # every space, who would be told of every upload of every unit.
        people = people.filter(kind=UserKind.STAFF).filter(Q(org_unit_id=space.owner_unit_id) | Q(pk__in=list(rows)))
    elif space.professional_order_id is not None:
        people = people.filter(kind=UserKind.PARTNER, professional_order_id=space.professional_order_id)
    else:
        people = people.filter(kind=UserKind.PARTNER, partner_organisation_id=space.organisation_id)
    return [
        person for person in people.order_by("pk") if permissions.can_read(person, space, member=rows.get(person.pk))
    ]


def _new_files(events):
    """[(shared file, "new" | "version", version number)] in upload order, each file once."""
    files = {}
    for event in events:
        shared_file = event.shared_file
        if shared_file is None or not shared_file.is_available:
            continue
        entry = files.setdefault(shared_file.pk, {"file": shared_file, "new": False, "events": []})
        entry["new"] = entry["new"] or event.action == EventAction.UPLOADED
        entry["events"].append(event)
    return list(files.values())


def _already_read(space, people, entries, after_id):
    """{person id: {shared file ids they opened after the first news event}}."""
    opened = {}
    rows = ExchangeEvent.objects.filter(
        space=space,
        pk__gt=after_id,
        action__in=READ_ACTIONS,
        user_id__in=[p.pk for p in people],
        shared_file_id__in=[e["file"].pk for e in entries],
    ).values_list("user_id", "shared_file_id")
    for user_id, file_id in rows:
        opened.setdefault(user_id, set()).add(file_id)
    return opened


def _announce(space, side, events, log):
    entries = _new_files(events)
    if not entries:
        return 0
    people = side_members(space, side)
    opened = _already_read(space, people, entries, events[0].pk - 1)
    groups = {}  # the same list of files → one notify() for everyone who gets it
    for person in people:
        unread = tuple(e["file"].pk for e in entries if e["file"].pk not in opened.get(person.pk, ()))
        if unread:
            groups.setdefault(unread, []).append(person)
    told = 0
    for file_ids, recipients in groups.items():
        files = [e for e in entries if e["file"].pk in file_ids]
        notify(
            recipients=recipients,
            key=NEWS_KEY,
            target=space,
            url=space.get_absolute_url(),
            subject_template=SUBJECT_TEMPLATE,
            body_template=BODY_TEMPLATE,
            context={"space": space, "files": files, "from_office": side == PARTNER},
        )
        told += len(recipients)
    names = ", ".join(e["file"].name for e in entries)
    log(f"{space} → {side} ({told}): {names}")
    return told


@transaction.atomic
def space_news_send(*, space, log=lambda text: None, now=None):
    """Announce to each side of `space` the files the other side added since its watermark.
    Returns the number of people told."""
    settled = (now or timezone.now()) - SETTLE
    space = ExchangeSpace.objects.select_for_update(of=("self",)).select_related("owner_unit").get(pk=space.pk)
    told = 0
    for side, field in WATERMARK.items():
        through = getattr(space, field)
        events = list(
            ExchangeEvent.objects.filter(news_for(side), space=space, pk__gt=through, at__lte=settled)
            .select_related("shared_file")
            .order_by("pk")
        )
        if not events:
            continue
        told += _announce(space, side, events, log)
        ExchangeSpace.objects.filter(pk=space.pk).update(**{field: events[-1].pk})
    return told


def spaces_with_news(now=None):
    """Spaces with an upload past one of their watermarks (one query)."""
    settled = (now or timezone.now()) - SETTLE
    pending = ExchangeEvent.objects.filter(space=OuterRef("pk"), action__in=NEWS_ACTIONS, at__lte=settled)
    return ExchangeSpace.objects.filter(
        Exists(pending.filter(pk__gt=OuterRef("office_news_through")))
        | Exists(pending.filter(pk__gt=OuterRef("partner_news_through")))
    ).order_by("pk")


def send_exchange_digest(today, log):
    """The scheduled job: each space's news, in its own transaction."""
    now = timezone.now()
    spaces = told = 0
    for space in spaces_with_news(now):
        count = space_news_send(space=space, log=log, now=now)
        spaces += 1 if count else 0
        told += count
    return f"{spaces} spaces announced, {told} people told"


def space_news_read(*, space, user):
    """The person opened the space: its news leave their queue (the space page's on_read)."""
    return notifications_done(target=space, key=NEWS_KEY, recipient=user)


__all__ = ["send_exchange_digest", "space_news_read", "space_news_send", "spaces_with_news"]
