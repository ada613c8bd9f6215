"""Every read of the exchange spaces, scoped to what the person may see (another partner's
space, file, version or link is simply not in the queryset: 404)."""

from django.db.models import Exists, OuterRef, Q

from documents.exchange.models import ExchangeSpace, FileVersion, SharedFile, ShareLink, SpaceMember
from documents.exchange.permissions import manages_every_space, uses_exchange


def spaces_visible_to(user):
    """The spaces the person is a member of (documents.exchange.permissions says how)."""
    spaces = ExchangeSpace.objects.select_related("professional_order", "organisation", "owner_unit")
    if not uses_exchange(user):
        return spaces.none()
    if manages_every_space(user):
        return spaces
    if user.is_partner:
        if user.professional_order_id is not None:
            return spaces.filter(is_active=True, professional_order_id=user.professional_order_id)
        return spaces.filter(is_active=True, organisation_id=user.partner_organisation_id)
    named = SpaceMember.objects.filter(space=OuterRef("pk"), user=user)
    own_unit = Q(owner_unit_id=user.org_unit_id) if user.org_unit_id else Q(pk__in=[])
    return spaces.filter(own_unit | Exists(named))


def files_visible_to(user):
    """Shared files of the person's spaces, deleted and purged ones included (their pages
    say so); callers filter `deleted_at`/`purged_at` for what is available."""
    return SharedFile.objects.filter(space__in=spaces_visible_to(user).values("pk")).select_related(
        "space", "folder", "current_version__stored_file"
    )


def versions_visible_to(user):
    return FileVersion.objects.filter(shared_file__in=files_visible_to(user).values("pk")).select_related(
        "stored_file", "shared_file"
    )


def links_visible_to(user):
    return ShareLink.objects.filter(space__in=spaces_visible_to(user).values("pk")).select_related(
        "space", "shared_file", "folder", "created_by"
    )


def member_row(user, space):
    """The person's SpaceMember row in the space, or None (one query)."""
    return SpaceMember.objects.filter(space=space, user=user).first()
