"""Who may do what with a return. Scoping to the order is also done in the selectors."""


def can_file(user, order):
    """A déclarant of this very order."""
    return user.is_partner and user.professional_order_id == order.pk and user.has_perm("bdsp.file_return")


def can_review(user):
    return user.is_office_staff and user.has_perm("bdsp.review_returns")


def can_manage_forms(user):
    return user.is_office_staff and user.has_perm("bdsp.manage_forms")
