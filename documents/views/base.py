"""What the records pages share on top of core's generic views."""

from opq_intranet.core.redirects import safe_next_url
from opq_intranet.core.views.generic import ObjectActionView


class EmbeddedActionView(ObjectActionView):
    """An action whose form is on another page (a box's, a loan's, a file's): POST only, and a
    refused form is shown on the object's page (`detail_view`, `form_key`) in 422. The form may
    send a `next` back to the page it is on (another one than the object's)."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self, result):
        return safe_next_url(self.request, super().get_success_url(result))
