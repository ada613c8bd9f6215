"""Members: the implicit ones (the unit's staff, the partner's users) and the people named on
the space; administrators add, change and remove them, only staff and this partner's users."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from documents.exchange import services
from documents.exchange.choices import EventAction, MemberAccess
from documents.exchange.models import ExchangeEvent, SpaceMember
from opq_intranet.accounts.roles import Role
from tests.factories import PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db


def fr(message, **values):
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def test_the_members_page_lists_the_implicit_and_named_members(
    make_client, space, unit_member, partner, other_staff, staff_without_role
):
    space.members.create(user=other_staff, access=MemberAccess.READ)
    page = make_client(partner).get(reverse("exchange:member_list", args=[space.pk])).text
    assert unit_member.get_full_name() in page and partner.get_full_name() in page
    assert other_staff.get_full_name() in page
    assert staff_without_role.get_full_name() not in page  # no role: not a member
    assert fr("Add a member") not in page
    assert (
        escape(fr("Add a member"))
        in make_client(unit_member).get(reverse("exchange:member_list", args=[space.pk])).text
    )


def test_an_administrator_names_another_units_staff_member(make_client, space, unit_member, other_staff):
    client = make_client(unit_member)
    assert client.get(reverse("exchange:member_create", args=[space.pk])).status_code == 200
    response = client.post(
        reverse("exchange:member_create", args=[space.pk]), {"user": other_staff.pk, "access": MemberAccess.READ}
    )
    assert response.status_code == 302
    member = SpaceMember.objects.get(space=space, user=other_staff)
    assert member.access == MemberAccess.READ
    assert make_client(other_staff).get(space.get_absolute_url()).status_code == 200
    # Change, then remove.
    edit = reverse("exchange:member_edit", args=[space.pk, member.pk])
    assert client.post(edit, {"user": other_staff.pk, "access": MemberAccess.WRITE}).status_code == 302
    member.refresh_from_db()
    assert member.access == MemberAccess.WRITE
    assert client.post(reverse("exchange:member_remove", args=[space.pk, member.pk])).status_code == 302
    assert not SpaceMember.objects.exists()
    assert make_client(other_staff).get(space.get_absolute_url()).status_code == 404
    actions = list(ExchangeEvent.objects.filter(space=space).values_list("action", flat=True))
    assert actions.count(EventAction.MEMBER_SET) == 2 and EventAction.MEMBER_REMOVED in actions


def test_a_partner_user_is_limited_to_reading(make_client, space, unit_member, partner):
    response = make_client(unit_member).post(
        reverse("exchange:member_create", args=[space.pk]), {"user": partner.pk, "access": MemberAccess.READ}
    )
    assert response.status_code == 302
    page = make_client(partner).get(space.get_absolute_url()).text
    assert fr("New folder") not in page


def test_another_partners_user_is_refused_in_french(
    make_client, space, unit_member, other_partner, organisation_partner
):
    client = make_client(unit_member)
    for person in (other_partner, organisation_partner):
        response = client.post(
            reverse("exchange:member_create", args=[space.pk]), {"user": person.pk, "access": MemberAccess.WRITE}
        )
        assert response.status_code == 422
        message = "A partner user can only be a member of a space of their own order or organisation."
        assert escape(fr(message)) in response.text
    no_role = UserFactory(roles=[])
    response = client.post(
        reverse("exchange:member_create", args=[space.pk]), {"user": no_role.pk, "access": MemberAccess.WRITE}
    )
    assert response.status_code == 422
    assert escape(fr("This person has no role that opens the exchange spaces.")) in response.text
    assert not SpaceMember.objects.exists()
    assert not ExchangeEvent.objects.exists()


def test_only_administrators_manage_members(make_client, space, partner, other_staff):
    colleague = PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("infirmieres"))
    for person in (partner,):
        client = make_client(person)
        assert client.get(reverse("exchange:member_create", args=[space.pk])).status_code == 403
        response = client.post(
            reverse("exchange:member_create", args=[space.pk]), {"user": colleague.pk, "access": MemberAccess.READ}
        )
        assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.member_set(space=space, person=colleague, access=MemberAccess.READ, user=partner)
    space.members.create(user=other_staff, access=MemberAccess.WRITE)  # another unit's writer administers too
    services.member_set(space=space, person=colleague, access=MemberAccess.READ, user=other_staff)
    assert SpaceMember.objects.filter(user=colleague).exists()


def test_a_bad_access_is_refused(space, unit_member, other_staff):
    with pytest.raises(ValidationError):
        services.member_set(space=space, person=other_staff, access="admin", user=unit_member)


def test_it_adds_a_partner_organisation_and_its_users_in_the_admin(make_client, it_admin):
    from opq_intranet.core.models import PartnerOrganisation

    client = make_client(it_admin)
    response = client.post(
        reverse("admin:core_partnerorganisation_add"),
        {"name": "Ministère de la Justice", "email": "echanges@justice.gouv.qc.ca", "is_active": "on"},
    )
    assert response.status_code == 302
    organisation = PartnerOrganisation.objects.get(name="Ministère de la Justice")
    assert client.get(reverse("admin:core_partnerorganisation_changelist")).status_code == 200
    add_page = client.get(reverse("admin:accounts_user_add")).text
    assert 'name="partner_organisation"' in add_page
    person = PartnerFactory(roles=[Role.PARTNER], professional_order=None, partner_organisation=organisation)
    change_page = client.get(reverse("admin:accounts_user_change", args=[person.pk])).text
    assert 'name="partner_organisation"' in change_page and 'name="professional_order"' in change_page
    listing = client.get(
        reverse("admin:accounts_user_changelist"), {"partner_organisation__id__exact": organisation.pk}
    )
    assert person.username in listing.text
