"""The analysts' form editor: add, change and delete the sections, indicators and rules of a
year in preparation. Each page validates its input and calls bdsp.services.form_editor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from bdsp import permissions, services
from bdsp.forms.editor import IndicatorForm, RuleForm, SectionForm
from bdsp.models import Indicator, ReportingYear, Section, ValidationRule
from opq_intranet.core.forms import add_service_errors


def _year_for_editing(request, year):
    if not permissions.can_manage_forms(request.user):
        raise PermissionDenied
    return get_object_or_404(ReportingYear, year=year)


def _back_to_year(reporting_year, anchor=""):
    url = reverse("bdsp:year_detail", args=[reporting_year.year])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _frozen(request, reporting_year):
    messages.error(
        request, _("The form of %(year)s is open or closed: it can no longer change.") % {"year": reporting_year.year}
    )
    return _back_to_year(reporting_year)


def _edit_page(request, reporting_year, *, form, save, title, anchor, saved_message):
    """GET shows the form; POST saves through `save(cleaned form)` or answers 422 with the errors."""
    if reporting_year.is_frozen:
        return _frozen(request, reporting_year)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved_message % {"name": saved})
            return _back_to_year(reporting_year, anchor(saved))
    context = {"reporting_year": reporting_year, "form": form, "title": title}
    return render(request, "bdsp/form_editor/edit.html", context, status=422 if form.errors else 200)


def _delete_page(request, reporting_year, *, obj, delete, title, anchor=""):
    """GET asks for confirmation; POST deletes, or says why it cannot."""
    if reporting_year.is_frozen:
        return _frozen(request, reporting_year)
    if request.method == "POST":
        try:
            delete(obj)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back_to_year(reporting_year, anchor)
        messages.success(request, _("“%(name)s” was deleted.") % {"name": obj})
        return _back_to_year(reporting_year)
    context = {"reporting_year": reporting_year, "object": obj, "title": title}
    return render(request, "bdsp/form_editor/delete.html", context)


# --- Sections ------------------------------------------------------------------------------------


def section_edit(request, year, pk=None):
    reporting_year = _year_for_editing(request, year)
    section = get_object_or_404(Section, reporting_year=reporting_year, pk=pk) if pk else None
    initial = SectionForm.initial_of(section) if section else {"order": reporting_year.sections.count()}
    form = SectionForm(request.POST or None, initial=initial)

    def save(form):
        return services.section_save(
            reporting_year=reporting_year, user=request.user, section=section, **form.cleaned_data
        )

    return _edit_page(
        request,
        reporting_year,
        form=form,
        save=save,
        title=_("Change the section") if section else _("Add a section"),
        anchor=lambda saved: f"s-{saved.code}",
        saved_message=_("The section “%(name)s” was saved."),
    )


def section_delete(request, year, pk):
    reporting_year = _year_for_editing(request, year)
    section = get_object_or_404(Section, reporting_year=reporting_year, pk=pk)
    return _delete_page(
        request,
        reporting_year,
        obj=section,
        delete=lambda obj: services.section_delete(section=obj, user=request.user),
        title=_("Delete the section"),
        anchor=f"s-{section.code}",
    )


# --- Indicators ----------------------------------------------------------------------------------


def indicator_edit(request, year, pk=None):
    reporting_year = _year_for_editing(request, year)
    indicator = get_object_or_404(Indicator, reporting_year=reporting_year, pk=pk) if pk else None
    initial = IndicatorForm.initial_of(indicator) if indicator else {"section": request.GET.get("section") or None}
    form = IndicatorForm(request.POST or None, initial=initial, reporting_year=reporting_year)

    def save(form):
        return services.indicator_save(
            reporting_year=reporting_year, user=request.user, indicator=indicator, **form.service_arguments()
        )

    return _edit_page(
        request,
        reporting_year,
        form=form,
        save=save,
        title=_("Change the indicator") if indicator else _("Add an indicator"),
        anchor=lambda saved: f"i-{saved.code}",
        saved_message=_("The indicator “%(name)s” was saved."),
    )


def indicator_delete(request, year, pk):
    reporting_year = _year_for_editing(request, year)
    indicator = get_object_or_404(Indicator, reporting_year=reporting_year, pk=pk)
    return _delete_page(
        request,
        reporting_year,
        obj=indicator,
        delete=lambda obj: services.indicator_delete(indicator=obj, user=request.user),
        title=_("Delete the indicator"),
        anchor=f"i-{indicator.code}",
    )


# --- Validation rules ----------------------------------------------------------------------------


def rule_edit(request, year, pk=None):
    reporting_year = _year_for_editing(request, year)
    rule = get_object_or_404(ValidationRule, reporting_year=reporting_year, pk=pk) if pk else None
    initial = RuleForm.initial_of(rule) if rule else {"order": reporting_year.rules.count()}
    form = RuleForm(request.POST or None, initial=initial, reporting_year=reporting_year)

    def save(form):
        return services.rule_save(
            reporting_year=reporting_year, user=request.user, rule=rule, **form.service_arguments()
        )

    return _edit_page(
        request,
        reporting_year,
        form=form,
        save=save,
        title=_("Change the validation rule") if rule else _("Add a validation rule"),
        anchor=lambda saved: f"r-{saved.code}",
        saved_message=_("The rule “%(name)s” was saved."),
    )


def rule_delete(request, year, pk):
    reporting_year = _year_for_editing(request, year)
    rule = get_object_or_404(ValidationRule, reporting_year=reporting_year, pk=pk)
    return _delete_page(
        request,
        reporting_year,
        obj=rule,
        delete=lambda obj: services.rule_delete(rule=obj, user=request.user),
        title=_("Delete the validation rule"),
    )
