"""The access-to-information requests' pages (the person responsible for access)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import deadlines, letters, permissions, selectors, services
from courrier.filtersets import AccessRequestFilterSet
from courrier.forms import AnswerForm, DecisionForm, ExtendForm, OpenForm, ReportForm, ReviewForm, ReviewOutcomeForm
from courrier.models import AccessRequest
from courrier.tables import AccessRequestTable
from opq_intranet.accounts.access import access
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.downloads import PDF, download_response
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.spreadsheets import FORMATS, spreadsheet_response
from opq_intranet.core.views.generic import (
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

ACCESS_REQUESTS = ("courrier:access_list", _("Access requests"))


class AccessRequestListView(ObjectListView):
    access_rule = permissions.OFFICER_RULE
    filterset_class = AccessRequestFilterSet
    table_class = AccessRequestTable
    title = _("Access requests")
    export_name = "demandes-acces"
    actions_template = "courrier/_access_list_actions.html"
    estimate_unfiltered_count = False

    def get_queryset(self):
        return selectors.access_requests_visible_to(self.request.user)


class AccessRequestMixin:
    access_rule = permissions.OFFICER_RULE
    breadcrumb_list = ACCESS_REQUESTS

    def get_queryset(self):
        return selectors.access_requests_visible_to(self.request.user)


class AccessCreateView(AccessRequestMixin, ObjectEditView):
    """Open the access request an incoming item carries (the URL names the item)."""

    form_class = OpenForm
    template_name = "courrier/access_create.html"
    title = _("Open an access request")
    submit_label = _("Open the request")

    def item(self):
        if not hasattr(self, "_item"):
            self._item = get_object_or_404(selectors.items_visible_to(self.request.user), pk=self.kwargs["item_pk"])
        return self._item

    def new_object(self):
        return AccessRequest(mail_item=self.item())

    def get_cancel_url(self, obj):
        return self.item().get_absolute_url()

    def get_extra_context(self, obj):
        item = self.item()
        return {"item": item, "deadline": deadlines.response_deadline(item.received_on)}

    def get_success_message(self, result):
        return _("The access request %(reference)s is open: the response is due on %(deadline)s.") % {
            "reference": result.reference,
            "deadline": result.deadline,
        }

    def save(self, form, obj):
        return services.access_request_open(mail_item=self.item(), user=self.request.user, **form.cleaned_data)


class AccessDetailView(AccessRequestMixin, ObjectDetailView):
    template_name = "courrier/access_detail.html"
    history_url_name = "courrier:access_history"

    def on_read(self, obj):
        confidential_access_log(request=self.request, obj=obj)  # an applicant's request is personal information

    def get_extra_context(self, obj, bound_forms):
        today = timezone.localdate()
        page = selectors.access_request_page(self.request.user, obj, today=today)
        refused_review = bound_forms.get("outcome")
        for review in page["reviews"]:  # each pending review has its outcome's form
            refused_here = refused_review is not None and refused_review.review_pk == review.pk
            review.outcome_form = refused_review if refused_here else ReviewOutcomeForm(initial={"decided_on": today})
        decision = {
            "decision": obj.decision,
            "articles": ", ".join(obj.articles),
            "referred_to": obj.referred_to,
            "documents_concerned": obj.documents_concerned,
            "notes": obj.decision_notes,
        }
        return {
            **page,
            "extend_form": bound_forms.get("extend") or ExtendForm(initial={"notice_on": today}),
            "decision_form": bound_forms.get("decision") or DecisionForm(initial=decision),
            "answer_form": bound_forms.get("answer") or AnswerForm(initial={"answered_on": today}),
            "review_form": bound_forms.get("review") or ReviewForm(initial={"received_on": today}),
            "close_form": bound_forms.get("close"),
        }


class AccessActionView(AccessRequestMixin, EmbeddedActionView):
    detail_view = AccessDetailView

    def allowed(self, user, obj):
        return permissions.handles_access_requests(user)


class AccessExtendView(AccessActionView):
    form_class = ExtendForm
    form_key = "extend"
    success_message = _("The deadline is extended; the notice is registered.")

    def perform(self, form, obj):
        services.access_request_extend(access_request=obj, user=self.request.user, **form.cleaned_data)


class AccessDecideView(AccessActionView):
    form_class = DecisionForm
    form_key = "decision"
    success_message = _("The decision is recorded.")

    def perform(self, form, obj):
        services.access_request_decide(access_request=obj, user=self.request.user, **form.cleaned_data)


class AccessAnswerView(AccessActionView):
    form_class = AnswerForm
    form_key = "answer"
    success_message = _("The response letter is generated and registered.")

    def perform(self, form, obj):
        services.access_request_answer(access_request=obj, user=self.request.user, **form.cleaned_data)


class AccessCloseView(AccessActionView):
    form_key = "close"
    success_message = _("The request is closed.")

    def perform(self, form, obj):
        services.access_request_close(access_request=obj, user=self.request.user)


class AccessReviewView(AccessActionView):
    form_class = ReviewForm
    form_key = "review"
    success_message = _("The request for review is recorded.")

    def perform(self, form, obj):
        services.review_request_add(access_request=obj, user=self.request.user, **form.cleaned_data)


class ReviewDecideView(EmbeddedActionView):
    """The outcome of a request for review (the URL names the review), on the request's page."""

    access_rule = permissions.OFFICER_RULE
    form_class = ReviewOutcomeForm
    form_key = "outcome"
    detail_view = AccessDetailView
    success_message = _("The outcome of the review is recorded.")

    def get_queryset(self):
        return selectors.reviews_visible_to(self.request.user)

    def allowed(self, user, obj):
        return permissions.handles_access_requests(user)

    def get_form(self, obj):
        form = super().get_form(obj)
        form.review_pk = obj.pk
        return form

    def perform(self, form, obj):
        return services.review_request_decide(review=obj, user=self.request.user, **form.cleaned_data)

    def get_success_url(self, result):
        return result.access_request.get_absolute_url()

    def form_refused(self, form, obj):
        page = self.detail_view()
        page.setup(self.request, pk=obj.access_request_id)
        return page.get(self.request, bound_forms={self.form_key: form}, pk=obj.access_request_id)


@access(permissions.OFFICER_RULE.audience, *permissions.OFFICER)
def access_letter_preview(request, pk):
    """The response letter as it would be sent today (a draft: nothing is registered), shown inline."""
    access_request = get_object_or_404(selectors.access_requests_visible_to(request.user), pk=pk)
    if not access_request.decision:
        raise PermissionDenied
    filename = f"{access_request.reference}-projet.pdf"
    content = letters.response_letter(access_request)
    return download_response(content, filename=filename, content_type=PDF, inline=True, sandbox=False)


@access(permissions.OFFICER_RULE.audience, *permissions.OFFICER)
def access_report(request):
    """The yearly report; `?export=csv` (or xlsx) downloads it."""
    this_year = timezone.localdate().year
    form = ReportForm(request.GET or None, initial={"year": this_year})
    year = form.cleaned_data["year"] if form.is_valid() else this_year
    report = selectors.year_report(year)
    export = request.GET.get("export")
    if export in FORMATS:
        return spreadsheet_response(report.rows(), fmt=export, basename=f"demandes-acces-{report.year}")
    return render(request, "courrier/access_report.html", {"form": form, "report": report})


class AccessHistoryView(AccessRequestMixin, ObjectHistoryView):
    pass
