"""Folders: writers create, rename and delete them (an empty one only); readers and other
partners cannot; every refusal is in French and changes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from documents.exchange.choices import EventAction, MemberAccess
from documents.exchange.models import ExchangeEvent, Folder
from tests.exchange.factories import FolderFactory, stored_pdf

pytestmark = pytest.mark.django_db


def fr(message, **values):
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def test_a_writer_creates_a_folder_and_a_subfolder(make_client, space, partner):
    client = make_client(partner)
    response = client.post(reverse("exchange:folder_create", args=[space.pk]), {"name": "  Rapports   2026 "})
    folder = Folder.objects.get()
    assert response.status_code == 302 and response["Location"] == folder.get_absolute_url()
    assert folder.name == "Rapports 2026" and folder.created_by == partner and folder.parent is None
    url = reverse("exchange:folder_create", args=[space.pk]) + f"?parent={folder.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Annexes"})
    inner = Folder.objects.get(name="Annexes")
    assert inner.parent == folder
    assert response["Location"] == inner.get_absolute_url()  # the new folder opens
    assert ExchangeEvent.objects.filter(space=space, action=EventAction.FOLDER_CREATED).count() == 2


def test_a_refused_folder_answers_422_and_creates_nothing(make_client, space, unit_member):
    FolderFactory(space=space, name="Rapports")
    client = make_client(unit_member)
    url = reverse("exchange:folder_create", args=[space.pk])
    for name, message in [
        ("Rapports", "A folder of this name already exists here."),
        ("", "Ce champ est obligatoire."),
        ("..", "Choose another name for the folder."),
    ]:
        response = client.post(url, {"name": name})
        assert response.status_code == 422, name
        assert escape(fr(message)) in response.text, name
    assert Folder.objects.count() == 1
    assert not ExchangeEvent.objects.filter(action=EventAction.FOLDER_CREATED).exists()


def test_a_parent_of_another_space_is_404(make_client, space, unit_member):
    from tests.exchange.factories import ExchangeSpaceFactory

    elsewhere = FolderFactory(space=ExchangeSpaceFactory())
    url = reverse("exchange:folder_create", args=[space.pk]) + f"?parent={elsewhere.pk}"
    assert make_client(unit_member).get(url).status_code == 404
    assert (
        make_client(unit_member).get(reverse("exchange:folder_detail", args=[space.pk, elsewhere.pk])).status_code
        == 404
    )


def test_readers_and_other_partners_cannot_touch_folders(make_client, space, partner, other_partner):
    folder = FolderFactory(space=space, name="Rapports")
    space.members.create(user=partner, access=MemberAccess.READ)
    urls = [
        reverse("exchange:folder_create", args=[space.pk]),
        reverse("exchange:folder_rename", args=[space.pk, folder.pk]),
        reverse("exchange:folder_delete", args=[space.pk, folder.pk]),
    ]
    for url in urls:
        assert make_client(partner).get(url).status_code == 403, url
        assert make_client(partner).post(url, {"name": "X"}).status_code == 403, url
        assert make_client(other_partner).get(url).status_code == 404, url
        assert make_client(other_partner).post(url, {"name": "X"}).status_code == 404, url
    assert make_client(partner).get(reverse("exchange:folder_detail", args=[space.pk, folder.pk])).status_code == 200
    assert list(Folder.objects.values_list("name", flat=True)) == ["Rapports"]


def test_rename(make_client, space, unit_member):
    folder = FolderFactory(space=space, name="Rapports")
    response = make_client(unit_member).post(
        reverse("exchange:folder_rename", args=[space.pk, folder.pk]), {"name": "Rapports annuels"}
    )
    assert response.status_code == 302
    folder.refresh_from_db()
    assert folder.name == "Rapports annuels"


def test_only_an_empty_folder_is_deleted(make_client, space, unit_member):
    folder = FolderFactory(space=space, name="Rapports")
    inner = FolderFactory(space=space, parent=folder, name="2026")
    client = make_client(unit_member)
    delete = reverse("exchange:folder_delete", args=[space.pk, folder.pk])
    response = client.post(delete)
    assert response.status_code == 422
    assert escape(fr("The folder still holds folders: delete or empty them first.")) in response.text
    version = stored_pdf(space=space, folder=inner, user=unit_member)
    response = client.post(reverse("exchange:folder_delete", args=[space.pk, inner.pk]))
    assert response.status_code == 422
    assert escape(fr("The folder still holds files: delete them or move them first.")) in response.text
    assert Folder.objects.count() == 2
    # A deleted file does not keep the folder: it moves up, its trail kept.
    shared = version.shared_file
    shared.deleted_at = timezone.now()
    shared.save()
    response = client.post(reverse("exchange:folder_delete", args=[space.pk, inner.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:folder_detail", args=[space.pk, folder.pk])
    shared.refresh_from_db()
    assert shared.folder == folder
    assert client.post(delete).status_code == 302
    assert not Folder.objects.exists()
    assert ExchangeEvent.objects.filter(space=space, action=EventAction.FOLDER_DELETED).count() == 2


def test_a_folder_with_an_open_link_is_kept(make_client, space, unit_member):
    from datetime import timedelta

    from documents.exchange.models import ShareLink

    folder = FolderFactory(space=space, name="Dépôt")
    ShareLink.objects.create(
        space=space,
        folder=folder,
        digest="a" * 64,
        expires_at=timezone.now() + timedelta(days=3),
        created_by=unit_member,
    )
    response = make_client(unit_member).post(reverse("exchange:folder_delete", args=[space.pk, folder.pk]))
    assert response.status_code == 422
    assert escape(fr("A share link still opens this folder: revoke it first.")) in response.text
    assert Folder.objects.filter(pk=folder.pk).exists()
