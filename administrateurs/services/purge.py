"""The purge of a closed candidacy: a withdrawn or expired candidacy is kept
ADMINISTRATEURS_RETENTION_DAYS after it closed (its `status_changed_on`, else the day it was
received), then its personal information is destroyed, the day after that period (job
`administrateurs.purge_closed`, administrateurs/retention.py). Nothing else is ever purged.

What goes: the name (replaced by « Candidature purgée » and the candidacy's number), email,
phone, city, other languages, governance experience, availability and notes; the declared
links; the CV and letters (content destroyed, the documents deleted, each stored file's row
renamed neutrally). And the same fields in what kept copies of them: the candidacy's history
events (pghistory's event table holds a copy of the row after each change; its links' events
hold their details), the confidential-access log's and the notifications' titles, which name
the candidacy. What stays, for the counts and the parity figures: region, languages spoken,
fields of expertise, gender, diversity, status, dates, preferred bodies, terms. A PurgeLog row
says what was destroyed."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate, CandidateDocument, CandidateLink, PurgeLog
from administrateurs.services.documents import destroy
from opq_intranet.core.models import ConfidentialAccess, Notification

PURGEABLE = (CandidacyStatus.WITHDRAWN, CandidacyStatus.EXPIRED)
# The personal fields emptied, with what each becomes (the name: a placeholder, see _placeholder).
EMPTIED = ("email", "phone", "city", "other_languages", "governance_experience", "availability", "notes")
NAMED = ("first_name", "last_name")


def closed_on(candidate):
    """The day the retention period starts: the last status change, else the reception."""
    return candidate.status_changed_on or candidate.received_on


def purge_on(candidate):
    """The first day the candidacy may be purged (once closed)."""
    return closed_on(candidate) + timedelta(days=settings.ADMINISTRATEURS_RETENTION_DAYS + 1)


def due_filter(today):
    """The candidacies to purge on `today` (the rule of `refusal()`, for a query)."""
    kept_since = today - timedelta(days=settings.ADMINISTRATEURS_RETENTION_DAYS)
    return Q(status__in=PURGEABLE, purged_at__isnull=True) & Q(closed__lt=kept_since)


def due(today):
    return (
        Candidate.objects.annotate(closed=Coalesce("status_changed_on", "received_on"))
        .filter(due_filter(today))
        .order_by("closed", "pk")
    )


def refusal(candidate, today):
    """Why the candidacy may not be purged on `today` (None: it may)."""
    if candidate.purged_at is not None:
        return _("This candidacy was purged already.")
    if candidate.status not in PURGEABLE:
        return _("Only a withdrawn or expired candidacy is purged (this one: %(status)s).") % {
            "status": CandidacyStatus(candidate.status).label
        }
    if today < purge_on(candidate):
        return _("This candidacy is kept until %(date)s.") % {
            "date": date_format(purge_on(candidate) - timedelta(days=1), "SHORT_DATE_FORMAT")
        }
    return None


def _placeholder(candidate):
    with translation.override(settings.LANGUAGE_CODE):
        return {"first_name": _("Purged candidacy"), "last_name": str(candidate.pk)}


def _label(field_name):
    return str(Candidate._meta.get_field(field_name).verbose_name)


@transaction.atomic
def candidate_purge(*, candidate, today=None, now=None):
    """Purge one candidacy (the job calls it; no person does: the rule decides)."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    reason = refusal(candidate, today)
    if reason:
        raise ValidationError(reason)
    with translation.override(settings.LANGUAGE_CODE):
        emptied = [_label(name) for name in NAMED + EMPTIED if getattr(candidate, name)]
        links = CandidateLink.objects.filter(candidate=candidate)
        link_count = links.count()
        documents = list(CandidateDocument.objects.filter(candidate=candidate).select_related("file").order_by("pk"))
        files = [destroy(document) for document in documents]
        links.delete()
        placeholder = _placeholder(candidate)
        for name, value in placeholder.items():
            setattr(candidate, name, value)
        for name in EMPTIED:
            setattr(candidate, name, "")
        candidate.purged_at = now
        candidate.save(update_fields=[*NAMED, *EMPTIED, "purged_at"])
        _purge_copies(candidate, placeholder)
        destroyed = [
            _("Fields emptied: %(fields)s.") % {"fields": ", ".join(emptied) or "—"},
            _("Declared links deleted: %(count)s.") % {"count": link_count},
            _("Files destroyed: %(count)s.") % {"count": len(files)},
            *files,
        ]
        return PurgeLog.objects.create(
            candidate=candidate,
            purged_at=now,
            status=candidate.status,
            closed_on=closed_on(candidate),
            destroyed="\n".join(destroyed),
        )


def _purge_copies(candidate, placeholder):
    """The same personal fields wherever a copy of them was kept: the history's event rows
    (each a copy of the row after a change: an update of them all leaves no old value for the
    history page to show, and its diffs, computed between consecutive events, show none),
    the links' events, the access log's and the notifications' labels."""
    candidate_events = apps.get_model("administrateurs", "CandidateEvent").objects
    candidate_events.filter(pgh_obj_id=candidate.pk).update(**placeholder, **dict.fromkeys(EMPTIED, ""))
    link_events = apps.get_model("administrateurs", "CandidateLinkEvent").objects
    link_events.filter(candidate_id=candidate.pk).update(details="")
    label = str(candidate)
    ConfidentialAccess.objects.filter(object_label=Candidate._meta.label, object_id=str(candidate.pk)).update(
        object_repr=label
    )
    Notification.objects.filter(
        target_type=ContentType.objects.get_for_model(Candidate), target_id=str(candidate.pk)
    ).exclude(title=label).update(title=label, done_at=Coalesce(F("done_at"), timezone.now()))
