"""The links a candidate declares with an order (art. 78: a member of the order, or an officer of
a body that defends its members' interests, may not sit on that order's board): declared and
withdrawn on the candidate's page, read by `eligibility`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administrateurs.choices import LinkKind
from administrateurs.models import Candidate, CandidateLink
from administrateurs.services.candidates import refuse_if_purged, require_manager


def locked(candidate):
    """The candidacy, locked for the change (its declarations change one at a time)."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    refuse_if_purged(candidate)
    return candidate


@transaction.atomic
def link_add(*, candidate, user, order, kind, declared_on=None, details=""):
    require_manager(user)
    candidate = locked(candidate)
    declared_on = declared_on or timezone.localdate()
    if declared_on > timezone.localdate():
        raise ValidationError({"declared_on": _("The date cannot be later than today.")})
    if order is not None and CandidateLink.objects.filter(candidate=candidate, order=order, kind=kind).exists():
        raise ValidationError(
            _("This link with %(order)s is already declared (%(kind)s).")
            % {"order": order, "kind": LinkKind(kind).label}
        )
    link = CandidateLink(
        candidate=candidate, order=order, kind=kind, details=(details or "").strip(), declared_on=declared_on
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def link_remove(*, link, user):
    require_manager(user)
    locked(link.candidate)
    deleted, _rows = CandidateLink.objects.filter(pk=link.pk).delete()
    if not deleted:
        raise ValidationError(_("This link is no longer declared."))
