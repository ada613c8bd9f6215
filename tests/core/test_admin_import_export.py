"""Reference data in the admin (django-import-export): IT exports and imports the orders, the
units, the people and the contacts; a dry run previews and changes nothing; only superusers
import; no password hash or right ever goes through a file; no exported text is a formula."""

import csv
import importlib
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from courrier import services
from courrier.models import Contact, MailItem
from opq_intranet.accounts.models import User
from opq_intranet.accounts.roles import Role
from opq_intranet.core.fulltext import search_query
from opq_intranet.core.history import history_for
from opq_intranet.core.models import OrgUnit, ProfessionalOrder
from tests.courrier.factories import ContactFactory, MailItemFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CSV_FORMAT, XLSX_FORMAT = "0", "1"  # the admin's format choices (core/admin_import_export.py)
ORDER_CODES = [
    code for code, *_rest in importlib.import_module("opq_intranet.core.migrations.0003_reference_data").ORDERS
]


@pytest.fixture
def it_client(make_client, it_admin):
    return make_client(it_admin, verified=True)


def export(client, model, resource, columns, fmt=CSV_FORMAT):
    """POST the admin's export form with every column ticked; the file's bytes."""
    data = {"resource": "0", "format": fmt, **{f"{resource.lower()}_{c}": "on" for c in columns}}
    response = client.post(reverse(f"admin:{model}_export"), data)
    assert response.status_code == 200, response.content[:500]
    return response


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def upload(client, model, content, name="import.csv"):
    """The first step of an import: the file, parsed and applied in a dry run (the preview)."""
    data = {"resource": "0", "format": CSV_FORMAT, "import_file": SimpleUploadedFile(name, content.encode())}
    return client.post(reverse(f"admin:{model}_import"), data)


def confirm(client, model, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    return client.post(reverse(f"admin:{model}_process_import"), data)


def as_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


ORDER_COLUMNS = ("code", "name", "profession", "practice_kind", "website", "email", "is_active")
UNIT_COLUMNS = ("code", "name", "parent", "site", "email", "is_active")
PERSON_COLUMNS = ("username", "first_name", "last_name", "email", "kind", "org_unit", "job_title", "is_active")


# --- Export ---------------------------------------------------------------------------------------


def test_the_it_admin_exports_the_46_orders_as_csv(it_client):
    assert len(ORDER_CODES) == 46
    rows = csv_rows(export(it_client, "core_professionalorder", "ProfessionalOrderResource", ORDER_COLUMNS))
    assert sorted(r["code"] for r in rows) == sorted(ORDER_CODES)
    barreau = next(r for r in rows if r["code"] == "barreau")
    assert barreau["name"] == "Barreau du Québec"


def test_the_import_and_export_buttons_show_on_the_lists(it_client):
    response = it_client.get(reverse("admin:core_orgunit_changelist"))
    assert reverse("admin:core_orgunit_import") in response.text
    assert reverse("admin:core_orgunit_export") in response.text


def test_units_export_their_parent_and_site_by_code(it_client):
    rows = csv_rows(export(it_client, "core_orgunit", "OrgUnitResource", UNIT_COLUMNS))
    sti = next(r for r in rows if r["code"] == "sti")
    assert (sti["parent"], sti["site"]) == ("dsa", "quebec")


def test_a_user_export_has_no_password_nor_rights(it_client, it_admin):
    someone = UserFactory(roles=[Role.STAFF])
    someone.set_password("un-secret-bien-garde")
    someone.save()
    response = export(it_client, "accounts_user", "PersonResource", PERSON_COLUMNS)
    rows = csv_rows(response)
    assert set(rows[0]) == set(PERSON_COLUMNS)
    assert {it_admin.username, someone.username} <= {r["username"] for r in rows}
    assert someone.password.split("$")[-1] not in response.content.decode()  # nor any part of a hash
    assert "md5$" not in response.content.decode() and "pbkdf2" not in response.content.decode()
    form = it_client.get(reverse("admin:accounts_user_export")).context["form"]
    offered = {name for name in form.fields if name.startswith("personresource_")}
    assert offered == {f"personresource_{c}" for c in PERSON_COLUMNS}  # nothing else can be ticked


def test_exported_text_never_becomes_a_live_formula(it_client):
    ContactFactory(name='=HYPERLINK("http://example.com")', organisation="+1-2", notes="@SUM(A1)")
    columns = ("id", "kind", "name", "organisation", "professional_order", "email", "phone", "address", "notes")
    rows = csv_rows(export(it_client, "courrier_contact", "ContactResource", columns))
    row = next(r for r in rows if "HYPERLINK" in r["name"])
    assert row["name"] == '\'=HYPERLINK("http://example.com")'
    assert (row["organisation"], row["notes"]) == ("'+1-2", "'@SUM(A1)")
    response = export(it_client, "courrier_contact", "ContactResource", columns, fmt=XLSX_FORMAT)
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value and "HYPERLINK" in str(cell.value)]
    assert cells and all(cell.data_type == "s" for cell in cells)  # text, never a formula
    assert cells[0].value == '=HYPERLINK("http://example.com")'  # and whole


