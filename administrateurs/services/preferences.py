"""The bodies a candidate would like to sit on, ranked 1..n: added at the end, removed (those
after move up one), moved up or down one place. The ranks stay 1..n, each once (the table's
unique constraints back it: every change is made row by row, into a rank no other holds; a
swap passes through rank 0, which no preference keeps)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from administrateurs.models import BoardPreference
from administrateurs.services.candidates import require_manager
from administrateurs.services.links import locked

UP, DOWN = "up", "down"


def _renumber(candidate):
    """Ranks 1..n in their order: each row moves down into a free rank, in ascending order."""
    for rank, preference in enumerate(BoardPreference.objects.filter(candidate=candidate).order_by("rank"), start=1):
        if preference.rank != rank:
            preference.rank = rank
            preference.save(update_fields=["rank"])


@transaction.atomic
def preference_add(*, candidate, user, body):
    require_manager(user)
    candidate = locked(candidate)
    if body is None or not body.is_active:
        raise ValidationError({"body": _("Choose a body the Office still appoints to.")})
    ranks = list(BoardPreference.objects.filter(candidate=candidate).values_list("body_id", "rank"))
    if any(body_id == body.pk for body_id, _rank in ranks):
        raise ValidationError({"body": _("%(body)s is already among the preferred bodies.") % {"body": body}})
    preference = BoardPreference(candidate=candidate, body=body, rank=max((r for _b, r in ranks), default=0) + 1)
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def preference_remove(*, preference, user):
    require_manager(user)
    candidate = locked(preference.candidate)
    deleted, _rows = BoardPreference.objects.filter(pk=preference.pk, candidate=candidate).delete()
    if not deleted:
        raise ValidationError(_("This body is no longer among the preferred bodies."))
    _renumber(candidate)


@transaction.atomic
def preference_move(*, preference, user, direction):
    """Swap the preference with the one just above (`UP`) or just below (`DOWN`)."""
    require_manager(user)
    candidate = locked(preference.candidate)
    if direction not in (UP, DOWN):
        raise ValidationError(_("Move a preference up or down."))
    preference = BoardPreference.objects.filter(pk=preference.pk, candidate=candidate).first()
    if preference is None:
        raise ValidationError(_("This body is no longer among the preferred bodies."))
    neighbour_rank = preference.rank - 1 if direction == UP else preference.rank + 1
    neighbour = BoardPreference.objects.filter(candidate=candidate, rank=neighbour_rank).first()
    if neighbour is None:
        raise ValidationError(_("This body is already first.") if direction == UP else _("This body is already last."))
    rank = preference.rank
    preference.rank = 0  # a rank no preference holds, while the neighbour takes its place
    preference.save(update_fields=["rank"])
    neighbour.rank = rank
    neighbour.save(update_fields=["rank"])
    preference.rank = neighbour_rank
    preference.save(update_fields=["rank"])
    return preference
