"""Share and drop links, the member's side: who creates, lists and revokes them; the form's
rules (expiry within the Office's maximum, a drop link to a folder only), refused forms in 422
that create nothing; the secret shown once and stored as its digest only."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import check_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind, LinkState, MemberAccess
from documents.exchange.models import ExchangeEvent, ShareLink
from documents.exchange.services.links import link_state
from tests.exchange.factories import FolderFactory, SpaceMemberFactory, stored_pdf

pytestmark = pytest.mark.django_db


def fr(message, **values):
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


def new_link(space, user, **options):
    values = {"kind": LinkKind.DOWNLOAD, "expires_on": in_days(7), "label": "Me Tremblay", **options}
    return services.link_create(space=space, user=user, **values)


def form_data(**values):
    return {"kind": "download", "label": "Me Tremblay", "expires_on": in_days(7).isoformat(), **values}


@pytest.fixture
def shared_file(space, unit_member):
    return stored_pdf(space=space, user=unit_member, name="avis-juridique.pdf").shared_file


def test_a_link_keeps_only_the_digest_of_its_secret_and_the_hash_of_its_password(space, unit_member, shared_file):
    link, secret = new_link(space, unit_member, shared_file=shared_file, password="s3cret-mot", max_downloads=2)
    assert len(secret) >= 43
    assert link.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in link.password_hash and "s3cret-mot" not in link.password_hash
    assert check_password("s3cret-mot", link.password_hash)
    # It works through the whole chosen day, Québec time.
    assert timezone.localtime(link.expires_at).date() == in_days(8)
    assert timezone.localtime(link.expires_at).hour == 0
    event = ExchangeEvent.objects.get(action=EventAction.LINK_CREATED)
    assert (event.user, event.link, event.shared_file) == (unit_member, link, shared_file)
    assert link_state(link) == LinkState.ACTIVE


@override_settings(EXCHANGE_LINK_MAX_DAYS=30)
def test_the_expiry_is_mandatory_within_the_offices_maximum(space, unit_member):
    link, _secret = new_link(space, unit_member, expires_on=in_days(30))
    assert link.pk
    for day in (in_days(31), in_days(-1)):
        with pytest.raises(ValidationError):
            new_link(space, unit_member, expires_on=day)
    assert ShareLink.objects.count() == 1


def test_a_drop_link_goes_to_a_folder_never_to_a_file_and_has_no_limit(space, unit_member, shared_file):
    folder = FolderFactory(space=space, name="Réponses")
    link, _secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    assert (link.folder, link.shared_file, link.max_downloads) == (folder, None, None)
    with pytest.raises(ValidationError):
        new_link(space, unit_member, kind=LinkKind.DROP, shared_file=shared_file)
    with pytest.raises(ValidationError):
        new_link(space, unit_member, kind=LinkKind.DROP, folder=folder, max_downloads=3)


def test_only_the_offices_read_write_members_share(space, unit_member, partner, other_staff, shared_file):
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    for person in (partner, other_staff):
        with pytest.raises(PermissionDenied):
            new_link(space, person, shared_file=shared_file)
    assert not ShareLink.objects.exists()


def test_revoking_stops_the_link_and_is_logged(space, unit_member, shared_file):
    link, _secret = new_link(space, unit_member, shared_file=shared_file)
    services.link_revoke(link=link, user=unit_member)
    link.refresh_from_db()
    assert link_state(link) == LinkState.REVOKED
    assert link.revoked_by == unit_member
    assert ExchangeEvent.objects.filter(action=EventAction.LINK_REVOKED, link=link, user=unit_member).exists()
    with pytest.raises(ValidationError):
        services.link_revoke(link=link, user=unit_member)


def test_states_expired_and_used_up(space, unit_member, shared_file):
    link, _secret = new_link(space, unit_member, shared_file=shared_file, max_downloads=2)
    link.download_count = 2
    assert link_state(link) == LinkState.USED_UP
    link.download_count = 0
    assert link_state(link, now=link.expires_at + timedelta(seconds=1)) == LinkState.EXPIRED


# --- Pages ---------------------------------------------------------------------------------


def test_who_reaches_the_link_pages(
    make_client, space, unit_member, partner, other_partner, other_staff, staff_without_role, shared_file
):
    link, _secret = new_link(space, unit_member, shared_file=shared_file)
    urls = [
        reverse("exchange:link_list", args=[space.pk]),
        reverse("exchange:link_create", args=[space.pk]) + f"?file={shared_file.pk}",
        reverse("exchange:link_revoke", args=[space.pk, link.pk]),
    ]
    for url in urls:
        anonymous = make_client().get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/connexion/?next="), url
        assert make_client(staff_without_role).get(url).status_code == 403, url
        assert make_client(unit_member).get(url).status_code == 200, url
        # The space's partner: links are the Office's decision.
        assert make_client(partner).get(url).status_code == 403, url
        # Another order's user, another unit's staff: the space does not exist for them.
        assert make_client(other_partner).get(url).status_code == 404, url
        assert make_client(other_staff).get(url).status_code == 404, url


def test_a_reader_sees_the_list_but_neither_creates_nor_revokes(make_client, space, unit_member, other_staff):
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    link, _secret = new_link(space, unit_member)
    client = make_client(other_staff)
    page = client.get(reverse("exchange:link_list", args=[space.pk]))
    assert page.status_code == 200
    assert reverse("exchange:link_revoke", args=[space.pk, link.pk]) not in page.text
    assert client.get(reverse("exchange:link_create", args=[space.pk])).status_code == 403
    assert client.post(reverse("exchange:link_create", args=[space.pk]), form_data()).status_code == 403
    assert client.post(reverse("exchange:link_revoke", args=[space.pk, link.pk])).status_code == 403
    assert ShareLink.objects.count() == 1 and ShareLink.objects.get().revoked_at is None


def test_another_spaces_ids_answer_404(make_client, space, unit_member, other_partner, shared_file):
    from opq_intranet.core.models import OrgUnit
    from tests.exchange.factories import ExchangeSpaceFactory
    from tests.factories import order

    # Another space of the same unit (the member is in both) and one of another unit.
    second = ExchangeSpaceFactory(professional_order=order("ingenieurs"))
    elsewhere = ExchangeSpaceFactory(owner_unit=OrgUnit.objects.get(code="dcom"))
    link, _secret = new_link(space, unit_member, shared_file=shared_file)
    client = make_client(unit_member)
    # This space's file or link named under another space's URL: not there.
    create = reverse("exchange:link_create", args=[second.pk])
    assert client.get(create + f"?file={shared_file.pk}").status_code == 404
    assert client.post(create + f"?file={shared_file.pk}", form_data()).status_code == 404
    assert client.get(reverse("exchange:link_revoke", args=[second.pk, link.pk])).status_code == 404
    assert client.get(reverse("exchange:link_list", args=[elsewhere.pk])).status_code == 404
    other_client = make_client(other_partner)
    assert other_client.post(reverse("exchange:link_create", args=[space.pk]), form_data()).status_code == 404
    assert other_client.post(reverse("exchange:link_revoke", args=[space.pk, link.pk])).status_code == 404
    assert ShareLink.objects.count() == 1 and ShareLink.objects.get().revoked_at is None


def test_creating_a_link_shows_its_url_once(make_client, space, unit_member, shared_file):
    client = make_client(unit_member)
    url = reverse("exchange:link_create", args=[space.pk]) + f"?file={shared_file.pk}"
    page = client.get(url)
    assert "avis-juridique.pdf" in page.text
    response = client.post(url, form_data(password="", max_downloads="2"), follow=True)
    assert response.status_code == 200
    link = ShareLink.objects.get()
    assert (link.shared_file, link.max_downloads, link.created_by) == (shared_file, 2, unit_member)
    shown = response.context["new_link"]["url"]
    secret = shown.rstrip("/").rsplit("/", 1)[1]
    assert shown == f"http://testserver/partage/{secret}/"
    assert hashlib.sha256(secret.encode()).hexdigest() == link.digest
    assert shown in response.text
    # Never again.
    assert secret not in client.get(reverse("exchange:link_list", args=[space.pk])).text


@override_settings(EXCHANGE_LINK_MAX_DAYS=30)
def test_an_expiry_past_the_maximum_is_refused_in_422_and_creates_nothing(make_client, space, unit_member):
    client = make_client(unit_member)
    url = reverse("exchange:link_create", args=[space.pk])
    response = client.post(url, form_data(expires_on=in_days(31).isoformat()))
    assert response.status_code == 422
    message = fr(
        "A link lasts at most %(days)s days: choose a date up to %(date)s.", days=30, date=in_days(30).isoformat()
    )
    assert message in response.content.decode()
    for refused in (
        form_data(expires_on=""),
        form_data(expires_on=in_days(-1).isoformat()),
        form_data(password="court"),
        form_data(kind="drop", max_downloads="3"),
        form_data(label=""),
    ):
        assert client.post(url, refused).status_code == 422, refused
    assert not ShareLink.objects.exists()
    assert not ExchangeEvent.objects.filter(action=EventAction.LINK_CREATED).exists()


def test_a_file_page_offers_no_drop_link(make_client, space, unit_member, shared_file):
    client = make_client(unit_member)
    url = reverse("exchange:link_create", args=[space.pk]) + f"?file={shared_file.pk}"
    assert client.post(url, form_data(kind="drop")).status_code == 422
    assert not ShareLink.objects.exists()


def test_a_drop_link_to_a_folder_from_the_form(make_client, space, unit_member):
    folder = FolderFactory(space=space, name="Réponses")
    client = make_client(unit_member)
    url = reverse("exchange:link_create", args=[space.pk]) + f"?folder={folder.pk}"
    assert client.post(url, form_data(kind="drop", password="un-long-mot")).status_code == 302
    link = ShareLink.objects.get()
    assert (link.kind, link.folder, link.has_password) == (LinkKind.DROP, folder, True)


def test_revoking_from_the_list(make_client, space, unit_member, shared_file):
    link, _secret = new_link(space, unit_member, shared_file=shared_file)
    client = make_client(unit_member)
    revoke = reverse("exchange:link_revoke", args=[space.pk, link.pk])
    assert revoke in client.get(reverse("exchange:link_list", args=[space.pk])).text
    assert client.post(revoke).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    # Once revoked, again: refused with the reason, nothing changes.
    response = client.post(revoke)
    assert response.status_code == 422
    assert fr("This link is already revoked.") in response.content.decode()
    assert ExchangeEvent.objects.filter(action=EventAction.LINK_REVOKED).count() == 1


def test_the_list_costs_the_same_with_10_or_100_links(assert_constant_queries, make_client, space, unit_member):
    folder = FolderFactory(space=space, name="Pièces")
    file_ = stored_pdf(space=space, user=unit_member, folder=folder).shared_file
    client = make_client(unit_member)

    def make_rows(total):
        for index in range(total - ShareLink.objects.count()):
            target = {"shared_file": file_} if index % 2 else {"folder": folder}
            link, _secret = new_link(space, unit_member, **target, max_downloads=3 if index % 2 else None)
            if index % 3 == 0:
                services.link_revoke(link=link, user=unit_member)

    assert_constant_queries(
        "exchange:link_list", client, reverse("exchange:link_list", args=[space.pk]), make_rows, per_page=False
    )
