"""Every permission rule of the disciplinary cases: the access rules the views declare and the
`can_<verb>(user, obj)` predicates that views, templates and services share.

Only the Bureau des présidents role opens the app (accounts.access_discipline: 403 for other
staff and for partners). Within it:
- the Bureau's people (discipline.manage_cases) open cases, schedule hearings and record
  outcomes and decisions;
- a chair is a person of the chairs' directory linked to their account (Chair.user); the
  senior chair (Chair.is_senior) and the clerks assign the panel (art. 115.7);
- a clerk is a person of the Bureau who is not a chair: the clerks and the chair assigned to
  a case read what its non-publication orders protect; other chairs see it redacted.
"""

from opq_intranet.accounts.access import AccessRule, Audience

APP = "accounts.access_discipline"
MANAGE = "discipline.manage_cases"
MANAGE_RULE = AccessRule(Audience.STAFF, (APP, MANAGE))


def uses_app(user):
    return user.is_active and user.is_office_staff and user.has_perm(APP)


def chair_of(user):
    """The user's Chair in the directory, or None (read once per request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_discipline_chair"):
        from discipline.models import Chair

        user._discipline_chair = Chair.objects.filter(user=user, is_active=True).first()
    return user._discipline_chair


def remember_chair(user, chair_id, is_senior):
    """Prime chair_of() from a page's own query (cases_for_page annotates it), saving a query."""
    from discipline.models import Chair

    user._discipline_chair = Chair(pk=chair_id, is_senior=bool(is_senior), is_active=True) if chair_id else None


def can_manage(user):
    """Open cases, schedule hearings, record outcomes and decisions."""
    return uses_app(user) and user.has_perm(MANAGE)


def is_clerk(user):
    """A person of the Bureau who is not one of its chairs."""
    return can_manage(user) and chair_of(user) is None


def can_assign_panel(user, case=None):
    """The senior chair, or a clerk on their behalf (art. 115.7)."""
    if not can_manage(user):
        return False
    chair = chair_of(user)
    return chair is None or chair.is_senior


def can_see_protected(user, case):
    """What a non-publication order covers: the chair assigned and the Bureau's clerks."""
    if not uses_app(user):
        return False
    chair = chair_of(user)
    if chair is None:
        return can_manage(user)
    return case.chair_id == chair.pk


def can_change_case(user, case):
    return can_manage(user) and case.is_active


def can_edit_directory(user):
    """Councils, chairs, members: the Bureau's people."""
    return can_manage(user)


def can_manage_calendar_link(user, chair):
    """The chair themselves, or a clerk for them."""
    if not uses_app(user):
        return False
    own = chair_of(user)
    return (own is not None and own.pk == chair.pk) or is_clerk(user)
