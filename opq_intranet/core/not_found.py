"""The project's own French 404 page in development too (settings/development.py).

With DEBUG on, Django answers a missing page with its English technical page, which lists
every URL pattern: not what a person trying the intranet should see, nor what production
shows. This middleware renders templates/404.html instead, unless the developer asks for
the technical page (`DJANGO_TECHNICAL_404=1`).
"""

from django.http import Http404
from django.views.defaults import page_not_found


class ProjectNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return page_not_found(request, Http404())  # no URL pattern matched the path
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)  # a view's own 404 (an object not found)
        return None