# --- Import ---------------------------------------------------------------------------------------


def test_a_dry_run_shows_the_preview_and_changes_nothing(it_client):
    rows = csv_rows(export(it_client, "core_orgunit", "OrgUnitResource", UNIT_COLUMNS))
    dsa = next(r for r in rows if r["code"] == "dsa")
    dsa["name"] = "Direction de la gestion administrative"
    preview = upload(it_client, "core_orgunit", as_csv(rows))
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["update"] == 1 and result.totals["skip"] == len(rows) - 1
    changed = next(r for r in result.rows if r.import_type == "update")
    assert changed.object_repr == "Direction de la gestion administrative"
    assert "<ins" in preview.text and " la gestion</ins>" in preview.text  # the preview shows the change
    assert OrgUnit.objects.get(code="dsa").name == "Direction des services administratifs"


def test_a_confirmed_import_changes_the_unit_name(it_client, it_admin):
    rows = csv_rows(export(it_client, "core_orgunit", "OrgUnitResource", UNIT_COLUMNS))
    next(r for r in rows if r["code"] == "dsa")["name"] = "Direction de la gestion administrative"
    preview = upload(it_client, "core_orgunit", as_csv(rows))
    response = confirm(it_client, "core_orgunit", preview)
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="dsa").name == "Direction de la gestion administrative"
    assert OrgUnit.objects.get(code="sti").parent.code == "dsa"  # the others as they were
    latest = history_for(OrgUnit.objects.get(code="dsa"))[0]
    assert latest.user == it_admin  # the change is in the unit's history, with who made it


def test_a_bad_row_is_refused_in_the_preview_and_nothing_is_saved(it_client):
    content = as_csv(
        [
            {
                "code": "dsa",
                "name": "Direction renommée",
                "parent": "pres",
                "site": "quebec",
                "email": "",
                "is_active": "1",
            },
            {
                "code": "sti",
                "name": "Service TI",
                "parent": "inexistante",
                "site": "quebec",
                "email": "",
                "is_active": "1",
            },
        ]
    )
    preview = upload(it_client, "core_orgunit", content)
    assert preview.context["result"].has_validation_errors() or preview.context["result"].has_errors()
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert OrgUnit.objects.get(code="dsa").name == "Direction des services administratifs"


def test_an_order_import_updates_by_code(it_client):
    rows = csv_rows(export(it_client, "core_professionalorder", "ProfessionalOrderResource", ORDER_COLUMNS))
    next(r for r in rows if r["code"] == "barreau")["website"] = "https://www.barreau.qc.ca/fr/"
    confirm(it_client, "core_professionalorder", upload(it_client, "core_professionalorder", as_csv(rows)))
    assert ProfessionalOrder.objects.get(code="barreau").website == "https://www.barreau.qc.ca/fr/"
    assert ProfessionalOrder.objects.count() == 46


def test_a_people_import_never_gives_rights_nor_a_password(it_client):
    unit = OrgUnit.objects.get(code="sti")
    existing = UserFactory(username="j.gagnon", roles=[Role.STAFF], org_unit=unit)
    content = as_csv(
        [
            {**dict.fromkeys(PERSON_COLUMNS, ""), "username": "j.gagnon", "first_name": "Julie", "last_name": "Gagnon",
             "email": "julie.gagnon@opq.gouv.qc.ca", "kind": "staff", "org_unit": "dsa", "job_title": "Analyste",
             "is_active": "1", "is_superuser": "1", "is_staff": "1", "password": "md5$x$y"},
            {**dict.fromkeys(PERSON_COLUMNS, ""), "username": "nouveau.venu", "first_name": "Noé", "last_name": "Roy",
             "email": "noe.roy@opq.gouv.qc.ca", "kind": "staff", "org_unit": "sti", "is_active": "1",
             "is_superuser": "1", "is_staff": "1", "password": "md5$x$y"},
        ]
    )  # fmt: skip
    preview = upload(it_client, "accounts_user", content)
    assert not preview.context["result"].has_validation_errors(), preview.context["result"].invalid_rows
    confirm(it_client, "accounts_user", preview)
    existing.refresh_from_db()
    assert (existing.first_name, existing.org_unit.code, existing.job_title) == ("Julie", "dsa", "Analyste")
    new = User.objects.get(username="nouveau.venu")
    for person in (existing, new):
        assert not person.is_superuser and not person.is_staff
    assert not new.has_usable_password()
    assert not existing.check_password("x") and existing.password != "md5$x$y"


