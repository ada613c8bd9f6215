"""The access matrix: every URL of the project, for every kind of user.

The expected audience of each URL is listed here by hand, independently of the policy code,
so that a view that forgets to declare itself (or declares too much) fails this test.
"""

import pytest
from django.urls import reverse

from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory
from tests.urlwalk import all_routes

PUBLIC = {
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "core:healthz",
    "set_language",
}
# The steps of signing in and out: open before the second factor.
SIGN_IN = {
    "accounts:after_login",
    "accounts:logout",
    "accounts:otp_setup",
    "accounts:otp_verify",
    "accounts:otp_enrolment_link",
}
# The person's own account: behind the second factor for those who have one to pass.
OWN_ACCOUNT = {
    "accounts:profile",
    "accounts:no_app",
    "accounts:password_change",
    "accounts:password_change_done",
}
ACCOUNT = SIGN_IN | OWN_ACCOUNT
ANY_USER = {"core:private_file"}
# The orders' API authenticates by token in its views (never by session or redirect).
API_DESCRIPTION = {"bdsp_api:schema", "bdsp_api:documentation"}  # no data: public
API = {r.name for r in all_routes() if r.namespace == "bdsp_api" and r.name not in API_DESCRIPTION}
PUBLIC |= API_DESCRIPTION
PORTAL = {"core:portal"} | {r.name for r in all_routes() if r.namespace == "bdsp_portal"}
# Exchange spaces: the same pages for the partners (of an order or an organisation) and the
# staff who use them; each sees only their spaces (the selectors: 404 on another's ids).
EXCHANGE = {r.name for r in all_routes() if r.namespace == "exchange"}
PORTAL |= EXCHANGE
# Share and drop links: for people without an account, the link's secret being the key.
SHARE = {r.name for r in all_routes() if r.namespace == "share"}
# A chair's calendar feed: fetched by calendar applications, its secret being the key (404
# to any other secret, with no referrer sent: tests/discipline/test_calendar_pages.py).
FEEDS = {"discipline:chair_feed"}
# URLs that are actions rather than pages (POST only, or redirects), for a signed-in person.
# (Django's autocomplete refuses a request that names no field: 403 by design.)
NOT_A_PAGE = {"admin:login": 302, "admin:logout": 405, "admin:autocomplete": 403, "bdsp:year_create": 405}
# The API token page is the order's déclarants' only: staff are never given a token.
NOT_A_PAGE |= {
    "admin:bdsp_apitoken_add": 403,
    "bdsp_portal:api_token": 403,
    "bdsp_portal:api_token_renew": 405,
    "bdsp_portal:api_token_revoke": 405,
}
# Classes are added on the plan's pages, which keep the tree's paths.
NOT_A_PAGE |= {
    "admin:documents_recordclass_add": 403,
}
# Disposition lists and the "generate" action are POST only.
NOT_A_PAGE |= {"documents:disposition_generate": 405}
# Paper records: the actions of the box and loan pages are POST only; storage spaces are
# retired, never deleted.
NOT_A_PAGE |= {
    "documents:box_add_file": 405,
    "documents:file_take_out": 405,
    "documents:loan_return": 405,
    "documents:loan_extend": 405,
    "admin:documents_storagespace_delete": 403,
}
# Mandates: status moves, notes and links are POST only; the admin neither adds a mandate
# (numbered by its service) nor deletes one.
NOT_A_PAGE |= {
    "courrier:mandate_status": 405,
    "courrier:mandate_note": 405,
    "courrier:mandate_links": 405,
    "admin:courrier_mandate_add": 403,
    "admin:courrier_mandate_delete": 403,
}
# The mail pages' actions are POST only; contacts are deactivated, never deleted.
NOT_A_PAGE |= {
    f"courrier:{name}": 405
    for name in (
        "item_route", "item_take", "item_reply", "item_attach", "item_close", "item_file",
        "access_extend", "access_decide", "access_answer", "access_close", "access_review", "review_decide",
    )
}  # fmt: skip
NOT_A_PAGE |= {"admin:courrier_contact_delete": 403}
# The disciplinary directory is deactivated, never deleted (its cases point to it).
NOT_A_PAGE |= {f"admin:discipline_{model}_delete": 403 for model in ("council", "chair", "councilmember")}
# Mon équipement's actions are POST only; the inventory's categories and rooms are deactivated.
NOT_A_PAGE |= {"inventaire:my_equipment_confirm": 405, "inventaire:handover_acknowledge": 405}
NOT_A_PAGE |= {"inventaire:seat_assign": 405, "inventaire:seat_release": 405}
NOT_A_PAGE |= {f"admin:inventaire_{model}_delete": 403 for model in ("category", "location", "licence")}
# Administrateurs: proposing from the matching, a meeting's attendance grid and a candidate's
# declarations are POSTs from their pages.
NOT_A_PAGE |= {"administrateurs:matching_propose": 405, "administrateurs:meeting_attendance": 405}
NOT_A_PAGE |= {
    f"administrateurs:candidate_{name}": 405
    for name in (
        "link_add", "link_remove", "preference_add", "preference_remove", "preference_move", "document_add",
    )
}  # fmt: skip
# Reference data's import (django-import-export): the confirmation step is POST only.
NOT_A_PAGE |= {
    f"admin:{model}_process_import": 405
    for model in ("core_professionalorder", "core_orgunit", "accounts_user", "courrier_contact")
}
# Records the system keeps (sequences, files, access logs, login attempts, history) are never
# added or deleted by hand, not even by a superuser: the admin itself refuses with 403.
READ_ONLY_ADMIN = (
    "core_numbersequence",
    "core_privatefile",
    "core_confidentialaccess",
    "core_scheduledrun",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "pghistory_events",
    "bdsp_annualreturn",
    "bdsp_returnvalue",
    "documents_recordfile",
    "documents_dispositionlist",
    "documents_record",
    "documents_legalhold",
    "documents_box",
    "courrier_mailitem",
    "courrier_accessrequest",
    "documents_paperloan",
    "discipline_case",
    "discipline_hearing",
    "discipline_decision",
    "discipline_appeal",
    "inventaire_asset",
    "inventaire_handover",
    "administrateurs_candidate",
    "administrateurs_purgelog",
    "administrateurs_body",
    "administrateurs_term",
    "administrateurs_appointmentdecision",
    "administrateurs_proposal",
    "administrateurs_obligation",
    "administrateurs_trainingsession",
    "administrateurs_meeting",
    "administrateurs_allowancerate",
)
NOT_A_PAGE |= {f"admin:{model}_{action}": 403 for model in READ_ONLY_ADMIN for action in ("add", "delete")}

