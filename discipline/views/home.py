"""The app's home page (not an object page): what is active and this week's hearings."""

from django.shortcuts import render

from discipline import selectors


def index(request):
    return render(request, "discipline/index.html", selectors.home_summary(request.user))
