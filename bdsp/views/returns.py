"""The return's pages on the portal: the order fills it in, the analyst reviews it.

Partners reach only their own order's returns (selectors.returns_visible_to filters the
queryset, so another order's id answers 404); staff with the BDSP role reach all of them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bdsp import display, permissions, selectors, services, spreadsheet
from bdsp.filtersets import ReturnFilterSet
from bdsp.forms import (
    AttachmentForm,
    CommentForm,
    FlagForm,
    GeneralForm,
    ImportForm,
    ReasonForm,
    SendBackForm,
    SubmitForm,
)
from bdsp.history import value_changes
from bdsp.models import ReportingYear
from bdsp.pdf import return_pdf as return_pdf_bytes
from bdsp.tables import OrderReturnTable, ReturnTable
from bdsp.validation import run_rules
from opq_intranet.accounts.access import access
from opq_intranet.core.downloads import PDF, XLSX, download_response
from opq_intranet.core.lists.pagination import paginate
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import ObjectActionView, ObjectDetailView

portal = access(permissions.PORTAL_RULE)
ATTACHMENT_ID = "attachment-%s"  # the import form has a "file" field too
HISTORY_PAGE_SIZE = 100


def _file_stem(annual_return):
    return f"declaration-{annual_return.reporting_year.year}-{annual_return.professional_order.code}"


def _visible_return(request, pk):
    return get_object_or_404(selectors.returns_visible_to(request.user), pk=pk)


class ReturnListView(ObjectListView):
    """Every return the person may see: a partner its own order's, an analyst all of them."""

    access_rule = permissions.PORTAL_RULE
    filterset_class = ReturnFilterSet
    table_class = ReturnTable
    title = gettext_lazy("Annual returns")
    export_name = "declarations-annuelles"
    actions_template = "bdsp/_return_list_actions.html"  # start an open year, the API

    def get(self, request, *args, **kwargs):
        if request.user.is_partner:
            self.table_class = OrderReturnTable
            self.estimate_unfiltered_count = False  # scoped to one order: the table's estimate is wrong
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.return_list(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_partner:
            context["title"] = _("Annual returns — %(order)s") % {"order": user.professional_order}
            if not context["filtered"]:
                context["table"].empty_text = _(
                    "No annual return yet. The Office will let you know when the next one opens."
                )
        context["startable"] = selectors.startable_years(user)
        context["can_use_api"] = permissions.is_filer(user)
        return context


@portal
@require_POST
def return_start(request, year):
    reporting_year = get_object_or_404(ReportingYear, year=year)
    if not request.user.is_partner:
        raise PermissionDenied
    try:
        annual_return = services.return_start(
            order=request.user.professional_order, reporting_year=reporting_year, user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("bdsp_portal:return_list")
    return redirect("bdsp_portal:return_detail", pk=annual_return.pk)


def _page_context(request, annual_return, section_code, *, posted=None, errors=None, values=None, bound_forms=None):
    form = selectors.form_definition(annual_return.reporting_year)
    sections = [section for section, _indicators in form.sections]
    codes = [s.code for s in sections]
    if section_code not in codes:
        section_code = codes[0]
    values = values if values is not None else selectors.return_values(annual_return)
    findings = run_rules(selectors.return_data(annual_return, values))
    comments = selectors.return_comments(annual_return)
    user = request.user
    return {
        "annual_return": annual_return,
        "sections": sections,
        "section_code": section_code,
        "section": next(s for s in sections if s.code == section_code),
        "rows": display.section_view(
            form, section_code, values, findings=findings, comments=comments, posted=posted, errors=errors
        ),
        "findings": findings,
        "blocking_count": sum(1 for f in findings if f.blocking),
        "general_comments": [c for c in comments if c.indicator_id is None],
        # Only what this person may do: a reader (Ordre lecteur) gets no button at all.
        "can_edit": permissions.can_edit_return(user, annual_return),
        "can_review": permissions.can_review_return(user, annual_return),
        "can_amend": permissions.can_amend(user, annual_return),
        "is_reviewer": permissions.can_review(user),
        "events": annual_return.workflow_events.select_related("by", "copy"),
        "general_form": GeneralForm(
            initial={
                "fiscal_year_end": annual_return.fiscal_year_end,
                "general_meeting_date": annual_return.general_meeting_date,
            }
        ),
        "send_back_form": (bound_forms or {}).get("send_back") or SendBackForm(),
        "import_form": ImportForm(),
        "reason_form": (bound_forms or {}).get("reason") or ReasonForm(),
        "attachments": annual_return.attachments.select_related("file"),
        "attachment_form": (bound_forms or {}).get("attachment") or AttachmentForm(auto_id=ATTACHMENT_ID),
    }


class ReturnDetailView(ObjectDetailView):
    """The return, section by section; its forms (send back, amend) are shown bound when refused."""

    access_rule = permissions.PORTAL_RULE
    template_name = "bdsp/return_detail.html"
    show_history = False  # the values' own history page (bdsp.history), linked from the page

    def get_queryset(self):
        return selectors.returns_visible_to(self.request.user)

    def on_read(self, obj):
        services.return_news_read(annual_return=obj, user=self.request.user)

    def get_extra_context(self, obj, bound_forms):
        return _page_context(self.request, obj, self.request.GET.get("section", ""), bound_forms=bound_forms)


class ReturnActionView(ObjectActionView):
    """A transition of a return the person sees (another order's is 404), by one service."""

    access_rule = permissions.PORTAL_RULE
    detail_view = ReturnDetailView

    def get_queryset(self):
        return selectors.returns_visible_to(self.request.user)


class ReturnSendBackView(ReturnActionView):
    form_class = SendBackForm
    form_key = "send_back"
    title = gettext_lazy("Return for correction")
    confirm_label = gettext_lazy("Return for correction")
    success_message = gettext_lazy("The return was sent back to the order for correction.")

    def refuse(self, obj):
        if not permissions.can_review(self.request.user):
            raise PermissionDenied

    def perform(self, form, obj):
        return services.return_send_back(
            annual_return=obj, user=self.request.user, message=form.cleaned_data["message"]
        )


class ReturnAcceptView(ReturnActionView):
    detail_view = None  # no form on the page: a refusal is said on the confirmation page, in 422
    title = gettext_lazy("Accept the return")
    confirm_label = gettext_lazy("Accept the return")
    success_message = gettext_lazy("The return was accepted.")

    def refuse(self, obj):
        if not permissions.can_review(self.request.user):
            raise PermissionDenied

    def perform(self, form, obj):
        return services.return_accept(annual_return=obj, user=self.request.user)


class ReturnReopenView(ReturnActionView):
    """An amendment of the accepted return (s. 3): a new version; the accepted one stays on file."""

    form_class = ReasonForm
    form_key = "reason"
    title = gettext_lazy("Correct this accepted return")
    confirm_label = gettext_lazy("Start an amendment")
    success_message = gettext_lazy("An amendment was started. The accepted version stays on file.")

    def refuse(self, obj):
        if not permissions.can_amend(self.request.user, obj):
            raise PermissionDenied

    def perform(self, form, obj):
        return services.return_reopen(annual_return=obj, user=self.request.user, reason=form.cleaned_data["reason"])


# A function view: the htmx autosave answers out-of-band fragments (or 409), not a page of its own.
@portal
@require_POST
def section_save(request, pk, section):
    """Save one section (htmx autosave or the Save button); all or nothing."""
    annual_return = _visible_return(request, pk)
    form = selectors.form_definition(annual_return.reporting_year)
    if section not in {s.code for s, _i in form.sections}:
        raise Http404
    # A reader, another order's user or a submitted return: nothing to save here.
    if not permissions.can_edit_return(request.user, annual_return):
        raise PermissionDenied
    try:
        expected = int(request.POST.get("edit_version", ""))
    except ValueError:
        expected = None
    posted, errors, status, conflict = None, None, 200, False
    try:
        services.return_save_values(
            annual_return=annual_return,
            user=request.user,
            entries=display.entries_from_post(form, section, request.POST),
            expected_version=expected,
        )
        annual_return.refresh_from_db()
        saved = True
    except services.ReturnConflict:
        saved, conflict, status = False, True, 409
    except ValidationError as error:
        saved = False
        status = 422
        posted, errors = request.POST, {k: v[0] for k, v in error.message_dict.items()}
    context = _page_context(request, annual_return, section, posted=posted, errors=errors)
    context.update(saved=saved, conflict=conflict)
    if request.htmx:
        # Out-of-band fragments only; htmx swaps 2xx answers, so the outcome is in the content.
        return render(request, "bdsp/_section_saved.html", context)
    if saved:
        messages.success(request, _("Section saved."))
        return redirect(f"{annual_return.get_absolute_url()}?section={section}")
    return render(request, "bdsp/return_detail.html", context, status=status)


# A function view: a small form of the return page, saved and sent back to that page.
@portal
@require_POST
def general_save(request, pk):
    annual_return = _visible_return(request, pk)
    form = GeneralForm(request.POST)
    if form.is_valid():
        try:
            services.return_save_general(annual_return=annual_return, user=request.user, **form.cleaned_data)
            messages.success(request, _("Dates saved."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Type the dates as 2026-11-24."))
    return redirect(annual_return.get_absolute_url())


# Stays custom: the page lists the blocking checks and the documents before the attestation.
@portal
def return_submit(request, pk):
    annual_return = _visible_return(request, pk)
    if not permissions.can_file(request.user, annual_return.professional_order):
        raise PermissionDenied
    form = SubmitForm(request.POST or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            services.return_submit(
                annual_return=annual_return, user=request.user, attestation=form.cleaned_data["attestation"]
            )
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("Your return was submitted to the Office. Thank you."))
            return redirect(annual_return.get_absolute_url())
    findings = run_rules(selectors.return_data(annual_return))
    context = {
        "annual_return": annual_return,
        "form": form,
        "problems": problems,
        "findings": findings,
        "has_annual_report": selectors.has_annual_report(annual_return),
    }
    refused = problems or (request.method == "POST" and form.errors)
    return render(request, "bdsp/return_submit.html", context, status=422 if refused else 200)


# --- Spreadsheet template and import ----------------------------------------------------------


@portal
def xlsx_template(request, pk):
    annual_return = _visible_return(request, pk)
    name = f"{_file_stem(annual_return)}.xlsx"
    return download_response(spreadsheet.template(annual_return), filename=name, content_type=XLSX)


# A function view: the answer is the import report of every sheet and cell, in 422.
@portal
@require_POST
def xlsx_import(request, pk):
    """Import a filled-in template: every cell checked, nothing saved unless all are valid."""
    annual_return = _visible_return(request, pk)
    if not permissions.can_edit_return(request.user, annual_return):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES)
    problems = []
    if form.is_valid():
        # The file checked (type, size, what it holds once inflated), then every cell.
        entries, problems = spreadsheet.read(annual_return, form.cleaned_data["workbook"])
        if not problems:
            try:
                services.return_save_values(annual_return=annual_return, user=request.user, entries=entries)
            except ValidationError as error:
                problems = [spreadsheet.ImportProblem("", "", m) for m in error.messages]
            else:
                messages.success(
                    request, _("The workbook was imported: %(count)s values read.") % {"count": len(entries)}
                )
                return redirect(annual_return.get_absolute_url())
    else:
        problems = [spreadsheet.ImportProblem("", "", _("Choose the filled-in workbook."))]
    context = {
        "annual_return": annual_return,
        "problems": problems,
        # A refused file (not a workbook, too large) is said plainly; cells are listed to correct.
        "file_problems": [p for p in problems if not p.sheet and not p.cell],
        "cell_problems": [p for p in problems if p.sheet or p.cell],
    }
    return render(request, "bdsp/import_report.html", context, status=422)


# --- The analyst's actions --------------------------------------------------------------------


# Function views: the comment and flag forms sit on every row of the return page.
@portal
@require_POST
def comment_add(request, pk):
    annual_return = _visible_return(request, pk)
    form = CommentForm(request.POST)
    section = request.POST.get("section", "")
    if form.is_valid():
        try:
            services.comment_add(
                annual_return=annual_return,
                user=request.user,
                text=form.cleaned_data["text"],
                indicator_code=form.cleaned_data["indicator"] or None,
            )
            messages.success(request, _("Comment added."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("The comment is empty."))
    return redirect(f"{annual_return.get_absolute_url()}?section={section}")


@portal
@require_POST
def value_flag(request, pk):
    annual_return = _visible_return(request, pk)
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            services.value_flag(
                annual_return=annual_return,
                user=request.user,
                indicator_code=form.cleaned_data["indicator"],
                followup=form.cleaned_data["followup"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(f"{annual_return.get_absolute_url()}?section={request.POST.get('section', '')}")


# --- The PDF of what was submitted ----------------------------------------------------------


@portal
def return_pdf(request, pk):
    """The latest submitted copy; for a return frozen without a stored copy (loaded from the
    previous system), the PDF is drawn from its values, which can no longer change."""
    annual_return = _visible_return(request, pk)
    latest = annual_return.workflow_events.filter(copy__isnull=False).select_related("copy").last()
    if latest is not None:
        return redirect("core:private_file", uuid=latest.copy.uuid)
    if annual_return.is_editable:
        raise Http404
    content = return_pdf_bytes(annual_return, attachments=list(annual_return.attachments.select_related("file")))
    return download_response(content, filename=f"{_file_stem(annual_return)}.pdf", content_type=PDF)


@portal
def return_history(request, pk):
    """Every change of the return's values and of its status, for the order and the analyst."""
    annual_return = _visible_return(request, pk)
    changes = value_changes(annual_return)
    page = paginate(changes, page=request.GET.get("page"), per_page=HISTORY_PAGE_SIZE, count=len(changes))
    events = annual_return.workflow_events.select_related("by", "copy")
    return render(request, "bdsp/return_history.html", {"annual_return": annual_return, "page": page, "events": events})
