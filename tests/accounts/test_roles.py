"""Roles as groups (data migration), the user model's invariants, permission loading."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from opq_intranet.accounts.models import User, UserKind
from opq_intranet.accounts.roles import PARTNER_ROLES, ROLE_PERMISSIONS, Role
from tests.factories import PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db


def test_every_role_exists_with_its_permissions():
    for role, expected in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=str(role))
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert set(expected) <= granted, role


def test_the_ten_roles_of_the_design():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Personnel",
        "Gestion documentaire",
        "Courrier",
        "Bureau des présidents",
        "Nominations",
        "BDSP analyste",
        "Inventaire",
        "Administrateur TI",
        "Ordre déclarant",
        "Ordre lecteur",
    } <= names


def test_partner_roles_never_open_the_staff_intranet():
    for role in PARTNER_ROLES:
        assert "accounts.access_intranet" not in ROLE_PERMISSIONS[role]
        assert ROLE_PERMISSIONS[role] == ["accounts.access_portal"]


def test_a_partner_needs_an_order():
    user = User(username="sans-ordre", kind=UserKind.PARTNER)
    with pytest.raises(ValidationError):
        user.full_clean()
    with pytest.raises(IntegrityError):
        user.save()


def test_a_partner_cannot_be_given_admin_rights():
    partner = PartnerFactory()
    partner.is_staff = True
    with pytest.raises(IntegrityError):
        partner.save()


def test_staff_have_no_order():
    with pytest.raises(IntegrityError):
        UserFactory(professional_order=order("barreau"))


def test_emails_are_unique_whatever_the_case():
    UserFactory(email="Marie@Example.qc.ca")
    with pytest.raises(IntegrityError):
        UserFactory(email="marie@example.qc.ca")


def test_permissions_come_from_roles_and_direct_grants_in_one_query(django_assert_num_queries):
    user = UserFactory(roles=[Role.MAIL])
    user.user_permissions.add(Permission.objects.get(codename="access_inventaire"))
    user = User.objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert user.has_perm("accounts.access_courrier")
        assert user.has_perm("accounts.access_inventaire")
        assert not user.has_perm("accounts.access_bdsp")


def test_inactive_accounts_have_no_permission():
    user = UserFactory(roles=[Role.MAIL], is_active=False)
    assert not user.has_perm("accounts.access_courrier")


def test_superuser_has_every_permission():
    user = UserFactory(is_superuser=True, is_staff=True)
    assert user.has_perm("accounts.access_bdsp")
