"""Notifications: work handed to a person, in their "À traiter" queue and by email.

A workflow step that hands work to someone calls `notify()` inside its transaction:

    from opq_intranet.core.notifications import notify, notifications_done

    notify(
        recipients=[item.assignee],
        key="courrier.mail_routed",            # the kind of work, "<app>.<what>"
        target=item,                           # the object the work is about
        url=item.get_absolute_url(),           # where the work is done (relative)
        subject_template="courrier/email/routed_subject.txt",
        body_template="courrier/email/routed.txt",
        context={"item": item, "note": note},
        extra_addresses=[unit.email],          # a unit's address: an email, no queue entry
    )

Each active recipient gets one entry in their queue, titled with the subject rendered in
their language (`User.language`, else settings.LANGUAGE_CODE); the templates are plain text,
rendered without HTML escaping, with `recipient` and `url` (absolute: PORTAL_BASE_URL + url)
added to the context. Once the transaction commits, people who chose immediate delivery get
the email; the others get it in the daily digest (`send_digests`, job
`core.notification_digest`). When the work is done, the service calls
`notifications_done(target=item)` and the entry leaves the queue. Notifying someone again
about the same target and key refreshes their open entry rather than adding a second one.
"""

import logging
from collections import namedtuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, Window
from django.template import Context, engines
from django.utils import timezone, translation

from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.models import Notification
from opq_intranet.core.selectors import holders_of

logger = logging.getLogger(__name__)

TITLE_LENGTH = Notification._meta.get_field("title").max_length
DIGEST_SUBJECT = "core/email/digest_subject.txt"
DIGEST_BODY = "core/email/digest.txt"

OpenNotifications = namedtuple("OpenNotifications", ["items", "total"])


def language_of(user):
    """The language a person reads their emails in."""
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(user, "language", "") if user is not None else ""
    return chosen if chosen in supported else settings.LANGUAGE_CODE


def render_plain(template_name, context):
    """A plain-text template, without HTML escaping (l'inscription stays l'inscription)."""
    template = engines["django"].engine.get_template(template_name)
    return template.render(Context(context, autoescape=False))


def _one_line(text):
    return " ".join(text.split())


def _render(subject_template, body_template, context, *, recipient, url):
    language = language_of(recipient)
    values = {**context, "recipient": recipient, "url": settings.PORTAL_BASE_URL + url}
    with translation.override(language):
        subject = _one_line(render_plain(subject_template, values))
        body = render_plain(body_template, values)
    return subject, body


def _unique_active(recipients):
    people, seen = [], set()
    for person in recipients:
        if person is None or not person.is_active or person.pk in seen:
            continue
        seen.add(person.pk)
        people.append(person)
    return people


def _target_filter(target):
    return {"target_type": ContentType.objects.get_for_model(target), "target_id": str(target.pk)}


def notify(
    *,
    recipients,
    key,
    target,
    url,
    subject_template,
    body_template,
    context=None,
    extra_addresses=(),
):
    """Queue the work for each active recipient and email them (or the digest) on commit.

    `extra_addresses`: addresses without a person (a unit's mailbox): they get the email in
    the Office's language, and no queue entry. Returns the recipients' notifications.
    """
    context = context or {}
    people = _unique_active(recipients)
    where = _target_filter(target)
    now = timezone.now()
    already_open = {}
    if people:
        already_open = {
            n.recipient_id: n
            for n in Notification.objects.filter(
                key=key, done_at__isnull=True, recipient__in=[p.pk for p in people], **where
            )
        }
    notifications, emails, addresses = [], [], set()
    for person in people:
        subject, body = _render(subject_template, body_template, context, recipient=person, url=url)
        notification = already_open.get(person.pk) or Notification(recipient=person, key=key, **where)
        notification.title = subject[:TITLE_LENGTH] or key
        notification.url = url
        notification.created_at = now
        notification.emailed_at = None
        notification.save()
        notifications.append(notification)
        if person.email:
            addresses.add(person.email.lower())
            if person.notification_delivery == NotificationDelivery.IMMEDIATE:
                emails.append((notification.pk, subject, body, person.email))
    for address in extra_addresses:
        if address and address.lower() not in addresses:
            addresses.add(address.lower())
            subject, body = _render(subject_template, body_template, context, recipient=None, url=url)
            emails.append((None, subject, body, address))
    if emails:
        transaction.on_commit(lambda: _send(emails))
    return notifications


def _send(emails):
    """Send each email; a refused one is logged and its entry stays in the queue only.

    Runs after the commit: a mail server that does not answer must not fail the request
    whose work is already saved.
    """
    sent = []
    connection = get_connection()
    try:
        connection.open()
        for notification_id, subject, body, address in emails:
            try:
                EmailMessage(subject, body, None, [address], connection=connection).send()
            except Exception:
                logger.exception("notification email to %s not sent", address)
                continue
            if notification_id is not None:
                sent.append(notification_id)
    except Exception:
        logger.exception("notification emails not sent: no connection to the mail server")
    finally:
        connection.close()
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())


def notifications_done(*, target, key=None, recipient=None):
    """The work on `target` is done: its open notifications (of `key`, of `recipient`) leave the queue."""
    open_ones = Notification.objects.filter(done_at__isnull=True, **_target_filter(target))
    if key is not None:
        open_ones = open_ones.filter(key=key)
    if recipient is not None:
        open_ones = open_ones.filter(recipient=recipient)
    return open_ones.update(done_at=timezone.now())


def open_notifications_for(user, limit=10):
    """The person's open notifications, newest first, and how many there are (one query)."""
    items = list(
        Notification.objects.filter(recipient=user, done_at__isnull=True)
        .annotate(open_count=Window(Count("pk")))
        .order_by("-created_at", "-pk")[:limit]
    )
    return OpenNotifications(items, items[0].open_count if items else 0)


def people_with_permission(permission, **filters):
    """Active people who hold `permission` through a role or directly (core.selectors.holders_of)."""
    return list(holders_of(permission).filter(**filters).order_by("pk"))


def send_digests(today, log):
    """The daily digest: one email per person who chose it, listing what is new in their queue.

    Only open notifications not emailed yet are listed, and they are marked emailed: running
    the job twice sends nothing the second time.
    """
    pending = (
        Notification.objects.filter(
            done_at__isnull=True,
            emailed_at__isnull=True,
            recipient__is_active=True,
            recipient__notification_delivery=NotificationDelivery.DIGEST,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("recipient_id", "-created_at", "-pk")
    )
    by_person = {}
    for notification in pending:
        by_person.setdefault(notification.recipient_id, []).append(notification)
    sent = failed = 0
    if not by_person:
        return "0 digests sent"
    with get_connection() as connection:  # no mail server: the job fails, nothing is marked
        for notifications in by_person.values():
            person = notifications[0].recipient
            context = {
                "recipient": person,
                "notifications": notifications,
                "base_url": settings.PORTAL_BASE_URL,
                "today": today,
            }
            with translation.override(language_of(person)):
                subject = _one_line(render_plain(DIGEST_SUBJECT, context))
                body = render_plain(DIGEST_BODY, context)
            try:
                EmailMessage(subject, body, None, [person.email], connection=connection).send()
            except Exception:
                logger.exception("notification digest to %s not sent", person.email)
                log(f"NOT SENT: digest to {person.email}")
                failed += 1
                continue
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
            sent += 1
            log(f"{person.email}: {len(notifications)}")
    return f"{sent} digests sent" + (f", {failed} not sent" if failed else "")
