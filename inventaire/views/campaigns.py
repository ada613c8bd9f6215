"""Stock-taking campaigns: the list, opening one, its results page (live while it is open),
its scan page (a keyboard scanner, the phone's camera or typing; htmx answers each tag in
place, a plain form post works without script), fixing locations in one step, closing it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inventaire import permissions, selectors, services
from inventaire.filtersets import CampaignFilterSet
from inventaire.forms import CampaignForm, ScanForm
from inventaire.models import Campaign
from inventaire.tables import CampaignTable
from inventaire.views.assets import HOME
from opq_intranet.accounts.access import access
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    REFUSED,
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

CAMPAIGNS = ("inventaire:campaign_list", gettext_lazy("Stock-taking"))
SHOWN = 200  # rows of each list on the results page (the report has them all)


class CampaignListView(ObjectListView):
    filterset_class = CampaignFilterSet
    table_class = CampaignTable
    title = gettext_lazy("Stock-taking")
    export_name = "inventaires"
    template_name = "inventaire/campaign_list.html"
    actions_template = "inventaire/_campaign_list_actions.html"

    def get_queryset(self):
        return selectors.campaigns()


class CampaignMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = CAMPAIGNS

    def get_queryset(self):
        return selectors.campaigns()


class CampaignOpenView(CampaignMixin, ObjectEditView):
    form_class = CampaignForm
    title = gettext_lazy("Open a stock-taking")
    submit_label = gettext_lazy("Open")

    def new_object(self):
        return Campaign()

    def get_initial(self, obj):
        return {"opened_on": timezone.localdate()}

    def get_success_message(self, result):
        return _("The stock-taking %(number)s is open: scan the tags room by room.") % {"number": result.number}

    def get_success_url(self, result):
        return reverse("inventaire:campaign_scan", args=[result.pk])

    def save(self, form, obj):
        return services.campaign_open(campaign=form.save(commit=False), user=self.request.user)


class CampaignDetailView(CampaignMixin, ObjectDetailView):
    template_name = "inventaire/campaign_detail.html"
    history_url_name = "inventaire:campaign_history"

    def get_actions(self, obj):
        if not obj.is_open:
            return []
        pk = obj.pk
        return [
            Action(_("Scan"), reverse("inventaire:campaign_scan", args=[pk]), "primary", "upc-scan"),
            Action(_("Fix the locations"), reverse("inventaire:campaign_fix", args=[pk]), icon="geo-alt"),
            Action(_("Close"), reverse("inventaire:campaign_close", args=[pk]), "outline-secondary", "lock"),
        ]

    def get_extra_context(self, obj, bound_forms):
        return {"results": selectors.campaign_results(obj, limit=SHOWN)}

    def get_template_names(self):
        # htmx refreshes the results while the campaign is open.
        if self.request.htmx and self.request.GET.get("part") == "results":
            return ["inventaire/campaign/_results.html"]
        return [self.template_name]


class CampaignHistoryView(CampaignMixin, ObjectHistoryView):
    pass


def _scan_page(request, campaign, form, *, outcome=None, status=200):
    context = {
        "object": campaign,
        "form": form,
        "outcome": outcome,
        "counts": selectors.campaign_counts(campaign),
        "breadcrumbs": [
            (HOME[1], reverse(HOME[0])),
            (CAMPAIGNS[1], reverse(CAMPAIGNS[0])),
            (campaign.number, campaign.get_absolute_url()),
            (_("Scan"), None),
        ],
    }
    template = "inventaire/campaign/_scan_answer.html" if request.htmx else "inventaire/campaign/scan.html"
    return render(request, template, context, status=status)


def _outcome(result):
    """What the page says of a tag just read: found, found elsewhere, unknown, or read already."""
    scan = result.scan
    if not result.first:
        return {"level": "info", "text": _("%(tag)s was read already: nothing changes.") % {"tag": scan.tag}}
    outcome = selectors.scan_outcome(scan)
    if outcome == "unknown":
        return {"level": "warning", "text": _("%(tag)s is not an asset of the inventory.") % {"tag": scan.tag}}
    if outcome == "wrong_place":
        return {
            "level": "warning",
            "text": _("%(tag)s found here, but listed in %(where)s.")
            % {"tag": scan.tag, "where": scan.asset.location or "—"},
        }
    return {"level": "success", "text": _("%(tag)s found.") % {"tag": scan.tag}}


@access(permissions.MANAGE_RULE)
def campaign_scan(request, pk):
    campaign = get_object_or_404(selectors.campaigns(), pk=pk)
    if not campaign.is_open:
        messages.error(request, _("The campaign %(number)s is closed.") % {"number": campaign.number})
        return HttpResponseRedirect(campaign.get_absolute_url())
    if request.method != "POST":
        room = request.GET.get("room")
        return _scan_page(request, campaign, ScanForm(campaign=campaign, initial={"location": room}))
    form = ScanForm(request.POST, campaign=campaign)
    if not form.is_valid():
        return _scan_page(request, campaign, form, status=REFUSED)
    try:
        result = services.campaign_scan(
            campaign=campaign, user=request.user, tag=form.cleaned_data["tag"], location=form.cleaned_data["location"]
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _scan_page(request, campaign, form, status=REFUSED)
    outcome = _outcome(result)
    room = form.cleaned_data["location"]
    if not request.htmx:
        messages.info(request, outcome["text"])
        return HttpResponseRedirect(f"{reverse('inventaire:campaign_scan', args=[pk])}?room={room.pk}")
    return _scan_page(request, campaign, ScanForm(campaign=campaign, initial={"location": room.pk}), outcome=outcome)


class CampaignActionView(CampaignMixin, ObjectActionView):
    def refuse(self, obj):
        if not obj.is_open:
            messages.error(self.request, _("The campaign %(number)s is closed.") % {"number": obj.number})
            return HttpResponseRedirect(obj.get_absolute_url())
        return None

    def get_title(self, obj):
        return f"{self.title} · {obj.number}"


class CampaignFixView(CampaignActionView):
    title = gettext_lazy("Fix the locations")
    question = gettext_lazy(
        "Every asset found in the wrong place is moved to the room where it was found (a lost one is found). "
        "Disposed ones stay as they are: check them."
    )
    confirm_label = gettext_lazy("Move them")

    def get_success_message(self, result):
        return ngettext(
            "%(count)s asset moved to where it was found.",
            "%(count)s assets moved to where they were found.",
            self.fixed,
        ) % {"count": self.fixed}

    def perform(self, form, obj):
        self.fixed = services.campaign_fix_locations(campaign=obj, user=self.request.user)


class CampaignCloseView(CampaignActionView):
    title = gettext_lazy("Close the stock-taking")
    question = gettext_lazy("Its report (PDF) is made of the lists as they are now; no tag is read after.")
    confirm_label = gettext_lazy("Close")
    success_message = gettext_lazy("The stock-taking %(object)s is closed; its report is kept.")

    def perform(self, form, obj):
        return services.campaign_close(campaign=obj, user=self.request.user)
