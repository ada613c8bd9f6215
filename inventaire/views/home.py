from django.shortcuts import render

from inventaire import permissions, selectors
from opq_intranet.accounts.access import access


@access(permissions.MANAGE_RULE)
def index(request):
    """The app's home: counts by status, and the ways in (register, check out, check in)."""
    return render(request, "inventaire/index.html", {"by_status": selectors.home_summary()})
