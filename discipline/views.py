from django.shortcuts import render


def index(request):
    """The app's landing page. Guarded by the app's access_permission (see apps.py)."""
    return render(request, "discipline/index.html")
