"""Spaces: the list, a space's page, creating and changing one, closing and reopening it; who
reaches which page, and refused forms that change nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from documents.exchange import permissions, services
from documents.exchange.choices import EventAction, MemberAccess
from documents.exchange.models import GIGABYTE, ExchangeEvent, ExchangeSpace
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, stored_pdf
from tests.factories import UserFactory, order

pytestmark = pytest.mark.django_db


def fr(message, **values):
    """The page's words: the French catalogue's when it has them, the English source until then."""
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def space_urls(space):
    return {
        "list": reverse("exchange:space_list"),
        "detail": reverse("exchange:space_detail", args=[space.pk]),
        "members": reverse("exchange:member_list", args=[space.pk]),
    }


def admin_urls(space):
    return [
        reverse("exchange:space_edit", args=[space.pk]),
        reverse("exchange:space_close", args=[space.pk]),
        reverse("exchange:member_create", args=[space.pk]),
    ]


def test_who_reaches_the_pages_of_a_space(
    make_client, space, unit_member, partner, other_partner, other_staff, staff_without_role, organisation_partner
):
    urls = space_urls(space)
    anonymous = make_client()
    for url in [*urls.values(), *admin_urls(space), reverse("exchange:space_create")]:
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/?next="), url
        assert make_client(staff_without_role).get(url).status_code == 403, url
    for person in (unit_member, partner):
        client = make_client(person)
        for url in urls.values():
            assert client.get(url).status_code == 200, (person, url)
    # Another order's user, another unit's staff, an organisation's user: the space does not exist.
    for person in (other_partner, other_staff, organisation_partner):
        client = make_client(person)
        assert client.get(urls["list"]).status_code == 200
        assert escape(space.name) not in client.get(urls["list"]).text
        assert client.get(urls["detail"]).status_code == 404, person
        assert client.get(urls["members"]).status_code == 404, person
        for url in admin_urls(space):
            assert client.get(url).status_code == 404, (person, url)
    # The partner reads and writes, but administers nothing.
    for url in [*admin_urls(space), reverse("exchange:space_create")]:
        assert make_client(partner).get(url).status_code == 403, url
        assert make_client(unit_member).get(url).status_code == 200, url


def test_the_list_shows_each_person_their_spaces(make_client, space, unit_member, partner, exchange_admin):
    other = ExchangeSpaceFactory(name="Échanges avec les ingénieurs", professional_order=order("ingenieurs"))
    partner_page = make_client(partner).get(reverse("exchange:space_list")).text
    assert escape(space.name) in partner_page and escape(other.name) not in partner_page
    assert fr("New exchange space") not in partner_page
    admin_page = make_client(exchange_admin).get(reverse("exchange:space_list")).text
    assert escape(space.name) in admin_page and escape(other.name) in admin_page
    staff_page = make_client(unit_member).get(reverse("exchange:space_list")).text
    assert 'role="progressbar"' in staff_page
    assert fr("%(used)s of %(quota)s", used=filesizeformat(0), quota=filesizeformat(20 * GIGABYTE)) in staff_page


def test_the_list_filters_and_exports(make_client, space, exchange_admin, organisation):
    shared = ExchangeSpaceFactory(name="Échanges du Conseil", professional_order=None, organisation=organisation)
    closed = ExchangeSpaceFactory(name="Ancien espace", is_active=False)
    client = make_client(exchange_admin)
    url = reverse("exchange:space_list")
    page = client.get(url, {"partner": f"organisation-{organisation.pk}"}).text
    assert shared.name in page and escape(space.name) not in page
    page = client.get(url, {"state": "closed"}).text
    assert closed.name in page and escape(space.name) not in page
    page = client.get(url, {"q": "conseil"}).text
    assert shared.name in page and escape(space.name) not in page
    assert client.get(url, {"partner": "order-abc"}).status_code == 200  # a French message, not a 500
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.text
    assert space.name in text and shared.name in text


def test_the_page_of_a_space_shows_its_folders_files_quota_and_members(make_client, space, unit_member, partner):
    folder = FolderFactory(space=space, name="Rapports annuels")
    inner = FolderFactory(space=space, parent=folder, name="2026")
    stored_pdf(space=space, user=unit_member, name="lettre.pdf")
    deleted = stored_pdf(space=space, user=unit_member, name="retire.pdf").shared_file
    deleted.deleted_at = deleted.created_at
    deleted.save()
    stored_pdf(space=space, folder=folder, user=partner, name="rapport-2026.pdf")
    page = make_client(partner).get(space.get_absolute_url()).text
    assert "Rapports annuels" in page and "lettre.pdf" in page
    assert "retire.pdf" not in page and "rapport-2026.pdf" not in page
    assert reverse("exchange:folder_detail", args=[space.pk, inner.pk]) not in page
    assert 'role="progressbar"' in page
    assert fr("Members") in page
    inside = make_client(partner).get(reverse("exchange:folder_detail", args=[space.pk, folder.pk])).text
    assert "rapport-2026.pdf" in inside and "lettre.pdf" not in inside
    assert reverse("exchange:folder_detail", args=[space.pk, inner.pk]) in inside
    assert reverse("exchange:space_detail", args=[space.pk]) in inside  # the breadcrumb


def test_only_writers_get_the_upload_zone_and_folder_buttons(make_client, space, unit_member, partner):
    space.members.create(user=partner, access=MemberAccess.READ)
    read_only = make_client(partner).get(space.get_absolute_url()).text
    assert fr("New folder") not in read_only
    writer = make_client(unit_member).get(space.get_absolute_url()).text
    assert fr("New folder") in writer and fr("Change") in writer


def form_data(**overrides):
    data = {
        "name": "Échanges avec les ingénieurs",
        "professional_order": order("ingenieurs").pk,
        "organisation": "",
        "owner_unit": OrgUnit.objects.get(code="daj").pk,
        "description": "",
        "unit_access": MemberAccess.WRITE,
        "partner_access": MemberAccess.WRITE,
        "retention_days": "180",
        "quota_gb": "5",
    }
    return {**data, **overrides}


def test_a_staff_member_creates_a_space_for_their_own_unit(make_client, unit_member, organisation):
    client = make_client(unit_member)
    response = client.post(
        reverse("exchange:space_create"), form_data(owner_unit=OrgUnit.objects.get(code="dcom").pk), follow=True
    )
    assert escape(fr("The space %(name)s is saved.", name="Échanges avec les ingénieurs")) in response.text
    space = ExchangeSpace.objects.get(name="Échanges avec les ingénieurs")
    assert space.owner_unit.code == "daj"  # their own unit, whatever was posted
    assert space.quota_bytes == 5 * GIGABYTE
    assert space.created_by == unit_member
    assert ExchangeEvent.objects.filter(space=space, action=EventAction.SPACE_CREATED, user=unit_member).exists()


def test_the_administrator_chooses_the_unit(make_client, exchange_admin):
    response = make_client(exchange_admin).post(
        reverse("exchange:space_create"), form_data(owner_unit=OrgUnit.objects.get(code="dcom").pk)
    )
    assert response.status_code == 302
    assert ExchangeSpace.objects.get().owner_unit.code == "dcom"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"professional_order": ""}, "Choose the professional order or the partner organisation of the space."),
        ({"organisation": "ORG"}, "A space is shared with one partner: choose an order or an organisation, not both."),
        ({"name": ""}, "Ce champ est obligatoire."),
        ({"retention_days": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        ({"quota_gb": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        ({"quota_gb": "2,5"}, "Saisissez un nombre entier."),
    ],
)
def test_a_refused_space_answers_422_and_creates_nothing(make_client, unit_member, organisation, overrides, message):
    if overrides.get("organisation") == "ORG":
        overrides = {"organisation": organisation.pk}
    response = make_client(unit_member).post(reverse("exchange:space_create"), form_data(**overrides))
    assert response.status_code == 422
    assert escape(fr(message)) in response.text
    assert not ExchangeSpace.objects.exists()
    assert not ExchangeEvent.objects.exists()


def test_a_change_keeps_the_partner_and_is_logged(make_client, space, unit_member):
    url = reverse("exchange:space_edit", args=[space.pk])
    data = form_data(name="Échanges DAJ–OIIQ", professional_order=order("ingenieurs").pk, quota_gb="7")
    response = make_client(unit_member).post(url, data)
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.name == "Échanges DAJ–OIIQ"
    assert space.professional_order.code == "infirmieres"  # the partner field is disabled
    assert space.quota_bytes == 7 * GIGABYTE
    event = ExchangeEvent.objects.get(space=space, action=EventAction.SPACE_CHANGED)
    assert fr("name") in event.detail and fr("quota (bytes)") in event.detail


def test_the_quota_never_drops_below_what_the_space_holds(space, unit_member):
    stored_pdf(space=space, user=unit_member)
    space.refresh_from_db()
    space.quota_bytes = 1
    with pytest.raises(ValidationError) as error:
        services.space_save(space=space, user=unit_member)
    assert "quota_bytes" in error.value.message_dict


def test_the_service_refuses_a_new_partner_and_a_partner_user(space, unit_member, partner):
    space.professional_order = order("ingenieurs")
    with pytest.raises(ValidationError):
        services.space_save(space=space, user=unit_member)
    space.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.space_save(space=space, user=partner)
    with pytest.raises(PermissionDenied):
        services.space_save(space=ExchangeSpace(name="X", professional_order=order()), user=partner)


def test_close_and_reopen(make_client, space, unit_member, partner):
    client = make_client(unit_member)
    assert client.get(reverse("exchange:space_close", args=[space.pk])).status_code == 200
    assert client.post(reverse("exchange:space_close", args=[space.pk])).status_code == 302
    space.refresh_from_db()
    assert not space.is_active
    assert make_client(partner).get(space.get_absolute_url()).status_code == 404
    page = client.get(space.get_absolute_url()).text
    assert escape(fr("Reopen the space")) in page and fr("New folder") not in page
    assert client.post(reverse("exchange:space_reopen", args=[space.pk])).status_code == 302
    space.refresh_from_db()
    assert space.is_active
    assert ExchangeEvent.objects.filter(space=space, action=EventAction.SPACE_CHANGED).count() == 2


def test_another_units_reader_cannot_reopen(space, other_staff):
    space.members.create(user=other_staff, access=MemberAccess.READ)
    space.is_active = False
    space.save()
    assert not permissions.can_reopen(other_staff, space)


def test_the_history_is_the_offices(make_client, space, unit_member, partner):
    url = reverse("exchange:space_history", args=[space.pk])
    assert make_client(unit_member).get(url).status_code == 200
    assert make_client(partner).get(url).status_code == 404


def test_staff_of_another_unit_named_on_the_space_see_it(make_client, space, other_staff):
    space.members.create(user=other_staff, access=MemberAccess.READ)
    assert make_client(other_staff).get(space.get_absolute_url()).status_code == 200


def test_staff_without_a_unit_cannot_create_a_space(make_client):
    person = UserFactory(roles=[Role.STAFF], org_unit=None)
    assert make_client(person).get(reverse("exchange:space_create")).status_code == 403


def test_the_demo_seed_makes_spaces_with_files_once(make_client):
    from documents.exchange.seed import generate
    from opq_intranet.core.seed import generate as accounts

    accounts("demo", print)
    generate("demo", print)
    generate("demo", print)  # idempotent
    assert ExchangeSpace.objects.count() == 4
    council = ExchangeSpace.objects.get(organisation__name="Conseil interprofessionnel du Québec")
    assert council.files.count() == 2 and council.used_bytes > 0
    from opq_intranet.accounts.models import User

    ciq = User.objects.get(username="partenaire.ciq")
    assert ciq.is_partner and ciq.partner_organisation == council.organisation
    client = make_client(ciq)
    assert client.get(reverse("core:portal")).status_code == 200
    page = client.get(reverse("exchange:space_list")).text
    assert escape(council.name) in page and "infirmi" not in page.split("<main", 1)[-1].split("</main>")[0]
    nurses = ExchangeSpace.objects.get(professional_order__code="infirmieres")
    reader = User.objects.get(username="lecteur.infirmieres")
    assert nurses.members.get(user=reader).access == MemberAccess.READ


def test_the_full_seed_gives_every_order_a_space(monkeypatch):
    from documents.exchange import seed
    from opq_intranet.core.models import ProfessionalOrder
    from opq_intranet.core.seed import generate as accounts

    monkeypatch.setattr(seed, "FULL_FILES_PER_SPACE", 2)
    accounts("demo", print)
    seed.generate("full", print)
    orders = ProfessionalOrder.objects.count()
    assert ExchangeSpace.objects.filter(name__startswith="Échanges avec ").count() >= orders
    assert all(space.files.exists() for space in ExchangeSpace.objects.all())
