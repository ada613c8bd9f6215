from django.shortcuts import render

from administrateurs import permissions, selectors
from opq_intranet.accounts.access import access


@access(permissions.MANAGE_RULE)
def index(request):
    """The app's home: the candidacies by status, and the ways in."""
    context = {"by_status": selectors.by_status()}
    context |= selectors.dashboard()  # vacancies, terms ending, parity, art. 78's minimum
    return render(request, "administrateurs/index.html", context)