def test_a_people_import_keeps_the_model_rules(it_client):
    content = as_csv(
        [{**dict.fromkeys(PERSON_COLUMNS, ""), "username": "sans.ordre", "kind": "partner", "is_active": "1"}]
    )
    preview = upload(it_client, "accounts_user", content)
    assert preview.context["result"].has_validation_errors()  # a partner needs an order
    assert not User.objects.filter(username="sans.ordre").exists()


def test_a_renamed_contact_is_found_under_its_new_name_in_its_mail(it_client, make_client):
    contact = ContactFactory(name="Jean Tremblay", organisation="")
    item = MailItemFactory(contact=contact, subject="Demande de renseignements")
    services.mail_search_refresh([item.pk])
    columns = (
        "id",
        "kind",
        "name",
        "organisation",
        "professional_order",
        "email",
        "phone",
        "address",
        "notes",
        "is_active",
    )
    rows = [
        r
        for r in csv_rows(export(it_client, "courrier_contact", "ContactResource", columns))
        if r["id"] == str(contact.pk)
    ]
    rows[0]["name"] = "Jeanne Tremblay-Lavoie"
    confirm(it_client, "courrier_contact", upload(it_client, "courrier_contact", as_csv(rows)))
    assert Contact.objects.get(pk=contact.pk).name == "Jeanne Tremblay-Lavoie"
    assert MailItem.objects.filter(pk=item.pk, search_vector=search_query("lavoie")).exists()


# --- Who may ----------------------------------------------------------------------------------------


@pytest.fixture
def staff_admin(db):
    """A staff member with the admin flag and every permission on units, but not a superuser."""
    user = UserFactory(roles=[Role.STAFF])
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="core", codename__endswith="orgunit"))
    return User.objects.get(pk=user.pk)


def test_a_staff_member_who_is_not_a_superuser_cannot_import(make_client, staff_admin):
    client = make_client(staff_admin, verified=True)
    assert client.get(reverse("admin:core_orgunit_changelist")).status_code == 200
    assert client.get(reverse("admin:core_orgunit_import")).status_code == 403
    content = "code,name,parent,site,email,is_active\r\ndsa,Pirate,pres,quebec,,1\r\n"
    assert upload(client, "core_orgunit", content).status_code == 403
    assert client.post(reverse("admin:core_orgunit_process_import"), {}).status_code == 403
    assert OrgUnit.objects.get(code="dsa").name == "Direction des services administratifs"
    changelist = client.get(reverse("admin:core_orgunit_changelist"))
    assert reverse("admin:core_orgunit_import") not in changelist.text
    # Export follows the view permission.
    assert client.get(reverse("admin:core_orgunit_export")).status_code == 200


def test_nobody_else_reaches_the_import(make_client, staff_user, partner_user):
    url = reverse("admin:core_orgunit_import")
    assert make_client().get(url).status_code == 302
    assert make_client(staff_user).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403


@pytest.mark.parametrize("page", ["admin:core_orgunit_import", "admin:core_orgunit_export"])
def test_the_import_and_export_pages_allow_style_attributes_but_never_inline_scripts(it_client, page):
    """The library writes style attributes (the preview's diff colours); its one inline
    handler ("Select all") is bound by our script instead, so scripts stay 'self'."""
    response = it_client.get(reverse(page))
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert policy["style-src-attr"] == "'unsafe-inline'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    if page.endswith("_export"):
        assert "/static/js/admin-export.js" in response.text


def test_other_admin_pages_keep_the_strict_policy(it_client):
    response = it_client.get(reverse("admin:core_orgunit_changelist"))
    assert "style-src-attr" not in response["Content-Security-Policy"]
