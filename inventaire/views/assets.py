"""An asset's pages: the list, registering one, its page (with its tag as barcode and QR code,
its holders and its journal), its corrections, its history, and the actions that move its
status (repair, loss, finding it, moving it, disposal): each a page with its form and one service."""

from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inventaire import permissions, selectors, services
from inventaire.choices import AssetStatus
from inventaire.depreciation import book_value
from inventaire.filtersets import AssetFilterSet
from inventaire.forms import AssetForm, DatedNoteForm, DisposeForm, FoundForm, MaintenanceForm, RelocateForm
from inventaire.forms.reports import BookValueDateForm
from inventaire.labels import barcode_svg, qr_svg
from inventaire.models import Asset, Maintenance
from inventaire.tables import AssetTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

HOME = ("inventaire:index", _("Inventory"))
ASSETS = ("inventaire:asset_list", _("Assets"))


class AssetListView(ObjectListView):
    filterset_class = AssetFilterSet
    table_class = AssetTable
    title = _("Assets")
    export_name = "actifs"
    template_name = "inventaire/asset_list.html"
    actions_template = "inventaire/_asset_list_actions.html"

    def get_queryset(self):
        return selectors.assets_for_list(self.request.GET.get("status", ""))


class AssetMixin:
    breadcrumb_home = HOME
    breadcrumb_list = ASSETS
    access_rule = permissions.MANAGE_RULE

    def get_queryset(self):
        return selectors.assets()


def asset_actions(asset):
    """The buttons of an asset's page: only the moves its status allows."""
    if asset.is_disposed:
        return []
    pk, tag = asset.pk, quote(asset.tag)
    actions = [Action(_("Correct"), reverse("inventaire:asset_edit", args=[pk]), "outline-secondary")]
    if services.can_move(asset, AssetStatus.ASSIGNED) and asset.status == AssetStatus.IN_STOCK:
        actions.append(
            Action(_("Check out"), f"{reverse('inventaire:check_out')}?tags={tag}", "primary", "box-arrow-right")
        )
    if asset.status == AssetStatus.ASSIGNED:
        actions.append(
            Action(_("Check in"), f"{reverse('inventaire:check_in')}?tags={tag}", "primary", "box-arrow-in-left")
        )
    if asset.status in (AssetStatus.IN_STOCK, AssetStatus.ASSIGNED):
        actions.append(Action(_("Send to repair"), reverse("inventaire:asset_repair", args=[pk]), icon="tools"))
    if asset.status == AssetStatus.IN_REPAIR:
        actions.append(Action(_("Back from repair"), reverse("inventaire:asset_repaired", args=[pk]), icon="tools"))
    if asset.status == AssetStatus.LOST:
        actions.append(Action(_("Found"), reverse("inventaire:asset_found", args=[pk]), icon="search"))
    else:
        actions.append(Action(_("Move"), reverse("inventaire:asset_relocate", args=[pk]), icon="geo-alt"))
        actions.append(
            Action(_("Report lost"), reverse("inventaire:asset_lost", args=[pk]), "outline-danger", "question-circle")
        )
    actions.append(Action(_("Label (PDF)"), f"{reverse('inventaire:label_sheet')}?tags={tag}", icon="upc"))
    actions.append(Action(_("Maintenance"), reverse("inventaire:maintenance_record", args=[pk]), icon="wrench"))
    if services.can_move(asset, AssetStatus.DISPOSED) and not asset.holder_id:
        actions.append(
            Action(_("Dispose of"), reverse("inventaire:asset_dispose", args=[pk]), "outline-danger", "trash")
        )
    return actions


