"""The generic views every app's object pages are made of (NetBox's `views/generic` is the model).

- `ObjectDetailView`: an object's page, its latest changes, breadcrumbs and the actions the
  person may take. Forms embedded in the page (route, reply…) are shown bound, with their
  errors, when their own action refuses them.
- `ObjectEditView`: a form and the one service that saves it; `core/object_edit.html`;
  a refused form answers 422 with its errors, always.
- `ObjectActionView`: a confirmation page (with an optional form) and a POST that calls one
  service: transitions, approvals, deletions.
- `EmbeddedActionView`: an action whose form sits on the object's page (POST only).
- `ObjectHistoryView`: every change of one object.

A page is a few declarations:

    class SpaceDetailView(ObjectDetailView):
        queryset = selectors.spaces()
        template_name = "documents/space_detail.html"
        history_url_name = "documents:space_history"
        breadcrumb_list = ("documents:space_list", _("Storage spaces"))

    class SpaceEditView(ObjectEditView):
        access_rule = MANAGE_RULE
        form_class = StorageSpaceForm
        queryset = StorageSpace.objects.all()     # without a `pk` in the URL, a new object
        success_message = _("The space %(object)s is saved.")

        def save(self, form, obj):
            return services.space_save(space=form.save(commit=False), user=self.request.user)

Views only parse input, call one service or selector, and render: a rule computed here
belongs in a model property, a selector or a service.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseModelForm
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django.views.generic.base import TemplateResponseMixin, View

from opq_intranet.core.forms import add_service_errors, focus_first_field
from opq_intranet.core.history import history_for
from opq_intranet.core.redirects import safe_next_url

HISTORY_PREVIEW = 10
REFUSED = 422  # a form that was read and refused: its errors, never a 200


@dataclass(frozen=True)
class Action:
    """A button on an object's page: a link to a page (an edit or an action's confirmation)."""

    label: str
    url: str
    style: str = "outline-primary"
    icon: str = ""


class ObjectMixin:
    """The object named by the URL's `pk`, found in `get_queryset()` (what the person may see:
    anything else answers 404), read once per request."""

    queryset = None
    pk_url_kwarg = "pk"
    # (URL name, label) of the app's home and of the list the object belongs to, for the
    # breadcrumbs; each is left out when None.
    breadcrumb_home = None
    breadcrumb_list = None

    def get_queryset(self):
        if self.queryset is None:
            raise NotImplementedError(f"{type(self).__name__} needs a queryset or get_queryset()")
        return self.queryset.all()

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(self.get_queryset(), pk=self.kwargs[self.pk_url_kwarg])
        return self._object

    def get_breadcrumbs(self, obj):
        """[(label, url or None)], the page itself last."""
        crumbs = [
            (label, reverse(url_name)) for url_name, label in filter(None, [self.breadcrumb_home, self.breadcrumb_list])
        ]
        if obj is not None and getattr(obj, "pk", None):
            url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
            crumbs.append((self.object_label(obj), url))
        return crumbs

    def object_label(self, obj):
        """How the breadcrumbs name the object: its number when it has one (E2026-00035)."""
        return getattr(obj, "reference", None) or str(obj)


class ObjectDetailView(ObjectMixin, TemplateView):
    """An object's page with its latest history and the actions the person may take."""

    template_name = None
    history_url_name = None
    show_history = True

    def get_actions(self, obj):
        """The `Action`s this person may take on the object (only those: never a button that 403s)."""
        return []

    def get_extra_context(self, obj, bound_forms):
        """What the page shows besides the object, from the app's page selector.

        `bound_forms` holds the page's embedded forms refused by their action ({key: form}):
        use `bound_forms.get("route") or RouteForm(initial=...)`."""
        return {}

    def on_read(self, obj):
        """Hook for what opening the page does: a logged read of confidential content
        (core.audit), news that leaves the person's queue once read."""

    def get(self, request, *args, bound_forms=None, **kwargs):
        bound_forms = bound_forms or {}
        obj = self.get_object()
        self.on_read(obj)
        context = self.get_context_data(object=obj, **self.get_extra_context(obj, bound_forms))
        context.setdefault("actions", self.get_actions(obj))
        context.setdefault("breadcrumbs", self.get_breadcrumbs(obj))
        if self.show_history:
            # The preview keeps to the object's own fields; its history page adds the links.
            context["history"] = history_for(obj, limit=HISTORY_PREVIEW, links=False)
            context["history_url_name"] = self.history_url_name
        status = REFUSED if any(form.errors for form in bound_forms.values()) else 200
        return self.render_to_response(context, status=status)


class ObjectHistoryView(ObjectMixin, TemplateView):
    """Every event of one object: who, when, what changed."""

    template_name = "core/object_history.html"

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        context = self.get_context_data(object=obj, history=history_for(obj), breadcrumbs=self.get_breadcrumbs(obj))
        return self.render_to_response(context)