ROUTES = all_routes()
STAFF_ROUTES = [
    r
    for r in ROUTES
    if r.name not in PUBLIC | ACCOUNT | ANY_USER | PORTAL | API | SHARE | FEEDS and r.namespace != "admin"
]
ADMIN_ROUTES = [r for r in ROUTES if r.namespace == "admin"]
PORTAL_ROUTES = [r for r in ROUTES if r.name in PORTAL]
NON_PUBLIC = [r for r in ROUTES if r.name not in PUBLIC | API | SHARE | FEEDS]
EXCHANGE_ROUTES = [r for r in ROUTES if r.name in EXCHANGE]
SHARE_ROUTES = [r for r in ROUTES if r.name in SHARE]


def ids(routes):
    return [r.path for r in routes]


def test_the_matrix_covers_every_app():
    namespaces = {r.namespace for r in ROUTES}
    assert {"accounts", "core", "admin", "bdsp", "discipline", "administrateurs", "documents"} <= namespaces
    assert {"courrier", "inventaire"} <= namespaces
    assert len(STAFF_ROUTES) >= 15


@pytest.mark.django_db
@pytest.mark.parametrize("route", NON_PUBLIC, ids=ids(NON_PUBLIC))
def test_anonymous_is_sent_to_login(client, route):
    response = client.get(route.path)
    assert response.status_code == 302, route
    assert response["Location"].startswith("/connexion/?next="), response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in PUBLIC], ids=lambda r: r.path)
def test_public_pages_do_not_ask_to_sign_in(client, route):
    response = client.get(route.path)
    assert response.status_code in (200, 302), route
    if response.status_code == 302:
        assert not response["Location"].startswith("/connexion/")


@pytest.mark.django_db
@pytest.mark.parametrize("route", STAFF_ROUTES + ADMIN_ROUTES, ids=ids(STAFF_ROUTES + ADMIN_ROUTES))
def test_partner_gets_403_on_every_staff_url(make_client, partner_user, route):
    response = make_client(partner_user).get(route.path)
    assert response.status_code == 403, route


@pytest.mark.django_db
@pytest.mark.parametrize("route", STAFF_ROUTES + ADMIN_ROUTES, ids=ids(STAFF_ROUTES + ADMIN_ROUTES))
def test_staff_without_role_gets_403(make_client, staff_without_role, route):
    response = make_client(staff_without_role).get(route.path)
    assert response.status_code == 403, route


@pytest.mark.django_db
def test_partner_reaches_the_portal_and_their_account(make_client, partner_user):
    client = make_client(partner_user)
    assert client.get("/portail/").status_code == 200
    assert client.get("/compte/").status_code == 200


