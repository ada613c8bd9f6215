"""The categories and locations: lists, pages (with their current assets), forms, history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inventaire import permissions, selectors, services
from inventaire.filtersets import CategoryFilterSet, LocationFilterSet
from inventaire.forms import CategoryForm, LocationForm
from inventaire.models import Category, Location
from inventaire.tables import CategoryTable, LocationTable
from inventaire.views.assets import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import Action, ObjectDetailView, ObjectEditView, ObjectHistoryView

CATEGORIES = ("inventaire:category_list", _("Categories"))
LOCATIONS = ("inventaire:location_list", _("Locations"))


class CatalogueListView(ObjectListView):
    template_name = "inventaire/catalogue_list.html"
    actions_template = "inventaire/_catalogue_list_actions.html"
    create_url_name = ""
    create_label = ""
    tab = ""


class CategoryMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = CATEGORIES

    def get_queryset(self):
        return selectors.categories()


class CategoryListView(CatalogueListView):
    filterset_class = CategoryFilterSet
    table_class = CategoryTable
    title = _("Categories")
    export_name = "categories-actifs"
    create_url_name = "inventaire:category_create"
    create_label = _("New category")
    tab = "categories"

    def get_queryset(self):
        return selectors.categories()


class CategoryDetailView(CategoryMixin, ObjectDetailView):
    template_name = "inventaire/category_detail.html"
    history_url_name = "inventaire:category_history"

    def get_actions(self, obj):
        return [Action(_("Change"), reverse("inventaire:category_edit", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        url = f"{reverse('inventaire:asset_list')}?category={obj.pk}"
        return {"assets": selectors.assets_in(category=obj), "asset_list_url": url}


class CategoryHistoryView(CategoryMixin, ObjectHistoryView):
    pass


class CategoryEditView(CategoryMixin, ObjectEditView):
    form_class = CategoryForm
    success_message = _("The category %(object)s is saved.")
    title = _("Category")

    def new_object(self):
        return Category()

    def save(self, form, obj):
        return services.category_save(category=form.save(commit=False), user=self.request.user)


class LocationMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = LOCATIONS

    def get_queryset(self):
        return selectors.locations()


class LocationListView(CatalogueListView):
    filterset_class = LocationFilterSet
    table_class = LocationTable
    title = _("Locations")
    export_name = "emplacements"
    create_url_name = "inventaire:location_create"
    create_label = _("New location")
    tab = "locations"

    def get_queryset(self):
        return selectors.locations()


class LocationDetailView(LocationMixin, ObjectDetailView):
    template_name = "inventaire/location_detail.html"
    history_url_name = "inventaire:location_history"

    def get_actions(self, obj):
        return [Action(_("Change"), reverse("inventaire:location_edit", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        url = f"{reverse('inventaire:asset_list')}?location={obj.pk}"
        return {"assets": selectors.assets_in(location=obj), "asset_list_url": url}


class LocationHistoryView(LocationMixin, ObjectHistoryView):
    pass


class LocationEditView(LocationMixin, ObjectEditView):
    form_class = LocationForm
    success_message = _("The location %(object)s is saved.")
    title = _("Location")

    def new_object(self):
        return Location()

    def save(self, form, obj):
        return services.location_save(location=form.save(commit=False), user=self.request.user)
