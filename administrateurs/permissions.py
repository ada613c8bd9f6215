"""Every permission rule of the administrators' bank: only the Nominations role
(accounts.access_administrateurs) opens the app and works its candidacies; other staff and
partners get 403 (the access policy), an object outside the app 404."""

from opq_intranet.accounts.access import AccessRule, Audience

APP = "accounts.access_administrateurs"
MANAGE_RULE = AccessRule(Audience.STAFF, (APP,))


def manages(user):
    return user.is_authenticated and user.is_active and user.is_office_staff and user.has_perm(APP)


# a candidate's CV and letters
def can_read_documents(user, candidate):
    """The Nominations role reads a candidate's files, through the app's logged download only."""
    return manages(user) and candidate.purged_at is None