@pytest.mark.django_db
def test_staff_without_role_cannot_open_the_portal(make_client, staff_without_role, staff_user):
    assert make_client(staff_without_role).get("/portail/").status_code == 403
    # Personnel alone does not see the orders' data either.
    assert make_client(staff_user).get("/portail/").status_code == 403


@pytest.fixture
def staff_with_every_role(db):
    user = UserFactory(roles=[r for r in Role if r not in (Role.ORDER_DECLARANT, Role.ORDER_READER)])
    # IT administrators are superusers in the admin; the other roles are groups.
    user.is_staff = True
    user.is_superuser = True
    user.save()
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [r for r in STAFF_ROUTES + ADMIN_ROUTES + [r for r in ROUTES if r.name in PORTAL] if not r.has_parameters],
    ids=lambda r: r.path,
)
def test_staff_with_the_role_gets_the_page(make_client, staff_with_every_role, route):
    response = make_client(staff_with_every_role).get(route.path)
    assert response.status_code == NOT_A_PAGE.get(route.name, 200), (route, response.status_code)


# django-otp's device views raise DoesNotExist (500) for an id that does not exist; the
# partner and no-role tests above show the policy guards them.
# Django's "view on site" shortcut takes content type 1, whatever model the migrations named
# first: pghistory's aggregate events model, which is not a table, crashes it.
CRASH_ON_MISSING_ID = {"admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode", "admin:view_on_site"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [r for r in STAFF_ROUTES + ADMIN_ROUTES + PORTAL_ROUTES if r.has_parameters and r.name not in CRASH_ON_MISSING_ID],
    ids=lambda r: r.path,
)
def test_staff_with_the_role_passes_the_policy_on_object_urls(make_client, staff_with_every_role, route):
    # Sample ids may not exist: the policy lets the request through to the view (no 403);
    # actions answer 405 to a GET.
    response = make_client(staff_with_every_role).get(route.path)
    assert response.status_code in (200, 302, 404, 405, NOT_A_PAGE.get(route.name)), (route, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in PORTAL_ROUTES if r.has_parameters], ids=lambda r: r.path)
def test_partner_passes_the_policy_on_portal_object_urls(make_client, partner_user, route):
    response = make_client(partner_user).get(route.path)
    assert response.status_code in (200, 302, 404, 405), (route, response.status_code)


APP_ROLES = [
    ("/bdsp/", Role.BDSP_ANALYST),
    ("/discipline/", Role.DISCIPLINE),
    ("/administrateurs/", Role.APPOINTMENTS),
    ("/inventaire/", Role.INVENTORY),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "role"), APP_ROLES)
def test_each_app_needs_its_role(make_client, staff_user, path, role):
    assert make_client(staff_user).get(path).status_code == 403
    with_role = UserFactory(roles=[Role.STAFF, role])
    assert make_client(with_role).get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/documents/", "/courrier/", "/", "/ordres/", "/recherche/"])
def test_every_staff_member_reaches_the_shared_apps(make_client, staff_user, path):
    assert make_client(staff_user).get(path).status_code == 200


@pytest.mark.django_db
def test_admin_needs_the_is_staff_flag(make_client, staff_with_every_role):
    staff_with_every_role.is_staff = False
    staff_with_every_role.is_superuser = False
    staff_with_every_role.save()
    assert make_client(staff_with_every_role).get("/admin/").status_code == 403


@pytest.mark.django_db
def test_admin_asks_staff_for_their_second_factor(make_client, it_admin):
    response = make_client(it_admin, verified=False).get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/deux-etapes/activer/?next=%2Fadmin%2F")


@pytest.mark.django_db
def test_staff_pages_do_not_ask_staff_for_a_second_factor(make_client, staff_user):
    assert make_client(staff_user, verified=False).get("/").status_code == 200


@pytest.mark.django_db
def test_partner_without_second_factor_is_sent_to_enrolment(make_client, partner_user):
    response = make_client(partner_user, verified=False).get("/portail/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/deux-etapes/activer/")


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in OWN_ACCOUNT], ids=lambda r: r.path)
def test_account_pages_ask_a_partner_for_the_second_factor(make_client, partner_user, route):
    response = make_client(partner_user, verified=False).get(route.path)
    assert response.status_code == 302, route
    assert response["Location"].startswith("/compte/deux-etapes/activer/?next="), response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", [r for r in ROUTES if r.name in SIGN_IN and not r.has_parameters], ids=lambda r: r.path
)
def test_the_sign_in_steps_open_before_the_second_factor(make_client, partner_user, route):
    response = make_client(partner_user, verified=False).get(route.path)
    assert response.status_code in (200, 302, 405), route
    if response.status_code == 302:
        assert not response["Location"].startswith("/connexion/")


