"""The label sheets: the list as filtered or the tags typed, on each preset's stock, starting
after the labels already used; refused selections answer 422 in French and print nothing."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from inventaire.label_sheets import PRESETS
from tests.inventaire.factories import AssetFactory, FurnitureFactory

pytestmark = pytest.mark.django_db
URL = reverse("inventaire:label_sheet")


def pages_of(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_the_filtered_list_on_each_stock(make_client, technician, laptop, chair, preset):
    pages = pages_of(make_client(technician).get(URL, {"preset": preset, "kind": "furniture"}))
    assert len(pages) == 1 and chair.tag in pages[0] and laptop.tag not in pages[0]
    assert "Office des professions du Québec" in pages[0]


def test_the_tags_typed_and_a_half_used_sheet(make_client, technician, laptop, chair):
    client = make_client(technician)
    pages = pages_of(client.get(URL, {"preset": "avery-5160", "tags": f"{laptop.tag}\n{chair.tag}", "skip": "29"}))
    assert len(pages) == 2  # the 30th position of the first sheet, then the next sheet
    assert laptop.tag in pages[0] and chair.tag in pages[1]


def test_more_labels_than_a_sheet_go_on_several(make_client, technician):
    category = FurnitureFactory()
    for _ in range(11):
        AssetFactory(category=category)
    assert len(pages_of(make_client(technician).get(URL, {"preset": "avery-5163"}))) == 2  # 10 a sheet


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"preset": "avery-5160", "tags": "OPQ-404"}, "Aucun actif ne porte ces étiquettes : OPQ-404."),
        ({"preset": "inconnu"}, "Sélectionnez un choix valide"),
        ({"preset": "avery-5160", "skip": "-1"}, "supérieure ou égale à 0"),
        ({"preset": "avery-5160", "status": "nope"}, "Les filtres de la liste ne sont pas valides"),
        ({"preset": "avery-5160", "q": "aucun-actif-ne-correspond"}, "Entre 1 et 1000 étiquettes à la fois"),
    ],
)
def test_a_refused_selection_answers_422_in_french(make_client, technician, laptop, params, message):
    response = make_client(technician).get(URL, params)
    assert response.status_code == 422 and response["Content-Type"].startswith("text/html")
    assert message in response.text


def test_the_page_keeps_the_lists_filters(make_client, technician):
    page = make_client(technician).get(URL, {"kind": "it", "status": "in_stock"}).text
    assert '<input type="hidden" name="kind" value="it">' in page
    assert '<input type="hidden" name="status" value="in_stock">' in page


@pytest.mark.parametrize("who", ["staff_user", "partner_user"])
def test_the_labels_are_for_the_role(make_client, request, laptop, who):
    assert make_client(request.getfixturevalue(who)).get(URL, {"preset": "avery-5160"}).status_code == 403
