"""Who may do what with mail. Visibility is filtered in the queries (courrier/selectors.py)."""


def is_mail_room(user):
    """The mail room registers, routes and closes every item (Courrier role)."""
    return user.is_office_staff and user.has_perm("courrier.register_mail")


def handles_access_requests(user):
    return user.is_office_staff and user.has_perm("courrier.handle_access_requests")


def can_handle(user, item):
    """The mail room, the person the item is routed to, and the staff of its unit."""
    if is_mail_room(user):
        return True
    if not user.is_office_staff:
        return False
    return user.pk == item.assignee_id or (user.org_unit_id is not None and user.org_unit_id == item.routed_unit_id)