@pytest.mark.django_db
def test_htmx_request_of_anonymous_gets_a_client_redirect(client):
    response = client.get("/ordres/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/connexion/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in API], ids=lambda r: r.path)
def test_the_api_answers_401_without_a_token_even_to_a_signed_in_person(client, make_client, partner_user, route):
    assert client.get(route.path).status_code == 401
    assert make_client(partner_user).get(route.path).status_code == 401  # a session is not a token


# --- Personal information and the orders' files: each role reaches what its work needs ----------

# Every staff role but the mail room's, as a non-superuser holds it (IT's superusers see all).
ROLES_WITHOUT_CONTACTS = [Role.STAFF, Role.RECORDS, Role.DISCIPLINE, Role.APPOINTMENTS, Role.BDSP_ANALYST]
ROLES_WITHOUT_CONTACTS += [Role.INVENTORY, Role.IT_ADMIN]


def contact_pages(contact):
    return [
        reverse("courrier:contact_list"),
        reverse("courrier:contact_list") + "?export=csv",
        reverse("courrier:contact_create"),
        reverse("courrier:contact_options") + "?contact_search=Requérante",
        contact.get_absolute_url(),
        reverse("courrier:contact_edit", args=[contact.pk]),
    ]


@pytest.fixture
def applicant(db):
    """An access-request applicant: a person, their address personal information."""
    from tests.courrier.factories import ContactFactory

    return ContactFactory(name="Jeanne Requérante", email="jeanne@example.qc.ca")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES_WITHOUT_CONTACTS, ids=str)
def test_the_contacts_directory_is_closed_to_roles_that_do_not_need_it(make_client, applicant, role):
    client = make_client(UserFactory(roles={Role.STAFF, role}))
    for url in contact_pages(applicant):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Requérante" not in response.text
    # Nor can they change a contact by posting.
    edit = reverse("courrier:contact_edit", args=[applicant.pk])
    assert client.post(edit, {"kind": "person", "name": "Autre nom", "is_active": "on"}).status_code == 403
    applicant.refresh_from_db()
    assert applicant.name == "Jeanne Requérante"


