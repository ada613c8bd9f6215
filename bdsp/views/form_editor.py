"""The analysts' form editor: add, change and delete the sections, indicators and rules of a
year in preparation, on core's generic views. Each page calls one bdsp.services.form_editor
service; a frozen year sends back to its page with a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bdsp import permissions, services
from bdsp.forms import IndicatorForm, RuleForm, SectionForm
from bdsp.models import Indicator, ReportingYear, Section, ValidationRule
from opq_intranet.accounts.access import AccessRule, Audience
from opq_intranet.core.views.generic import ObjectActionView, ObjectEditView

EDITOR_RULE = AccessRule(Audience.STAFF, ("accounts.access_bdsp", "bdsp.manage_forms"))


class FormPartMixin:
    """A section, indicator or rule of the year named by the URL: found in that year only (404
    otherwise); the year's page is where every page of the editor comes back to."""

    access_rule = EDITOR_RULE
    model = None
    anchor = ""  # the element's id on the year's page: "s-permis", "i-membres-fin"…

    @property
    def reporting_year(self):
        if not hasattr(self, "_reporting_year"):
            self._reporting_year = get_object_or_404(ReportingYear, year=self.kwargs["year"])
        return self._reporting_year

    def get_queryset(self):
        return self.model.objects.filter(reporting_year=self.reporting_year)

    def refuse(self, obj):
        if not permissions.can_manage_forms(self.request.user):
            raise PermissionDenied
        if self.reporting_year.is_frozen:
            messages.error(
                self.request,
                _("The form of %(year)s is open or closed: it can no longer change.") % {"year": self.reporting_year},
            )
            return redirect(self.year_url())
        return None

    def year_url(self, obj=None):
        url = reverse("bdsp:year_detail", args=[self.reporting_year.year])
        return f"{url}#{self.anchor}-{obj.code}" if obj is not None and self.anchor else url

    def get_breadcrumbs(self, obj):
        return [
            (_("BDSP"), reverse("bdsp:index")),
            (_("Yearly forms"), reverse("bdsp:year_list")),
            (str(self.reporting_year), self.year_url()),
        ]

    def get_cancel_url(self, obj):
        return self.year_url()

    def get_success_message(self, result):
        return self.success_message % {"name": result}


class FormPartEditView(FormPartMixin, ObjectEditView):
    """Add (no `pk` in the URL) or change one element of the form."""

    add_title = change_title = ""

    def get_title(self, obj):
        return self.change_title if obj is not None else self.add_title

    def get_success_url(self, result):
        return self.year_url(result)

    def get_form_kwargs(self, obj):
        kwargs = super().get_form_kwargs(obj)
        if self.form_class is not SectionForm:
            kwargs["reporting_year"] = self.reporting_year
        return kwargs

    def get_initial(self, obj):
        return self.form_class.initial_of(obj) if obj is not None else self.initial_of_new()

    def initial_of_new(self):
        return {}


class FormPartDeleteView(FormPartMixin, ObjectActionView):
    """Delete one element; a refusal (an indicator a formula reads…) says why, in 422."""

    danger = True
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("“%(name)s” was deleted.")

    def get_question(self, obj):
        return _(
            "Delete “%(name)s” from the form of %(year)s? The form is still in preparation: no return uses it yet."
        ) % {"name": obj, "year": self.reporting_year}

    def get_success_url(self, result):
        return self.year_url()


# --- Sections ------------------------------------------------------------------------------------


class SectionEditView(FormPartEditView):
    model = Section
    form_class = SectionForm
    anchor = "s"
    add_title, change_title = gettext_lazy("Add a section"), gettext_lazy("Change the section")
    success_message = gettext_lazy("The section “%(name)s” was saved.")

    def initial_of_new(self):
        return {"order": self.reporting_year.sections.count()}

    def save(self, form, obj):
        return services.section_save(
            reporting_year=self.reporting_year, user=self.request.user, section=obj, **form.cleaned_data
        )


class SectionDeleteView(FormPartDeleteView):
    model = Section
    title = gettext_lazy("Delete the section")

    def perform(self, form, obj):
        services.section_delete(section=obj, user=self.request.user)


# --- Indicators ----------------------------------------------------------------------------------


class IndicatorEditView(FormPartEditView):
    model = Indicator
    form_class = IndicatorForm
    anchor = "i"
    add_title, change_title = gettext_lazy("Add an indicator"), gettext_lazy("Change the indicator")
    success_message = gettext_lazy("The indicator “%(name)s” was saved.")

    def initial_of_new(self):
        return {"section": self.request.GET.get("section") or None}

    def save(self, form, obj):
        return services.indicator_save(
            reporting_year=self.reporting_year, user=self.request.user, indicator=obj, **form.service_arguments()
        )


class IndicatorDeleteView(FormPartDeleteView):
    model = Indicator
    title = gettext_lazy("Delete the indicator")

    def perform(self, form, obj):
        services.indicator_delete(indicator=obj, user=self.request.user)


# --- Validation rules ----------------------------------------------------------------------------


class RuleEditView(FormPartEditView):
    model = ValidationRule
    form_class = RuleForm
    anchor = "r"
    template_name = "bdsp/form_editor/rule_edit.html"  # the parameters of the chosen kind only
    add_title, change_title = gettext_lazy("Add a validation rule"), gettext_lazy("Change the validation rule")
    success_message = gettext_lazy("The rule “%(name)s” was saved.")

    def initial_of_new(self):
        return {"order": self.reporting_year.rules.count()}

    def save(self, form, obj):
        return services.rule_save(
            reporting_year=self.reporting_year, user=self.request.user, rule=obj, **form.service_arguments()
        )


class RuleDeleteView(FormPartDeleteView):
    model = ValidationRule
    title = gettext_lazy("Delete the validation rule")

    def perform(self, form, obj):
        services.rule_delete(rule=obj, user=self.request.user)
