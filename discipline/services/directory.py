"""The directory's writes: councils, chairs and their non-availability, council members."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from discipline import permissions
from discipline.models import Chair, ChairUnavailability


def _require_editor(user):
    if not permissions.can_edit_directory(user):
        raise PermissionDenied


@transaction.atomic
def council_save(*, council, user):
    _require_editor(user)
    if council.pk and council.cases.exists():
        from discipline.models import Council

        previous = Council.objects.select_for_update().get(pk=council.pk)
        if previous.number != council.number:
            raise ValidationError(
                {
                    "number": _("This council has cases: their numbers begin with %(number)02d, which stays.")
                    % {"number": previous.number}
                }
            )
    council.full_clean()
    council.save()
    return council


@transaction.atomic
def chair_save(*, chair, user):
    """Save a chair; naming a new senior chair takes the title from the previous one."""
    _require_editor(user)
    if chair.is_senior:
        Chair.objects.filter(is_senior=True).exclude(pk=chair.pk).update(is_senior=False)
    if chair.user_id is not None and not chair.user.has_perm(permissions.APP):
        raise ValidationError({"user": _("This account does not have the Bureau des présidents role.")})
    chair.full_clean()
    chair.save()
    return chair


@transaction.atomic
def unavailability_add(*, chair, user, starts_on, ends_on, reason=""):
    _require_editor(user)
    period = ChairUnavailability(chair=chair, starts_on=starts_on, ends_on=ends_on, reason=(reason or "").strip())
    period.full_clean()
    booked = chair.hearings.filter(
        outcome="scheduled", starts_at__date__lte=ends_on, ends_at__date__gte=starts_on
    ).select_related("case")
    if booked:
        raise ValidationError(
            _("The chair sits in that period (%(cases)s): move those hearings first.")
            % {"cases": ", ".join(sorted({h.case.number for h in booked}))}
        )
    period.save()
    return period


@transaction.atomic
def unavailability_remove(*, period, user):
    _require_editor(user)
    period.delete()


@transaction.atomic
def member_save(*, member, user):
    _require_editor(user)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def chair_calendar_link_issue(*, chair, user):
    """A new secret for the chair's calendar feed (the previous link stops working). Returns
    the token, shown once: only its hash is kept."""
    from discipline.feeds import new_token, token_hash

    if not permissions.can_manage_calendar_link(user, chair):
        raise PermissionDenied
    token = new_token()
    Chair.objects.filter(pk=chair.pk).update(calendar_token_hash=token_hash(token))
    return token


@transaction.atomic
def chair_calendar_link_revoke(*, chair, user):
    if not permissions.can_manage_calendar_link(user, chair):
        raise PermissionDenied
    Chair.objects.filter(pk=chair.pk).update(calendar_token_hash="")