class FormFlowView(ObjectMixin, TemplateResponseMixin, View):
    """Form → one service → message → redirect; or the form again with its errors, in 422.

    Subclasses say what the service is (`run`) and where to go next."""

    form_class = forms.Form
    success_message = ""
    title = ""
    # A page whose embedded form this is: a refused form is shown there, bound, in 422.
    detail_view = None
    form_key = ""

    def get_object(self):
        return super().get_object() if self.pk_url_kwarg in self.kwargs else self.new_object()

    def new_object(self):
        """The object a creation starts from (the URL has no `pk`)."""
        return None

    def refuse(self, obj):
        """Raise PermissionDenied when the person may not act, or return a response
        (a redirect with a message) when the object is in a state that does not allow it."""
        return None

    def get_initial(self, obj):
        return {}

    def get_form_kwargs(self, obj):
        kwargs = {"initial": self.get_initial(obj)}
        if self.request.method == "POST":
            kwargs.update(data=self.request.POST, files=self.request.FILES)
        if issubclass(self.form_class, BaseModelForm):
            kwargs["instance"] = obj
        return kwargs

    def get_form(self, obj):
        return self.form_class(**self.get_form_kwargs(obj))

    def run(self, form, obj):
        """Call the one service that does the work; return what it saved (or `obj`)."""
        raise NotImplementedError

    def get_success_message(self, result):
        return self.success_message % {"object": result} if self.success_message else ""

    def get_success_url(self, result):
        return result.get_absolute_url()

    def get_cancel_url(self, obj):
        if obj is not None and getattr(obj, "pk", None):
            return obj.get_absolute_url()
        return reverse(self.breadcrumb_list[0]) if self.breadcrumb_list else reverse("core:dashboard")

    def get_title(self, obj):
        return self.title

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "POST"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        obj = self.get_object()
        refusal = self.refuse(obj)
        if refusal is not None:
            return refusal
        form = self.get_form(obj)
        if request.method == "POST":
            if form.is_valid():
                try:
                    result = self.run(form, obj)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    message = self.get_success_message(result)
                    if message:
                        messages.success(request, message)
                    return HttpResponseRedirect(self.get_success_url(result))
            return self.form_refused(form, obj)
        return self.render_page(form, obj, status=200)

    def form_refused(self, form, obj):
        if self.detail_view is not None:
            # The object's page, as a GET would show it, with this form bound (the access
            # rule that let this POST in is the action's own).
            page = self.detail_view()
            page.setup(self.request, **self.kwargs)
            return page.get(self.request, bound_forms={self.form_key: form}, **self.kwargs)
        return self.render_page(form, obj, status=REFUSED)

    def get_extra_context(self, obj):
        return {}

    def render_page(self, form, obj, *, status):
        focus_first_field(form)  # the page is this form (an embedded one never takes the focus)
        breadcrumbs = self.get_breadcrumbs(obj)
        title = self.get_title(obj)
        context = {
            "view": self,
            "form": form,
            "object": obj,
            "title": title,
            "breadcrumbs": [*breadcrumbs, (title, None)],
            "cancel_url": self.get_cancel_url(obj),
            **self.get_extra_context(obj),
        }
        return self.render_to_response(context, status=status)


class ObjectEditView(FormFlowView):
    """Create (no `pk` in the URL) or change an object through its service."""

    template_name = "core/object_edit.html"
    submit_label = _("Save")

    def save(self, form, obj):
        raise NotImplementedError

    def run(self, form, obj):
        return self.save(form, obj)


class ObjectActionView(FormFlowView):
    """A confirmation page, then one service on POST (a transition, an approval, a deletion)."""

    template_name = "core/object_action.html"
    confirm_label = _("Confirm")
    # A destructive action: a red button, and the page says what cannot be undone.
    danger = False
    question = ""

    def perform(self, form, obj):
        raise NotImplementedError

    def run(self, form, obj):
        result = self.perform(form, obj)
        return obj if result is None else result

    def get_question(self, obj):
        return self.question % {"object": obj} if self.question else ""

    def render_page(self, form, obj, *, status):
        self.question_text = self.get_question(obj)
        return super().render_page(form, obj, status=status)


class EmbeddedActionView(ObjectActionView):
    """An action whose form lives on another page (the object's own, or a list's): POST only
    (405 to a GET: that page is the form's place); refused, the object's page is shown again
    with the form bound, in 422 (`detail_view`, `form_key`). The form may send a `next` back
    to the page it is on, followed only when it stays on this site.

    `allowed(user, obj)` is the app's permission predicate, checked before the form is read;
    the service checks it again, and its state rules answer 422."""

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

    def get_success_url(self, result):
        return safe_next_url(self.request, super().get_success_url(result))
