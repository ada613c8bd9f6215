from django.urls import path

from inventaire.views import (
    assets,
    assignments,
    campaigns,
    catalogue,
    equipment,
    home,
    imports,
    labels,
    licences,
    reports,
)

app_name = "inventaire"

urlpatterns = [
    path("", home.index, name="index"),
    # Assets
    path("actifs/", assets.AssetListView.as_view(), name="asset_list"),
    path("actifs/ajouter/", assets.AssetCreateView.as_view(), name="asset_create"),
    path("actifs/etiquettes/", labels.label_sheet, name="label_sheet"),
    path("actifs/importer/", imports.import_assets, name="asset_import"),
    path("actifs/importer/modele.xlsx", imports.asset_import_template, name="asset_import_template"),
    path("actifs/<int:pk>/", assets.AssetDetailView.as_view(), name="asset_detail"),
    path("actifs/<int:pk>/modifier/", assets.AssetEditView.as_view(), name="asset_edit"),
    path("actifs/<int:pk>/historique/", assets.AssetHistoryView.as_view(), name="asset_history"),
    path("actifs/<int:pk>/reparation/", assets.AssetRepairView.as_view(), name="asset_repair"),
    path("actifs/<int:pk>/retour-de-reparation/", assets.AssetRepairedView.as_view(), name="asset_repaired"),
    path("actifs/<int:pk>/perte/", assets.AssetLostView.as_view(), name="asset_lost"),
    path("actifs/<int:pk>/retrouve/", assets.AssetFoundView.as_view(), name="asset_found"),
    path("actifs/<int:pk>/deplacer/", assets.AssetRelocateView.as_view(), name="asset_relocate"),
    path("actifs/<int:pk>/disposition/", assets.AssetDisposeView.as_view(), name="asset_dispose"),
    path("actifs/<int:pk>/entretien/", assets.MaintenanceRecordView.as_view(), name="maintenance_record"),
    # Assignments
    path("sorties/", assignments.CheckOutView.as_view(), name="check_out"),
    path("retours/", assignments.CheckInView.as_view(), name="check_in"),
    path("personnes/<int:pk>/", assignments.person_equipment, name="person_equipment"),
    # Stock-taking campaigns
    path("inventaires/", campaigns.CampaignListView.as_view(), name="campaign_list"),
    path("inventaires/ouvrir/", campaigns.CampaignOpenView.as_view(), name="campaign_open"),
    path("inventaires/<int:pk>/", campaigns.CampaignDetailView.as_view(), name="campaign_detail"),
    path("inventaires/<int:pk>/lecture/", campaigns.campaign_scan, name="campaign_scan"),
    path("inventaires/<int:pk>/corriger/", campaigns.CampaignFixView.as_view(), name="campaign_fix"),
    path("inventaires/<int:pk>/fermer/", campaigns.CampaignCloseView.as_view(), name="campaign_close"),
    path("inventaires/<int:pk>/historique/", campaigns.CampaignHistoryView.as_view(), name="campaign_history"),
    # Software licences
    path("licences/", licences.LicenceListView.as_view(), name="licence_list"),
    path("licences/ajouter/", licences.LicenceEditView.as_view(), name="licence_create"),
    path("licences/<int:pk>/", licences.LicenceDetailView.as_view(), name="licence_detail"),
    path("licences/<int:pk>/modifier/", licences.LicenceEditView.as_view(), name="licence_edit"),
    path("licences/<int:pk>/historique/", licences.LicenceHistoryView.as_view(), name="licence_history"),
    path("licences/<int:pk>/postes/", licences.SeatAssignView.as_view(), name="seat_assign"),
    path("licences/<int:pk>/postes/<int:seat_pk>/liberer/", licences.SeatReleaseView.as_view(), name="seat_release"),
    # Reports
    path("rapports/amortissement/", reports.depreciation, name="depreciation"),
    # Mon équipement (every staff member)
    path("mon-equipement/", equipment.my_equipment, name="my_equipment"),
    path("mon-equipement/confirmer/", equipment.confirm, name="my_equipment_confirm"),
    path("mon-equipement/remises/<int:pk>/accuser-reception/", equipment.acknowledge, name="handover_acknowledge"),
    path("mon-equipement/<int:pk>/", equipment.my_asset, name="my_asset"),
    # Categories and locations
    path("categories/", catalogue.CategoryListView.as_view(), name="category_list"),
    path("categories/ajouter/", catalogue.CategoryEditView.as_view(), name="category_create"),
    path("categories/<int:pk>/", catalogue.CategoryDetailView.as_view(), name="category_detail"),
    path("categories/<int:pk>/modifier/", catalogue.CategoryEditView.as_view(), name="category_edit"),
    path("categories/<int:pk>/historique/", catalogue.CategoryHistoryView.as_view(), name="category_history"),
    path("emplacements/", catalogue.LocationListView.as_view(), name="location_list"),
    path("emplacements/ajouter/", catalogue.LocationEditView.as_view(), name="location_create"),
    path("emplacements/<int:pk>/", catalogue.LocationDetailView.as_view(), name="location_detail"),
    path("emplacements/<int:pk>/modifier/", catalogue.LocationEditView.as_view(), name="location_edit"),
    path("emplacements/<int:pk>/historique/", catalogue.LocationHistoryView.as_view(), name="location_history"),
]
