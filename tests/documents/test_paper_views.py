"""Paper pages: who reads and who writes, the forms' French messages, labels, query counts."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from documents import selectors, services
from documents.models import Box, PaperLoan, StorageSpace
from opq_intranet.core.models import Site
from tests.documents.factories import RecordFileFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def paper(records_manager, legal, lawyer, litigation):
    """A space with a box of the legal unit holding an internal and a confidential paper file;
    the internal file is lent to the lawyer, the confidential one too (its own unit)."""
    space = StorageSpace.objects.create(
        code="Q-10.12-A", site=Site.objects.get(code="quebec"), room="Salle 10.12", shelf="A", capacity=3
    )
    box = services.box_create(box=Box(org_unit=legal, storage_space=space, capacity=3), user=records_manager)
    internal = RecordFileFactory(record_class=litigation, medium="paper", title="Requête de l'ordre")
    secret = RecordFileFactory(
        record_class=litigation, medium="paper", confidentiality="confidential", title="Plainte confidentielle"
    )
    for record_file in (internal, secret):
        services.file_put_in_box(record_file=record_file, box=box, user=records_manager)
    loan = services.loan_create(
        record_file=internal, borrower=lawyer, user=records_manager, lent_on=TODAY - timedelta(days=40)
    )
    secret_loan = services.loan_create(record_file=secret, borrower=lawyer, user=records_manager)
    return {
        "space": space,
        "box": box,
        "internal": internal,
        "secret": secret,
        "loan": loan,
        "secret_loan": secret_loan,
    }


def urls(paper):
    space, box, internal, loan = paper["space"], paper["box"], paper["internal"], paper["loan"]
    read = [
        reverse("documents:space_list"),
        reverse("documents:space_detail", args=[space.pk]),
        reverse("documents:space_history", args=[space.pk]),
        reverse("documents:box_list"),
        reverse("documents:box_detail", args=[box.pk]),
        reverse("documents:box_history", args=[box.pk]),
        reverse("documents:loan_list"),
        reverse("documents:loan_detail", args=[loan.pk]),
        reverse("documents:loan_history", args=[loan.pk]),
    ]
    write = [
        reverse("documents:space_create"),
        reverse("documents:space_edit", args=[space.pk]),
        reverse("documents:box_create"),
        reverse("documents:box_edit", args=[box.pk]),
        reverse("documents:box_label", args=[box.pk]),
        reverse("documents:box_labels"),
        reverse("documents:file_box", args=[internal.pk]),
        reverse("documents:file_label", args=[internal.pk]),
        reverse("documents:loan_create", args=[internal.pk]),
    ]
    post_only = [
        reverse("documents:box_add_file", args=[box.pk]),
        reverse("documents:file_take_out", args=[internal.pk]),
        reverse("documents:loan_return", args=[loan.pk]),
        reverse("documents:loan_extend", args=[loan.pk]),
    ]
    return read, write, post_only


def test_who_reaches_which_page(
    make_client, paper, records_manager, outsider, staff_without_role, partner_user, other_partner_user
):
    read, write, post_only = urls(paper)
    anonymous, manager, reader = make_client(), make_client(records_manager), make_client(outsider)
    no_role, partners = make_client(staff_without_role), [make_client(partner_user), make_client(other_partner_user)]
    for url in read + write + post_only:
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/?next="), url
        assert no_role.get(url).status_code == 403, url
        assert all(client.get(url).status_code == 403 for client in partners), url
    for url in read:
        assert reader.get(url).status_code == 200, url
        assert manager.get(url).status_code == 200, url
    for url in write:
        assert reader.get(url).status_code == 403, url
        assert manager.get(url).status_code == 200, url
    for url in post_only:
        assert reader.post(url).status_code == 403, url
        assert manager.get(url).status_code == 405, url
    assert PaperLoan.objects.filter(returned_on__isnull=True).count() == 2  # nothing changed


def test_a_box_lists_only_the_files_the_person_may_see(make_client, paper, lawyer, outsider, records_manager):
    url = reverse("documents:box_detail", args=[paper["box"].pk])
    seen_by_outsider = make_client(outsider).get(url).text
    assert paper["internal"].reference in seen_by_outsider
    assert paper["secret"].reference not in seen_by_outsider
    assert "2 dossiers sur 3" in seen_by_outsider  # the fill counts every file
    assert "Mettre un dossier dans cette boîte" not in seen_by_outsider
    for person in (lawyer, records_manager):
        assert paper["secret"].reference in make_client(person).get(url).text
    loans = make_client(outsider).get(reverse("documents:loan_list")).text
    assert paper["internal"].reference in loans and paper["secret"].reference not in loans
    secret_loan = reverse("documents:loan_detail", args=[paper["secret_loan"].pk])
    assert make_client(outsider).get(secret_loan).status_code == 404
    assert make_client(lawyer).get(secret_loan).status_code == 200


def test_the_file_page_shows_its_box_and_loan(make_client, paper, lawyer, records_manager):
    url = reverse("documents:file_detail", args=[paper["internal"].pk])
    page = make_client(lawyer).get(url).text
    assert paper["box"].number in page and "Q-10.12-A" in page
    assert f"prêté à {lawyer}" in page and "en retard" in page
    assert "Prêter le dossier" not in page and "Enregistrer le retour" not in page
    managed = make_client(records_manager).get(url).text
    assert "Enregistrer le retour" in managed and "Étiquette du dossier (PDF)" in managed


def test_the_records_manager_creates_a_space_and_bad_input_changes_nothing(make_client, records_manager, paper):
    client = make_client(records_manager)
    data = {
        "code": "m-15.04-a",
        "site": Site.objects.get(code="montreal").pk,
        "room": "Salle 15.04",
        "capacity": "30",
        "is_active": "on",
    }
    response = client.post(reverse("documents:space_create"), data, follow=True)
    assert "L’espace M-15.04-A est enregistré." in response.text
    for overrides, message in [
        ({"code": "q-10.12-a "}, "Un autre espace a déjà ce code."),
        ({"capacity": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        ({"room": ""}, "Ce champ est obligatoire."),
    ]:
        response = client.post(reverse("documents:space_create"), {**data, "code": "M-1", **overrides})
        assert response.status_code == 422
        assert message in response.text
    assert StorageSpace.objects.count() == 2
    space = paper["space"]
    response = client.post(
        reverse("documents:space_edit", args=[space.pk]),
        {"code": space.code, "site": space.site_id, "room": space.room, "capacity": "0"},
    )
    assert response.status_code == 422
    response = client.post(
        reverse("documents:space_edit", args=[space.pk]),
        {"code": space.code, "site": space.site_id, "room": space.room, "capacity": "1", "is_active": "on"},
    )
    assert response.status_code == 302  # it holds one box: a capacity of 1 is enough
    space.refresh_from_db()
    assert space.capacity == 1


def test_a_box_is_created_in_a_space_with_room(make_client, records_manager, legal, paper):
    client = make_client(records_manager)
    space = paper["space"]
    response = client.post(
        reverse("documents:box_create"),
        {"org_unit": legal.pk, "storage_space": space.pk, "capacity": "12", "status": "active"},
        follow=True,
    )
    created = Box.objects.order_by("-pk").first()
    assert f"La boîte {created.number} est enregistrée." in response.text
    client.post(
        reverse("documents:box_create"),
        {"org_unit": legal.pk, "storage_space": space.pk, "capacity": "12", "status": "active"},
    )
    response = client.post(
        reverse("documents:box_create"),
        {"org_unit": legal.pk, "storage_space": space.pk, "capacity": "12", "status": "active"},
    )
    assert response.status_code == 422
    assert "L’espace Q-10.12-A est plein (3 boîtes) : choisissez-en un autre." in response.text
    assert Box.objects.count() == 3


def test_a_file_goes_in_a_box_by_its_number(make_client, records_manager, paper, litigation):
    client = make_client(records_manager)
    record_file = RecordFileFactory(record_class=litigation, medium="hybrid")
    url = reverse("documents:file_box", args=[record_file.pk])
    assert paper["box"].number in client.get(url).text  # suggested: it has room
    response = client.post(url, {"box_number": "b2026-99999 "})
    assert response.status_code == 422
    assert "Aucune boîte ne porte le numéro B2026-99999." in response.text
    response = client.post(url, {"box_number": paper["box"].number.lower()}, follow=True)
    assert f"Le dossier {record_file.reference} est dans la boîte {paper['box'].number}." in response.text
    another = RecordFileFactory(record_class=litigation, medium="paper")
    response = client.post(reverse("documents:file_box", args=[another.pk]), {"box_number": paper["box"].number})
    assert response.status_code == 422
    assert "est pleine (3 dossiers)" in response.text
    another.refresh_from_db()
    assert another.box is None


def test_the_box_page_takes_a_file_by_its_number_and_gives_it_back(make_client, records_manager, paper, litigation):
    client = make_client(records_manager)
    box = paper["box"]
    response = client.post(reverse("documents:box_add_file", args=[box.pk]), {"file_reference": "D1999-00001"})
    assert response.status_code == 422
    assert "Aucun dossier ne porte le numéro D1999-00001." in response.text
    digital = RecordFileFactory(record_class=litigation, medium="digital")
    response = client.post(reverse("documents:box_add_file", args=[box.pk]), {"file_reference": digital.reference})
    assert response.status_code == 422
    assert "Un dossier numérique n’a pas de boîte" in response.text
    take_out = reverse("documents:file_take_out", args=[paper["secret"].pk])
    response = client.post(take_out, {"next": box.get_absolute_url()})
    assert response["Location"] == box.get_absolute_url()
    response = client.post(take_out, {"next": "https://ailleurs.example/"})
    assert response.status_code == 422  # refused: the file's page says why
    assert "Ce dossier n’est dans aucune boîte." in response.text
    boxed = RecordFileFactory(record_class=litigation, medium="paper")
    services.file_put_in_box(record_file=boxed, box=box, user=records_manager)
    take_out = reverse("documents:file_take_out", args=[boxed.pk])
    response = client.post(take_out, {"next": "https://ailleurs.example/"}, follow=True)
    assert response.redirect_chain[0][0] == boxed.get_absolute_url()  # never another site


def test_lend_extend_and_return_through_the_pages(make_client, records_manager, lawyer, outsider, litigation):
    client = make_client(records_manager)
    record_file = RecordFileFactory(record_class=litigation, medium="paper", confidentiality="personal")
    url = reverse("documents:loan_create", args=[record_file.pk])
    data = {"borrower": lawyer.pk, "lent_on": "2026-03-06", "due_on": "", "note": "Pour l'audience"}
    for overrides, message in [
        ({"borrower": ""}, "Ce champ est obligatoire."),
        ({"lent_on": "6 mars"}, "Saisissez une date valide."),
        ({"borrower": outsider.pk}, f"{outsider} ne peut pas consulter ce dossier"),
        ({"due_on": "2026-03-01"}, "L’échéance ne peut pas précéder la date du prêt."),
    ]:
        response = client.post(url, {**data, **overrides})
        assert response.status_code == 422, overrides
        assert message in response.text
    assert not PaperLoan.objects.exists()
    response = client.post(url, data, follow=True)
    loan = PaperLoan.objects.get()
    assert f"Le dossier {record_file.reference} est prêté à {lawyer} jusqu’au 2026-04-07." in response.text
    assert response.redirect_chain[-1][0] == loan.get_absolute_url()
    extend = reverse("documents:loan_extend", args=[loan.pk])
    response = client.post(extend, {"due_on": "2026-05-04", "reason": ""})
    assert response.status_code == 422
    assert "Indiquez le motif de la prolongation." in response.text
    loan.refresh_from_db()
    assert loan.due_on == date(2026, 4, 7)
    response = client.post(extend, {"due_on": "2026-05-04", "reason": "Audience reportée"}, follow=True)
    assert "Le prêt est prolongé jusqu’au 2026-05-04." in response.text
    response = client.post(
        reverse("documents:loan_return", args=[loan.pk]),
        {"returned_on": "2026-05-01", "next": record_file.get_absolute_url()},
        follow=True,
    )
    assert f"Le dossier {record_file.reference} est de retour." in response.text
    assert response.redirect_chain[-1][0] == record_file.get_absolute_url()
    loan.refresh_from_db()
    assert (loan.returned_on, loan.returned_to) == (date(2026, 5, 1), records_manager)
    page = client.get(loan.get_absolute_url()).text
    assert "Audience reportée" in page and "Rendu" in page


def test_labels_are_pdf_downloads(make_client, records_manager, paper, monkeypatch):
    client = make_client(records_manager)
    box = paper["box"]
    response = client.get(reverse("documents:box_label", args=[box.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="etiquette-{box.number}.pdf"'
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert box.number in text and paper["secret"].reference in text  # the label lists every file
    response = client.get(reverse("documents:box_labels"), {"org_unit": box.org_unit_id})
    assert box.number in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    monkeypatch.setattr(selectors, "LABEL_BOXES_MAX", 0)
    response = client.get(reverse("documents:box_labels"), {"org_unit": box.org_unit_id}, follow=True)
    assert "Au plus 0 étiquettes à la fois : réduisez d’abord la liste avec les filtres." in response.text
    response = client.get(reverse("documents:file_label", args=[paper["internal"].pk]))
    assert paper["internal"].reference in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_mon_travail_shows_my_loans(make_client, paper, lawyer, records_manager):
    page = make_client(lawyer).get(reverse("core:dashboard")).text
    assert "Mes emprunts" in page
    assert page.index(paper["internal"].reference) < page.index(paper["secret"].reference)  # overdue first
    assert "1 prêt est en retard" not in page
    assert "1 prêt est en retard" in make_client(records_manager).get(reverse("core:dashboard")).text


# --- Query counts: the same for 10 rows as for 100 -------------------------------------------------------


def make_rows(kind, start, count, records_manager, legal, lawyer, litigation):
    """Rows `start` to `start + count` of a list."""
    site = Site.objects.get(code="quebec")
    if kind == "spaces":
        StorageSpace.objects.bulk_create(
            StorageSpace(code=f"Q-{n:03d}", site=site, room="Entrepôt", capacity=10)
            for n in range(start, start + count)
        )
    elif kind == "boxes":
        spaces = [
            StorageSpace.objects.get_or_create(
                code=f"E-{n}", defaults={"site": site, "room": "Entrepôt", "capacity": 50}
            )[0]
            for n in range(3)
        ]
        for n in range(start, start + count):
            services.box_create(box=Box(org_unit=legal, storage_space=spaces[n % 3]), user=records_manager)
    else:
        files = [RecordFileFactory(record_class=litigation, medium="paper") for _n in range(count)]
        PaperLoan.objects.bulk_create(
            PaperLoan(
                record_file=f,
                borrower=lawyer,
                lent_by=records_manager,
                lent_on=TODAY - timedelta(days=40),
                due_on=TODAY - timedelta(days=40) + timedelta(days=n % 60),
            )
            for n, f in enumerate(files)
        )


@pytest.mark.parametrize(
    ("url_name", "kind", "viewer"),
    [
        ("documents:space_list", "spaces", "records_manager"),
        ("documents:box_list", "boxes", "records_manager"),
        ("documents:loan_list", "loans", "records_manager"),
        ("documents:loan_list", "loans", "lawyer"),
    ],
)
def test_list_pages_keep_their_query_count(
    make_client,
    records_manager,
    legal,
    lawyer,
    litigation,
    url_name,
    kind,
    viewer,
    assert_constant_queries,
    assert_query_count,
):
    client = make_client({"records_manager": records_manager, "lawyer": lawyer}[viewer])
    url = reverse(url_name)
    made = 0

    def rows(total):
        nonlocal made
        make_rows(kind, made, total - made, records_manager, legal, lawyer, litigation)
        made = total

    assert_constant_queries(url_name, client, url, rows)
    sort = "-" + {"spaces": "code", "boxes": "fill"}.get(kind, "due_on")
    with assert_query_count(url_name):  # sorted the other way, with an empty search box
        assert client.get(url, {"per_page": 100, "q": "", "sort": sort}).status_code == 200


def test_the_lists_filter_full_boxes_boxes_in_transit_and_overdue_loans(make_client, records_manager, paper, legal):
    client = make_client(records_manager)
    transit = services.box_create(box=Box(org_unit=legal, capacity=3), user=records_manager)
    services.file_put_in_box(
        record_file=RecordFileFactory(record_class=paper["internal"].record_class, medium="paper"),
        box=paper["box"],
        user=records_manager,
    )
    boxes = reverse("documents:box_list")
    full = client.get(boxes, {"full": "true"}).text
    assert paper["box"].number in full and transit.number not in full
    in_transit = client.get(boxes, {"in_transit": "true"}).text
    assert transit.number in in_transit and paper["box"].number not in in_transit
    spaces = client.get(reverse("documents:space_list"), {"has_room": "true"}).text
    assert "Q-10.12-A" in spaces
    loans = reverse("documents:loan_list")
    overdue = client.get(loans, {"state": "overdue"}).text
    assert paper["internal"].reference in overdue and paper["secret"].reference not in overdue
    services.loan_return(loan=paper["loan"], user=records_manager)
    returned = client.get(loans, {"state": "returned"}).text
    assert paper["internal"].reference in returned and paper["secret"].reference not in returned
    exported = client.get(loans, {"state": "open", "export": "csv"})
    assert paper["secret"].reference in b"".join(exported.streaming_content).decode()
