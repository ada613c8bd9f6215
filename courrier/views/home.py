"""The mail app's home: what waits for me, and the way to each list."""

from django.shortcuts import render

from courrier import permissions, selectors


def index(request):
    user = request.user
    context = {
        "my_items": selectors.my_pending_items(user)[:10],
        "is_mail_room": permissions.is_mail_room(user),
        "handles_access": permissions.handles_access_requests(user),
    }
    return render(request, "courrier/index.html", context)
