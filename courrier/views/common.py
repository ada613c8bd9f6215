"""What the mail app's object pages share on top of core's generic views."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.views.generic import ObjectActionView


class CourrierPageMixin:
    """Breadcrumbs as the mail app shows them: (the app,) the list, the object by its number."""

    # Start the breadcrumbs at the app's home ("Mail and mandates").
    breadcrumb_home = False

    def object_label(self, obj):
        return getattr(obj, "reference", None) or str(obj)

    def get_breadcrumbs(self, obj):
        crumbs = [(_("Mail and mandates"), reverse("courrier:index"))] if self.breadcrumb_home else []
        if self.breadcrumb_list:
            url_name, label = self.breadcrumb_list
            crumbs.append((label, reverse(url_name)))
        if obj is not None and getattr(obj, "pk", None):
            crumbs.append((self.object_label(obj), obj.get_absolute_url()))
        return crumbs


class EmbeddedActionView(CourrierPageMixin, ObjectActionView):
    """A form of the object's page (route, reply, decide…): POST only (405 to a GET: the page
    is the form's place); refused, the page is shown again with the form bound, in 422.

    `allowed(user, obj)`: the permission predicate (courrier/permissions.py) checked before the
    form is read; the service checks it again, and its state rules answer 422."""

    http_method_names = ["post"]

    def allowed(self, user, obj):
        return True

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, obj):
        if not self.allowed(self.request.user, obj):
            raise PermissionDenied
        return None
