"""Who may download the files a return owns: whoever may see the return."""

from bdsp import selectors
from bdsp.models import AnnualReturn
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(
        AnnualReturn,
        lambda user, annual_return: selectors.returns_visible_to(user).filter(pk=annual_return.pk).exists(),
    )
