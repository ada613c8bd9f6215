"""Who may download the files a return owns (its documents, the stored copies): the BDSP
analysts, and the partners of the return's own order. Seeing the orders' portal
(`accounts.view_all_orders`) is not enough: those files are the orders' unpublished returns."""

from bdsp.models import AnnualReturn
from opq_intranet.core.files import register_reader


def can_read_return_files(user, annual_return):
    if user.is_partner:
        return user.professional_order_id == annual_return.professional_order_id and user.has_perm(
            "accounts.access_portal"
        )
    return user.is_office_staff and user.has_perm("accounts.access_bdsp")


def register_file_readers():
    register_reader(AnnualReturn, can_read_return_files)
