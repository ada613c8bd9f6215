"""Who may do what in the BDSP: every rule of the app, for views, templates and services.

Scoping to the order is also done in the selectors (another order's return is 404)."""

from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn
from opq_intranet.accounts.access import AccessRule, Audience

# The orders' side (/portail/declarations/): the orders' filers and readers, and the staff who
# see every order. A partner organisation's users (exchange spaces only) hold the portal but
# not `bdsp.use_portal`: they are refused.
PORTAL_RULE = AccessRule(Audience.PORTAL, ("bdsp.use_portal",))


def is_filer(user):
    """A déclarant of an order: starts, fills in and submits its returns, holds an API token."""
    return user.is_partner and user.has_perm("bdsp.file_return")


def can_file(user, order):
    """A déclarant of this very order."""
    return is_filer(user) and user.professional_order_id == order.pk


def can_review(user):
    return user.is_office_staff and user.has_perm("bdsp.review_returns")


def can_manage_forms(user):
    return user.is_office_staff and user.has_perm("bdsp.manage_forms")


def can_amend(user, annual_return):
    """Start an amendment of the accepted return in force: its order's déclarant, or an analyst,
    unless an amendment of it is already on its way (one query, only then)."""
    in_force = annual_return.status == ReturnStatus.ACCEPTED and not annual_return.superseded
    return (
        in_force
        and (can_file(user, annual_return.professional_order) or can_review(user))
        and not AnnualReturn.objects.filter(amends=annual_return).exists()
    )


def can_edit_return(user, annual_return):
    """Change the figures, dates and documents, import a workbook, submit: a déclarant of the
    order while the return is a draft or returned for correction."""
    return annual_return.is_editable and can_file(user, annual_return.professional_order)


def can_review_return(user, annual_return):
    """Accept or return for correction: an analyst, once submitted."""
    return can_review(user) and annual_return.status == ReturnStatus.SUBMITTED


def can_hold_api_token(user, token=None):
    """A déclarant, for their own token only."""
    return is_filer(user) and (token is None or token.user_id == user.pk)


def can_edit_form(user, reporting_year):
    """Change a year's form: an analyst who builds the forms, while the year is in preparation."""
    return not reporting_year.is_frozen and can_manage_forms(user)
