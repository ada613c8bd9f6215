from django.shortcuts import render

from inventaire import permissions, selectors
from opq_intranet.accounts.access import access


@access(permissions.MANAGE_RULE)
def index(request):
    """The app's home: its dashboards (counts, warranties ending, the IT posture) and the ways in."""
    return render(request, "inventaire/index.html", selectors.dashboard())
