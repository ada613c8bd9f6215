"""The training sessions and the completion of an appointee's obligations.

A training is completed by naming the session the appointee attended (held on or before
today): it is completed on the session's date. A solemn declaration is completed by attaching
the signed declaration (PDF or image, a private file only the Nominations role reads) with its
signature date. Completing one closes its entry in the team's queue (the reminders' job)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs.choices import ObligationKind
from administrateurs.models import Obligation, TrainingSession
from administrateurs.services.candidates import require_manager
from opq_intranet.core.files import private_file_store
from opq_intranet.core.notifications import notifications_done

DECLARATION_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
REMINDER_KEY = "administrateurs.obligations_due"  # administrateurs/reminders.py's notifications


def _short(day):
    return date_format(day, "SHORT_DATE_FORMAT")


@transaction.atomic
def training_session_save(*, session, user):
    """Plan a session or correct one; the trainings completed through it follow its date,
    which then cannot move past today (they were completed)."""
    require_manager(user)
    session.full_clean()
    attended = session.pk is not None and Obligation.objects.filter(session_id=session.pk).exists()
    if attended and session.held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Appointees attended this session: its date cannot be later than today.")})
    session.save()
    if attended:
        Obligation.objects.filter(session=session).exclude(completed_on=session.held_on).update(
            completed_on=session.held_on
        )
    return session


def _complete_training(obligation, session, today):
    if session is None:
        raise ValidationError({"session": _("Choose the training session the appointee attended.")})
    session = TrainingSession.objects.get(pk=session.pk)
    if session.held_on > today:
        raise ValidationError(
            {"session": _("The session of %(date)s has not taken place yet.") % {"date": _short(session.held_on)}}
        )
    obligation.session, obligation.completed_on = session, session.held_on


def _complete_declaration(obligation, signed_on, declaration, today, user):
    errors = {}
    if signed_on is None:
        errors["signed_on"] = _("Give the date the declaration was signed.")
    elif signed_on > today:
        errors["signed_on"] = _("The signature date cannot be later than today.")
    if declaration is None:
        errors["declaration"] = _("Attach the signed declaration (PDF, PNG or JPEG).")
    if errors:
        raise ValidationError(errors)
    try:
        obligation.file = private_file_store(
            uploaded=declaration, owner=obligation, user=user, allowed_types=DECLARATION_TYPES
        )
    except ValidationError as error:
        raise ValidationError({"declaration": error.messages}) from error
    obligation.completed_on = signed_on


@transaction.atomic
def obligation_complete(*, obligation, user, session=None, signed_on=None, declaration=None):
    """Record a training (`session`) or a solemn declaration (`signed_on`, `declaration`: the
    uploaded file) as completed."""
    require_manager(user)
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if obligation.completed_on is not None:
        raise ValidationError(
            _("This obligation was already completed on %(date)s.") % {"date": _short(obligation.completed_on)}
        )
    today = timezone.localdate()
    if obligation.kind == ObligationKind.TRAINING:
        _complete_training(obligation, session, today)
    else:
        _complete_declaration(obligation, signed_on, declaration, today, user)
    obligation.full_clean()
    obligation.save(update_fields=["session", "file", "completed_on"])
    notifications_done(target=obligation, key=REMINDER_KEY)
    return obligation
