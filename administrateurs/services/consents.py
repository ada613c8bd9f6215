"""The yearly consent: renewed on the candidate's page (today, or the day the candidate gave it,
never later than today nor already lapsed); an expired candidacy whose consent is renewed is
reviewed again. A candidacy not yet appointed whose consent lapsed expires (the daily job
`administrateurs.consents_lapsed`, administrateurs/consents.py), through TRANSITIONS."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs import eligibility
from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate
from administrateurs.services.candidates import can_move, move_status, require_manager
from administrateurs.services.links import locked
from opq_intranet.core.notifications import notifications_done

NOTICE_KEY = "administrateurs.consent_lapsing"


def _short(day):
    return date_format(day, "SHORT_DATE_FORMAT")


@transaction.atomic
def candidate_renew_consent(*, candidate, user, consent_on=None):
    require_manager(user)
    candidate = locked(candidate)
    today = timezone.localdate()
    consent_on = consent_on or today
    if candidate.status == CandidacyStatus.WITHDRAWN:
        raise ValidationError(_("A withdrawn candidacy has no consent to renew."))
    if consent_on > today:
        raise ValidationError({"consent_on": _("The date cannot be later than today.")})
    if consent_on < candidate.consent_on:
        raise ValidationError(
            {"consent_on": _("The consent in force was given on %(date)s: a renewal comes after it.")
             % {"date": _short(candidate.consent_on)}}
        )  # fmt: skip
    if eligibility.expires_on(consent_on) < today:
        raise ValidationError(
            {"consent_on": _("A consent given on %(date)s has already lapsed (on %(end)s).")
             % {"date": _short(consent_on), "end": _short(eligibility.expires_on(consent_on))}}
        )  # fmt: skip
    candidate.consent_on = consent_on
    candidate.save(update_fields=["consent_on"])
    if candidate.status == CandidacyStatus.EXPIRED and can_move(candidate, CandidacyStatus.UNDER_REVIEW):
        move_status(candidate, CandidacyStatus.UNDER_REVIEW, today=today)
    notifications_done(target=candidate, key=NOTICE_KEY)
    return candidate


@transaction.atomic
def candidate_expire(*, candidate, today):
    """The job's move of a candidacy whose consent lapsed (no person acts: no permission)."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status not in eligibility.EXPIRE_ON_LAPSE or not eligibility.consent_lapsed(candidate, today=today):
        return None  # renewed, appointed or moved since it was read
    return move_status(candidate, CandidacyStatus.EXPIRED, today=today)
