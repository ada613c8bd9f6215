"""Detail and history pages that the apps reuse."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from opq_intranet.core.history import history_for

HISTORY_PREVIEW = 10


class ObjectDetailView(TemplateView):
    """An object's page with its latest history; `get_queryset()` scopes what the user may see."""

    queryset = None
    template_name = None
    history_url_name = None

    def get_queryset(self):
        return self.queryset.all()

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        obj = self.get_object()
        context = super().get_context_data(object=obj, **kwargs)
        context["history"] = history_for(obj, limit=HISTORY_PREVIEW)
        context["history_url_name"] = self.history_url_name
        return context


class ObjectHistoryView(ObjectDetailView):
    """Every event of one object: who, when, what changed."""

    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs):
        obj = self.get_object()
        context = TemplateView.get_context_data(self, object=obj, **kwargs)
        context["history"] = history_for(obj)
        return context
