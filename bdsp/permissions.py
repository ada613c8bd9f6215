"""Who may do what in the BDSP: every rule of the app, for views, templates and services.

Scoping to the order is also done in the selectors (another order's return is 404)."""


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
