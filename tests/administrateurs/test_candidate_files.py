"""A candidate's CV and letters: private files uploaded from the candidate's page,
refused in French with nothing stored, listed on the page, downloaded by the Nominations role
only and only through the app's view (each download logged; core's generic file view serves
none of them), destroyed on removal; every page for each kind of user."""

import os

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from administrateurs import services
from administrateurs.models import CandidateDocument
from opq_intranet.core.models import ConfidentialAccess, PrivateFile
from tests.administrateurs.declarations_kit import OTHERS, PDF, make_candidate, make_officer, pdf, url
from tests.administrateurs.factories import CandidateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return make_officer()


@pytest.fixture
def candidate(officer):
    return make_candidate(officer)


@pytest.fixture
def cv(officer, candidate):
    return services.document_add(candidate=candidate, user=officer, kind="cv", uploaded=pdf())


def stored():
    return sorted(PrivateFile.objects.values_list("original_name", "content_destroyed_at"))


def documents():
    return sorted(CandidateDocument.objects.values_list("candidate_id", "kind", "file__original_name"))


def downloads(officer):
    return ConfidentialAccess.objects.filter(user=officer, action="download").count()


def test_a_cv_is_added_from_the_page_listed_and_downloaded_with_each_download_logged(make_client, officer, candidate):
    client = make_client(officer)
    response = client.post(url("candidate_document_add", candidate.pk), {"kind": "cv", "uploaded": pdf()})
    assert response.status_code == 302 and response["Location"] == candidate.get_absolute_url()
    document = CandidateDocument.objects.get()
    assert (document.kind, document.added_by, document.file.original_name) == ("cv", officer, "cv-helene-bouchard.pdf")
    assert document.file.owner == candidate and document.file.mime_type == "application/pdf"
    page = client.get(candidate.get_absolute_url())
    assert [d.pk for d in page.context["documents"]] == [document.pk]
    assert url("candidate_document", candidate.pk, document.pk) in page.text
    for expected in (1, 2):
        download = client.get(url("candidate_document", candidate.pk, document.pk))
        assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
        assert "attachment" in download["Content-Disposition"]
        assert downloads(officer) == expected
    logged = ConfidentialAccess.objects.filter(action="download")
    assert set(logged.values_list("object_label", "object_id")) == {("administrateurs.Candidate", str(candidate.pk))}
    assert logged.first().path == url("candidate_document", candidate.pk, document.pk)


def test_the_generic_file_view_serves_none_of_them(make_client, officer, cv, it_admin):
    for who in (officer, it_admin):
        assert make_client(who).get(reverse("core:private_file", args=[cv.file.uuid])).status_code == 404
    assert downloads(officer) == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("cv.pdf", b"Pas un PDF.\n"), "ne correspond pas à son nom"),
        (
            SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "n’est pas d’un type accepté (PDF, DOCX",
        ),
        (SimpleUploadedFile("vide.pdf", b""), "Le fichier soumis est vide."),
        (None, "Ce champ est obligatoire."),
    ],
)
def test_a_refused_file_answers_422_in_french_and_nothing_is_stored(make_client, officer, candidate, upload, message):
    before = (stored(), documents())
    data = {"kind": "letter"} | ({"uploaded": upload} if upload else {})
    response = make_client(officer).post(url("candidate_document_add", candidate.pk), data)
    assert response.status_code == 422 and message in response.text, response.context["document_form"].errors
    assert response.context["document_form"].errors["uploaded"]
    assert (stored(), documents()) == before


def test_a_bad_kind_is_refused(make_client, officer, candidate):
    response = make_client(officer).post(url("candidate_document_add", candidate.pk), {"kind": "x", "uploaded": pdf()})
    assert response.status_code == 422 and "Sélectionnez un choix valide" in response.text
    assert not PrivateFile.objects.exists()


def test_removing_a_document_destroys_its_content(make_client, officer, candidate, cv):
    path = cv.file.content.path
    client = make_client(officer)
    confirm = client.get(url("candidate_document_remove", candidate.pk, cv.pk))
    assert confirm.status_code == 200 and "Détruire le document «\u00a0cv-helene-bouchard.pdf\u00a0»" in confirm.text
    response = client.post(url("candidate_document_remove", candidate.pk, cv.pk))
    assert response.status_code == 302 and response["Location"] == candidate.get_absolute_url()
    assert not CandidateDocument.objects.exists()
    trace = PrivateFile.objects.get()
    assert trace.content_destroyed_at is not None and not trace.content
    assert trace.original_name == f"cv-{cv.pk}.pdf"  # the person's name is no longer in the trace
    assert not os.path.exists(path)
    assert client.get(url("candidate_document", candidate.pk, cv.pk)).status_code == 404


def test_another_candidates_document_is_not_found(make_client, officer, candidate, cv):
    other = CandidateFactory(created_by=officer)
    client = make_client(officer)
    assert client.get(url("candidate_document", other.pk, cv.pk)).status_code == 404
    assert client.get(url("candidate_document_remove", other.pk, cv.pk)).status_code == 404
    assert client.post(url("candidate_document_remove", other.pk, cv.pk)).status_code == 404
    assert client.get(url("candidate_document", 999999, cv.pk)).status_code == 404
    assert CandidateDocument.objects.count() == 1 and downloads(officer) == 0


def test_only_the_role_adds_or_removes(candidate, cv, staff_user):
    with pytest.raises(PermissionDenied):
        services.document_add(candidate=candidate, user=staff_user, kind="cv", uploaded=pdf())
    with pytest.raises(PermissionDenied):
        services.document_remove(document=cv, user=staff_user)
    assert documents() == [(candidate.pk, "cv", "cv-helene-bouchard.pdf")]


def pages(candidate, cv):
    return [url("candidate_document", candidate.pk, cv.pk), url("candidate_document_remove", candidate.pk, cv.pk)]


def test_anonymous_is_sent_to_sign_in(client, candidate, cv):
    for path in [*pages(candidate, cv), url("candidate_document_add", candidate.pk)]:
        for response in (client.get(path), client.post(path, {"kind": "cv", "uploaded": pdf()})):
            assert response.status_code == 302 and response["Location"].startswith("/connexion/"), path
    assert documents() == [(candidate.pk, "cv", "cv-helene-bouchard.pdf")] and PrivateFile.objects.count() == 1


@pytest.mark.parametrize("who", OTHERS)
def test_other_staff_and_partners_get_403(make_client, request, officer, candidate, cv, who):
    client = make_client(request.getfixturevalue(who))
    for path in pages(candidate, cv):
        assert client.get(path).status_code == 403, path
        assert client.post(path).status_code == 403, path
    add = client.post(url("candidate_document_add", candidate.pk), {"kind": "cv", "uploaded": pdf()})
    assert add.status_code == 403
    assert documents() == [(candidate.pk, "cv", "cv-helene-bouchard.pdf")] and PrivateFile.objects.count() == 1
    assert not ConfidentialAccess.objects.filter(action="download").exists()


def test_the_role_reaches_each_page(make_client, officer, candidate, cv):
    client = make_client(officer)
    for path in pages(candidate, cv):
        assert client.get(path).status_code == 200, path
    assert client.get(url("candidate_document_add", candidate.pk)).status_code == 405
