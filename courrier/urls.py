from django.urls import path

from courrier import urls_mandates
from courrier.views import access, contacts, home, items, search

app_name = "courrier"

urlpatterns = [
    path("", home.index, name="index"),
    path("registre/", items.ItemListView.as_view(), name="item_list"),
    path("recherche/", search.mail_search, name="search"),
    path("registre/enregistrer/", items.ItemEditView.as_view(), name="item_register"),
    path("registre/<int:pk>/", items.ItemDetailView.as_view(), name="item_detail"),
    path("registre/<int:pk>/modifier/", items.ItemEditView.as_view(), name="item_edit"),
    path("registre/<int:pk>/acheminer/", items.ItemRouteView.as_view(), name="item_route"),
    path("registre/<int:pk>/prendre/", items.ItemTakeView.as_view(), name="item_take"),
    path("registre/<int:pk>/repondre/", items.ItemReplyView.as_view(), name="item_reply"),
    path("registre/<int:pk>/joindre/", items.ItemAttachView.as_view(), name="item_attach"),
    path("registre/<int:pk>/fermer/", items.ItemCloseView.as_view(), name="item_close"),
    path("registre/<int:pk>/classer/", items.ItemFileView.as_view(), name="item_file"),
    path("registre/<int:pk>/pieces/<int:attachment_pk>/", items.attachment_download, name="attachment"),
    path("registre/<int:pk>/historique/", items.ItemHistoryView.as_view(), name="item_history"),
    path("contacts/", contacts.ContactListView.as_view(), name="contact_list"),
    path("contacts/ajouter/", contacts.ContactEditView.as_view(), name="contact_create"),
    path("contacts/options/", contacts.contact_options, name="contact_options"),
    path("contacts/<int:pk>/", contacts.ContactDetailView.as_view(), name="contact_detail"),
    path("contacts/<int:pk>/modifier/", contacts.ContactEditView.as_view(), name="contact_edit"),
    path("acces/", access.AccessRequestListView.as_view(), name="access_list"),
    path("acces/rapport/", access.access_report, name="access_report"),
    path("acces/ouvrir/<int:item_pk>/", access.AccessCreateView.as_view(), name="access_create"),
    path("acces/<int:pk>/", access.AccessDetailView.as_view(), name="access_detail"),
    path("acces/<int:pk>/prolonger/", access.AccessExtendView.as_view(), name="access_extend"),
    path("acces/<int:pk>/decision/", access.AccessDecideView.as_view(), name="access_decide"),
    path("acces/<int:pk>/lettre/", access.access_letter_preview, name="access_letter"),
    path("acces/<int:pk>/repondre/", access.AccessAnswerView.as_view(), name="access_answer"),
    path("acces/<int:pk>/fermer/", access.AccessCloseView.as_view(), name="access_close"),
    path("acces/<int:pk>/revision/", access.AccessReviewView.as_view(), name="access_review"),
    path("acces/<int:pk>/historique/", access.AccessHistoryView.as_view(), name="access_history"),
    path("acces/revisions/<int:pk>/", access.ReviewDecideView.as_view(), name="review_decide"),
    *urls_mandates.urlpatterns,
]
