"""French full-text search over the records: words inside files, accents and endings ignored,
ranked, highlighted, filtered, and only among the records the person may see."""

import pytest
from django.urls import reverse

from documents import services
from documents.models import Record
from tests.documents.factories import RecordFileFactory
from tests.documents.samples import eml_bytes, odt_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def file_record(user, record_file, title, name, content, **fields):
    record = Record(record_file=record_file, title=title, medium="digital", **fields)
    return services.record_add(record=record, user=user, uploaded=upload(name, content))


@pytest.fixture
def corpus(lawyer, litigation):
    internal = RecordFileFactory(record_class=litigation, confidentiality="internal", title="Contentieux général")
    confidential = RecordFileFactory(record_class=litigation, confidentiality="confidential", title="Enquête")
    return {
        "decision": file_record(
            lawyer, internal, "Décision du tribunal", "decision.pdf",
            pdf_bytes("Le Tribunal des professions confirme la radiation des ingénieurs fautifs."),
        ),
        "memo": file_record(
            lawyer, internal, "Note de service", "note.odt",
            odt_bytes("Les ingénieurs forestiers ont déposé un mémoire."),
        ),
        "mail": file_record(
            lawyer, confidential, "Courriel du plaignant", "plainte.eml",
            eml_bytes("Plainte", "Je dépose une plainte contre un ingénieur pour radiation abusive."),
        ),
    }  # fmt: skip


def search(client, **params):
    return client.get(reverse("documents:search"), params)


def titles(response):
    return [hit.record.title for hit in response.context["hits"]]


def test_a_word_inside_a_pdf_finds_its_record_accents_and_endings_ignored(make_client, lawyer, corpus):
    response = search(make_client(lawyer), q="ingenieur")
    assert set(titles(response)) == {"Décision du tribunal", "Note de service", "Courriel du plaignant"}
    response = search(make_client(lawyer), q="radiations")
    assert set(titles(response)) == {"Décision du tribunal", "Courriel du plaignant"}


def test_the_extract_highlights_the_words_and_escapes_the_rest(make_client, lawyer, corpus):
    response = search(make_client(lawyer), q="radiation")
    assert "<mark>radiation</mark>" in response.text


def test_phrases_alternatives_and_exclusions(make_client, lawyer, corpus):
    client = make_client(lawyer)
    assert titles(search(client, q='"tribunal des professions"')) == ["Décision du tribunal"]
    assert set(titles(search(client, q="mémoire OR plainte"))) == {"Note de service", "Courriel du plaignant"}
    assert set(titles(search(client, q="ingénieur -forestiers"))) == {"Décision du tribunal", "Courriel du plaignant"}


def test_the_title_weighs_more_than_the_text(make_client, lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation, confidentiality="internal")
    file_record(lawyer, record_file, "Budget annuel", "a.pdf", pdf_bytes("Tableaux et chiffres."))
    file_record(lawyer, record_file, "Rapport", "b.pdf", pdf_bytes("Ce rapport parle une fois du budget."))
    assert titles(search(make_client(lawyer), q="budget")) == ["Budget annuel", "Rapport"]


def test_results_respect_the_access_rules(make_client, outsider, records_manager, corpus):
    assert set(titles(search(make_client(outsider), q="radiation"))) == {"Décision du tribunal"}
    assert "Courriel du plaignant" in titles(search(make_client(records_manager), q="radiation"))


def test_filters(make_client, lawyer, corpus):
    client = make_client(lawyer)
    assert titles(search(client, q="ingenieur", confidentiality="confidential")) == ["Courriel du plaignant"]
    assert search(client, q="ingenieur", record_class="7000").context["page"] is not None
    assert len(titles(search(client, q="ingenieur", record_class="7000"))) == 3
    assert titles(search(client, q="ingenieur", record_class="9999")) == []
    response = search(client, q="ingenieur", date_from="pas une date")
    assert "Saisissez une date valide." in response.text and response.context["page"] is None


def test_every_kind_of_user(make_client, staff_user, staff_without_role, partner_user, corpus):
    url = reverse("documents:search") + "?q=radiation"
    assert make_client().get(url).status_code == 302
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403
    assert titles(make_client(staff_user).get(url)) == ["Décision du tribunal"]  # no unit: public/internal only


def test_the_search_keeps_its_query_count(make_client, lawyer, litigation, assert_query_count):
    record_file = RecordFileFactory(record_class=litigation, confidentiality="internal")
    for n in range(25):
        file_record(lawyer, record_file, f"Avis {n}", f"avis-{n}.pdf", pdf_bytes(f"Avis numéro {n} sur la radiation."))
    client = make_client(lawyer)
    client.get(reverse("documents:search"))
    with assert_query_count("documents:search"):
        response = search(client, q="radiation")
    assert len(response.context["hits"]) == 20


def global_search(client, key, words):
    """One group of the global search, as the search page's section loads it (htmx)."""
    return client.get(reverse("core:search_group", args=[key]), {"q": words}, headers={"HX-Request": "true"})


def test_the_global_search_finds_records_and_file_numbers_the_person_may_see(
    make_client, lawyer, outsider, partner_user, corpus
):
    internal = corpus["decision"].record_file
    response = global_search(make_client(lawyer), "documents.records", "radiation")
    assert {r.title for r in response.context["results"]} == {"Décision du tribunal", "Courriel du plaignant"}
    response = global_search(make_client(outsider), "documents.records", "radiation")
    # The confidential file is the unit's.
    assert [r.title for r in response.context["results"]] == ["Décision du tribunal"]
    number = internal.reference[:8].lower()  # "d2026-00", typed in lower case
    response = global_search(make_client(outsider), "documents.files", number)
    urls = [r.url for r in response.context["results"]]
    assert internal.get_absolute_url() in urls
    assert corpus["mail"].record_file.get_absolute_url() not in urls
    assert global_search(make_client(outsider), "documents.records", number).context["results"] == []
    assert make_client(partner_user).get(reverse("core:search"), {"q": "radiation"}).status_code == 403
    assert global_search(make_client(partner_user), "documents.records", "radiation").status_code == 403


def test_the_global_search_finds_classes_by_code_and_rules_by_number(make_client, outsider, litigation):
    response = global_search(make_client(outsider), "documents.classes", litigation.code)
    assert litigation.get_absolute_url() in [r.url for r in response.context["results"]]
    rule = litigation.retention_rule
    response = global_search(make_client(outsider), "documents.rules", rule.number)
    assert rule.get_absolute_url() in [r.url for r in response.context["results"]]
