"""The history of a return's values: who changed what, when, before and after."""

import pytest
from django.urls import reverse

from bdsp import services
from bdsp.history import value_changes
from tests.bdsp.conftest import entry

pytestmark = pytest.mark.django_db


def history_url(annual_return):
    return reverse("bdsp_portal:return_history", args=[annual_return.pk])


def test_each_change_with_before_and_after(filer, draft_return):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1000")])
    draft_return.refresh_from_db()
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1 050")])
    draft_return.refresh_from_db()
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("appels", state="no_activity")])
    changes = value_changes(draft_return)
    assert [(c.indicator, c.before, c.after) for c in changes] == [
        ("Décisions portées en appel au Tribunal des professions", "—", "Aucune activité"),
        ("Membres inscrits au début de l'exercice", "1\xa0000", "1\xa0050"),
        ("Membres inscrits au début de l'exercice", "—", "1\xa0000"),
    ]
    assert {c.who for c in changes} == {filer}


def test_the_analysts_flag_is_not_a_change_of_value(filer, analyst, draft_return):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1000")])
    services.value_flag(
        annual_return=draft_return, user=analyst, indicator_code="membres-debut", followup=True, note="À vérifier"
    )
    assert len(value_changes(draft_return)) == 1


def test_the_page_for_each_kind_of_user(make_client, filer, reader, other_filer, analyst, staff_user, draft_return):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1000")])
    url = history_url(draft_return)
    for person in (filer, reader, analyst):
        response = make_client(person).get(url)
        assert response.status_code == 200
        assert "Membres inscrits au début de l&#x27;exercice" in response.text
    assert make_client(other_filer).get(url).status_code == 404
    assert make_client(staff_user).get(url).status_code == 403
    assert make_client().get(url).status_code == 302


def test_the_page_keeps_its_query_count(make_client, filer, draft_return, clean_entries, assert_query_count):
    services.return_save_values(annual_return=draft_return, user=filer, entries=clean_entries)
    client = make_client(filer)
    client.get(history_url(draft_return))  # the year's form is cached from here on
    with assert_query_count("bdsp_portal:return_history"):
        response = client.get(history_url(draft_return))
    assert response.status_code == 200