class AssetDetailView(AssetMixin, ObjectDetailView):
    template_name = "inventaire/asset_detail.html"
    history_url_name = "inventaire:asset_history"

    def get_queryset(self):
        return selectors.assets_for_page()

    def get_actions(self, obj):
        return asset_actions(obj)

    def get_extra_context(self, obj, bound_forms):
        page = selectors.asset_page(obj)
        page["barcode"] = barcode_svg(obj.tag, _("Barcode of %(tag)s") % {"tag": obj.tag})
        page["qr_code"] = qr_svg(obj.tag, _("QR code of %(tag)s") % {"tag": obj.tag})
        value_form = BookValueDateForm(self.request.GET if "on" in self.request.GET else None)
        page["value_form"], page["value_on"] = value_form, value_form.day_or_today()
        page["book_value"] = book_value(obj, page["value_on"])
        return page


class AssetHistoryView(AssetMixin, ObjectHistoryView):
    pass


class AssetCreateView(AssetMixin, ObjectEditView):
    form_class = AssetForm
    title = _("Register an asset")
    submit_label = _("Register the asset")

    def new_object(self):
        return Asset()

    def get_success_message(self, result):
        return _("The asset %(tag)s is registered: stick its label on it.") % {"tag": result.tag}

    def save(self, form, obj):
        return services.asset_register(asset=form.save(commit=False), user=self.request.user)


class AssetEditView(AssetMixin, ObjectEditView):
    form_class = AssetForm
    success_message = _("The asset %(object)s is saved.")

    def get_title(self, obj):
        return _("Correct %(tag)s") % {"tag": obj.tag}

    def save(self, form, obj):
        return services.asset_update(asset=form.save(commit=False), user=self.request.user)


class AssetActionView(AssetMixin, ObjectActionView):
    form_class = DatedNoteForm
    service = None

    def get_title(self, obj):
        return f"{self.title} · {obj.tag}"

    def perform(self, form, obj):
        return self.service(asset=obj, user=self.request.user, **form.cleaned_data)


class AssetRepairView(AssetActionView):
    title = _("Send to repair")
    question = _("Whoever holds it keeps it on their list until it is back.")
    confirm_label = _("Send to repair")
    success_message = _("%(object)s is in repair.")
    service = staticmethod(services.asset_send_to_repair)


class AssetRepairedView(AssetActionView):
    title = _("Back from repair")
    confirm_label = _("Record its return")
    success_message = _("%(object)s is back from repair.")
    service = staticmethod(services.asset_back_from_repair)


class AssetLostView(AssetActionView):
    title = _("Report lost")
    question = _("Its assignment ends: the person who held it no longer answers for it.")
    confirm_label = _("Report lost")
    danger = False
    success_message = _("%(object)s is reported lost.")
    service = staticmethod(services.asset_report_lost)


class AssetFoundView(AssetActionView):
    form_class = FoundForm
    title = _("Found")
    confirm_label = _("Put it back in stock")
    success_message = _("%(object)s is found and back in stock.")
    service = staticmethod(services.asset_found)


class AssetRelocateView(AssetActionView):
    form_class = RelocateForm
    title = _("Move")
    confirm_label = _("Move")
    success_message = _("%(object)s is moved.")
    service = staticmethod(services.asset_relocate)


class AssetDisposeView(AssetActionView):
    form_class = DisposeForm
    title = _("Dispose of")
    question = _("The asset leaves the lists; its record and history are kept.")
    danger = True
    confirm_label = _("Dispose of it")
    success_message = _("%(object)s is disposed of.")
    service = staticmethod(services.asset_dispose)


class MaintenanceRecordView(AssetActionView):
    """A maintenance or a repair of the asset (a warranty claim when under warranty)."""

    form_class = MaintenanceForm
    title = _("Record a maintenance")
    confirm_label = _("Record")
    success_message = _("The maintenance of %(object)s is recorded.")

    def get_form_kwargs(self, obj):
        kwargs = super().get_form_kwargs(obj)
        kwargs["instance"] = Maintenance(asset=obj, on=timezone.localdate())
        return kwargs

    def perform(self, form, obj):
        services.maintenance_record(maintenance=form.save(commit=False), user=self.request.user)
