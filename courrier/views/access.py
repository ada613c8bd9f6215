"""The access-to-information requests' pages (the person responsible for access)."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courrier import deadlines, letters, permissions, selectors
from courrier.filtersets.access import AccessRequestFilterSet
from courrier.forms.access import (
    AnswerForm,
    DecisionForm,
    ExtendForm,
    OpenForm,
    ReportForm,
    ReviewForm,
    ReviewOutcomeForm,
)
from courrier.models import ReviewRequest
from courrier.services import access as services
from courrier.tables.access import AccessRequestTable
from opq_intranet.accounts.access import Audience, access
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView

OFFICER_ONLY = access(Audience.STAFF, *permissions.OFFICER)


def _visible(request, pk):
    return get_object_or_404(selectors.access_requests_visible_to(request.user), pk=pk)


class AccessRequestListView(ObjectListView):
    access_rule = permissions.OFFICER_RULE
    filterset_class = AccessRequestFilterSet
    table_class = AccessRequestTable
    title = gettext_lazy("Access requests")
    export_name = "demandes-acces"
    actions_template = "courrier/_access_list_actions.html"
    estimate_unfiltered_count = False

    def get_queryset(self):
        return selectors.access_requests_visible_to(self.request.user)


@OFFICER_ONLY
def access_create(request, item_pk):
    item = get_object_or_404(selectors.items_visible_to(request.user), pk=item_pk)
    form = OpenForm(request.POST or None, initial={"documents_requested": item.subject})
    if request.method == "POST" and form.is_valid():
        try:
            access_request = services.access_request_open(mail_item=item, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The access request %(reference)s is open: the response is due on %(deadline)s.")
                % {"reference": access_request.reference, "deadline": access_request.deadline},
            )
            return redirect(access_request)
    context = {"form": form, "item": item, "deadline": deadlines.response_deadline(item.received_on)}
    return render(request, "courrier/access_create.html", context, status=422 if form.errors else 200)


@OFFICER_ONLY
def access_detail(request, pk, *, forms=None):
    access_request = _visible(request, pk)
    confidential_access_log(request=request, obj=access_request)  # an applicant's request is personal information
    today = timezone.localdate()
    forms = forms or {}
    context = {
        "object": access_request,
        **selectors.access_request_page(request.user, access_request, today=today),
        "extend_form": forms.get("extend") or ExtendForm(initial={"notice_on": today}),
        "decision_form": forms.get("decision")
        or DecisionForm(
            initial={
                "decision": access_request.decision,
                "articles": ", ".join(access_request.articles),
                "referred_to": access_request.referred_to,
                "documents_concerned": access_request.documents_concerned,
                "notes": access_request.decision_notes,
            }
        ),
        "answer_form": forms.get("answer") or AnswerForm(initial={"answered_on": today}),
        "review_form": forms.get("review") or ReviewForm(initial={"received_on": today}),
        "outcome_form": ReviewOutcomeForm(initial={"decided_on": today}),
        "history": history_for(access_request, limit=HISTORY_PREVIEW),
        "history_url_name": "courrier:access_history",
    }
    status = 422 if any(f.errors for f in forms.values()) else 200
    return render(request, "courrier/access_detail.html", context, status=status)


def _action(request, pk, form_class, key, act, success):
    access_request = _visible(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(access_request, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(access_request)
    return access_detail(request, pk, forms={key: form})


@OFFICER_ONLY
@require_POST
def access_extend(request, pk):
    def act(access_request, data):
        services.access_request_extend(access_request=access_request, user=request.user, **data)

    return _action(request, pk, ExtendForm, "extend", act, _("The deadline is extended; the notice is registered."))


@OFFICER_ONLY
@require_POST
def access_decide(request, pk):
    def act(access_request, data):
        services.access_request_decide(access_request=access_request, user=request.user, **data)

    return _action(request, pk, DecisionForm, "decision", act, _("The decision is recorded."))


@OFFICER_ONLY
@require_POST
def access_answer(request, pk):
    def act(access_request, data):
        services.access_request_answer(access_request=access_request, user=request.user, **data)

    return _action(request, pk, AnswerForm, "answer", act, _("The response letter is generated and registered."))


@OFFICER_ONLY
@require_POST
def access_close(request, pk):
    access_request = _visible(request, pk)
    try:
        services.access_request_close(access_request=access_request, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request is closed."))
    return redirect(access_request)


@OFFICER_ONLY
@require_POST
def access_review(request, pk):
    def act(access_request, data):
        services.review_request_add(access_request=access_request, user=request.user, **data)

    return _action(request, pk, ReviewForm, "review", act, _("The request for review is recorded."))


@OFFICER_ONLY
@require_POST
def review_decide(request, pk):
    review = get_object_or_404(ReviewRequest, pk=pk)
    form = ReviewOutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the outcome and its date."))
    else:
        try:
            services.review_request_decide(review=review, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The outcome of the review is recorded."))
    return redirect(review.access_request)


@OFFICER_ONLY
def access_letter_preview(request, pk):
    """The response letter as it would be sent today (a draft: nothing is registered)."""
    access_request = _visible(request, pk)
    if not access_request.decision:
        raise PermissionDenied
    response = HttpResponse(letters.response_letter(access_request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{access_request.reference}-projet.pdf"'
    return response


@OFFICER_ONLY
def access_report(request):
    form = ReportForm(request.GET or None, initial={"annee": timezone.localdate().year})
    year = form.cleaned_data["annee"] if form.is_valid() else timezone.localdate().year
    report = selectors.year_report(year)
    if request.GET.get("export") == "csv":
        return _report_csv(report)
    return render(request, "courrier/access_report.html", {"form": form, "report": report})


def _report_csv(report):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="demandes-acces-{report.year}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Year"), report.year])
    writer.writerow([_("Requests received"), report.received])
    writer.writerow([_("Answered"), report.answered])
    writer.writerow([_("Answered within the deadline"), report.in_time])
    writer.writerow([_("Deadline extended"), report.extended])
    writer.writerow([_("Requests for review"), report.reviews])
    writer.writerow([])
    writer.writerow([_("Decision"), _("Requests")])
    writer.writerows(report.by_decision)
    writer.writerow([])
    writer.writerow([_("Article"), _("Requests")])
    writer.writerows(report.by_article)
    return response


class AccessHistoryView(ObjectHistoryView):
    access_rule = permissions.OFFICER_RULE

    def get_queryset(self):
        return selectors.access_requests_visible_to(self.request.user)
