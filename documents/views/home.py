from django.shortcuts import render

from documents.permissions import can_manage_plan


def index(request):
    """The app's landing page: the plan, the schedule, and what each role can do here."""
    return render(request, "documents/index.html", {"can_manage": can_manage_plan(request.user)})
