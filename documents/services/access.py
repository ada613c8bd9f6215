"""Who manages records: the records manager (Gestion documentaire role)."""


def can_manage_plan(user):
    return user.is_office_staff and user.has_perm("documents.manage_plan")
