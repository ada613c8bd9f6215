"""The analysts' pages: the campaign of a year, and the yearly forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bdsp import campaign, permissions, selectors, services
from bdsp.forms import YearCreateForm
from bdsp.models import ReportingYear
from opq_intranet.core.views.generic import ObjectDetailView


def index(request):
    """The current campaign: the latest open year, else the latest year."""
    year = selectors.current_year()
    if year is None:
        return render(request, "bdsp/index.html", {"years": []})
    return redirect("bdsp:campaign", year=year.year)


def campaign_view(request, year):
    reporting_year = get_object_or_404(ReportingYear, year=year)
    progress = campaign.year_progress(reporting_year)
    wanted = request.GET.get("state", "")
    shown = campaign.progress_in_state(progress, wanted)
    counts, overdue = campaign.summary(progress)
    context = {
        "reporting_year": reporting_year,
        "years": selectors.reporting_years(),
        "progress": shown,
        "counts": counts,
        "overdue": overdue,
        "wanted": wanted,
    }
    return render(request, "bdsp/campaign.html", context)


def year_list(request):
    form = YearCreateForm()
    return render(request, "bdsp/year_list.html", {"years": selectors.years_for_list(), "form": form})


@require_POST
def year_create(request):
    if not permissions.can_manage_forms(request.user):
        raise PermissionDenied
    form = YearCreateForm(request.POST)
    if not form.is_valid():
        years = selectors.years_for_list()
        return render(request, "bdsp/year_list.html", {"years": years, "form": form}, status=422)
    source = form.cleaned_data["source"]
    year = form.cleaned_data["year"]
    if source:
        created = services.form_copy(source=source, year=year, user=request.user)
    else:
        created = services.form_create_from_regulation(year=year, user=request.user)
    messages.success(request, _("The form of %(year)s was created. Adjust it, then open it.") % {"year": created.year})
    return redirect("bdsp:year_detail", year=created.year)


class YearDetailView(ObjectDetailView):
    """A year's form; the editor's links while it is in preparation, for the analysts who build it."""

    template_name = "bdsp/year_detail.html"
    show_history = False  # the form's changes are in the admin's history

    def get_object(self):
        if not hasattr(self, "_object"):
            years = ReportingYear.objects.select_related("copied_from")
            self._object = get_object_or_404(years, year=self.kwargs["year"])
        return self._object

    def get_extra_context(self, obj, bound_forms):
        return {
            "reporting_year": obj,
            "form": selectors.form_definition(obj),
            "editable": permissions.can_edit_form(self.request.user, obj),
        }


@require_POST
def year_open(request, year):
    if not permissions.can_manage_forms(request.user):
        raise PermissionDenied
    reporting_year = get_object_or_404(ReportingYear, year=year)
    try:
        services.form_open(reporting_year=reporting_year, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The %(year)s return is open to the orders.") % {"year": year})
    return redirect("bdsp:year_detail", year=year)