@pytest.mark.django_db
def test_the_mail_room_reads_and_edits_contacts(make_client, applicant):
    client = make_client(UserFactory(roles=[Role.STAFF, Role.MAIL]))
    for url in contact_pages(applicant):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_person_responsible_for_access_reads_and_edits_contacts(make_client, applicant):
    from django.contrib.auth.models import Permission

    officer = UserFactory(roles=[Role.STAFF])
    officer.user_permissions.add(Permission.objects.get(codename="handle_access_requests"))
    client = make_client(officer)
    for url in contact_pages(applicant):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_staff_see_a_contacts_name_on_an_item_routed_to_them_without_a_way_into_the_directory(make_client, applicant):
    from courrier import services
    from opq_intranet.core.models import OrgUnit
    from tests.courrier.factories import MailItemFactory

    clerk = UserFactory(roles=[Role.STAFF, Role.MAIL])
    legal = OrgUnit.objects.get(code="daj")
    lawyer = UserFactory(roles=[Role.STAFF], org_unit=legal)
    item = MailItemFactory(contact=applicant, registered_by=clerk)
    services.mail_route(item=item, user=clerk, unit=legal, assignee=lawyer)
    page = make_client(lawyer).get(item.get_absolute_url())
    assert page.status_code == 200
    assert "Jeanne Requérante" in page.text
    assert applicant.get_absolute_url() not in page.text
    assert reverse("courrier:contact_list") not in make_client(lawyer).get(reverse("courrier:index")).text


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def return_file(db):
    """A document attached to a return of the Ordre des infirmières et infirmiers."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bdsp import services
    from opq_intranet.core.files import private_file_store
    from tests.factories import PartnerFactory, order

    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    year = services.form_open(reporting_year=services.form_create_from_regulation(year=2025), user=analyst)
    annual_return = services.return_start(order=filer.professional_order, reporting_year=year, user=filer)
    upload = SimpleUploadedFile("rapport-annuel.pdf", PDF, content_type="application/pdf")
    stored = private_file_store(uploaded=upload, owner=annual_return, user=filer)
    return reverse("core:private_file", args=[stored.uuid])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("roles", "status"),
    [
        ([Role.STAFF], 404),
        ([Role.STAFF, Role.RECORDS], 404),
        ([Role.STAFF, Role.MAIL], 404),
        ([Role.STAFF, Role.DISCIPLINE], 404),
        ([Role.STAFF, Role.APPOINTMENTS], 404),
        ([Role.STAFF, Role.INVENTORY], 404),
        ([Role.STAFF, Role.IT_ADMIN], 404),
        ([Role.STAFF, Role.BDSP_ANALYST], 200),
    ],
    ids=lambda value: "+".join(map(str, value)) if isinstance(value, list) else str(value),
)
def test_bdsp_files_only_for_analysts_among_staff(make_client, return_file, roles, status):
    assert make_client(UserFactory(roles=roles)).get(return_file).status_code == status


@pytest.mark.django_db
def test_bdsp_files_for_the_orders_own_partners_only(make_client, return_file, partner_user, other_partner_user):
    from tests.factories import PartnerFactory, order

    reader = PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("infirmieres"))
    assert make_client(partner_user).get(return_file).status_code == 200
    assert make_client(reader).get(return_file).status_code == 200
    assert make_client(other_partner_user).get(return_file).status_code == 404


@pytest.mark.django_db
def test_the_records_role_does_not_open_the_orders_portal(make_client):
    records = UserFactory(roles=[Role.STAFF, Role.RECORDS])
    assert not records.has_perm("accounts.view_all_orders")
    assert make_client(records).get("/portail/").status_code == 403


# --- Exchange spaces and share links ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("route", EXCHANGE_ROUTES, ids=ids(EXCHANGE_ROUTES))
def test_exchange_pages_need_the_exchange_role(make_client, staff_without_role, route):
    assert make_client(staff_without_role).get(route.path).status_code == 403, route


@pytest.mark.django_db
@pytest.mark.parametrize("route", EXCHANGE_ROUTES, ids=ids(EXCHANGE_ROUTES))
def test_an_organisations_partner_passes_the_policy_on_exchange_pages(make_client, route):
    from tests.exchange.factories import PartnerOrganisationFactory
    from tests.factories import PartnerFactory

    person = PartnerFactory(
        roles=[Role.PARTNER], professional_order=None, partner_organisation=PartnerOrganisationFactory()
    )
    response = make_client(person).get(route.path)
    assert response.status_code in (200, 302, 403, 404, 405), (route, response.status_code)
    if response.status_code == 403:  # a page the policy lets in, whose own rule refuses (space_create)
        assert route.name == "exchange:space_create", route


@pytest.mark.django_db
@pytest.mark.parametrize("route", SHARE_ROUTES, ids=ids(SHARE_ROUTES))
def test_share_links_never_ask_to_sign_in(client, route):
    response = client.get(route.path)
    assert response.status_code in (200, 302, 400, 404, 405, 410), (route, response.status_code)
    if response.status_code == 302:
        assert not response["Location"].startswith("/connexion/"), route


@pytest.mark.django_db
@pytest.mark.parametrize("route", SHARE_ROUTES, ids=ids(SHARE_ROUTES))
def test_an_unknown_share_link_is_no_longer_valid_for_anyone(make_client, partner_user, staff_without_role, route):
    """Signed in or not, second factor passed or not: the same page in 404, no referrer sent."""
    assert len(SHARE_ROUTES) >= 4
    for client in (make_client(), make_client(partner_user, verified=False), make_client(staff_without_role)):
        for response in (client.get(route.path), client.post(route.path)):
            assert response["Referrer-Policy"] == "strict-origin", route
            if "upload" in route.name:  # the tus protocol: no Tus-Resumable header, 412
                assert response.status_code in (404, 405, 412), (route, response.status_code)
                continue
            assert response.status_code in (404, 405), (route, response.status_code)
            if response.status_code == 404:
                assert "Ce lien n’est plus valide" in response.text or "no longer valid" in response.text, route


@pytest.mark.django_db
def test_the_bdsp_portal_is_the_orders_only(make_client, partner_user):
    """An organisation's partner opens the exchange spaces, never the orders' returns."""
    from tests.exchange.factories import PartnerOrganisationFactory
    from tests.factories import PartnerFactory

    person = PartnerFactory(
        roles=[Role.PARTNER], professional_order=None, partner_organisation=PartnerOrganisationFactory()
    )
    client = make_client(person)
    assert client.get("/portail/").status_code == 200
    assert client.get(reverse("exchange:space_list")).status_code == 200
    for route in [r for r in ROUTES if r.namespace == "bdsp_portal"]:
        assert client.get(route.path).status_code == 403, route
    assert make_client(partner_user).get(reverse("bdsp_portal:return_list")).status_code == 200
