"""Read queries of the accounts app."""

from opq_intranet.accounts.models import User, UserKind
from opq_intranet.accounts.roles import Role


def it_team():
    """The Office's IT administrators, whom people ask for a role or a two-step set-up."""
    return User.objects.filter(is_active=True, kind=UserKind.STAFF, groups__name=str(Role.IT_ADMIN)).order_by(
        "last_name", "first_name"
    )
