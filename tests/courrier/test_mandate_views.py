"""Mandate pages: who reads and who writes, the forms' French messages with nothing saved, the
list's filters and export, the due page, "Mes mandats", history, and query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courrier import selectors, services
from courrier.choices import MandateStatus, Priority
from courrier.models import Mandate, MandateNote
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import MailItemFactory, MandateFactory
from tests.documents.factories import RecordFileFactory
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NEXT_MONTH = TODAY + timedelta(days=30)


@pytest.fixture
def requester(db):
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dso"), first_name="Marie")


@pytest.fixture
def mandate(requester, lawyer, colleague):
    created = services.mandate_create(
        mandate=Mandate(
            title="Analyse du projet de règlement de l'Ordre des pharmaciens",
            description="Avis juridique sur le projet publié à la Gazette officielle.",
            lead=lawyer,
            due_on=NEXT_MONTH,
        ),
        user=requester,
        helpers=[colleague],
    )
    return Mandate.objects.get(pk=created.pk)


def pages(mandate):
    """Every GET page of the mandates."""
    return {
        "list": reverse("courrier:mandate_list"),
        "due": reverse("courrier:mandate_due"),
        "create": reverse("courrier:mandate_create"),
        "detail": reverse("courrier:mandate_detail", args=[mandate.pk]),
        "edit": reverse("courrier:mandate_edit", args=[mandate.pk]),
        "history": reverse("courrier:mandate_history", args=[mandate.pk]),
    }


def actions(mandate):
    return {
        "status": (reverse("courrier:mandate_status", args=[mandate.pk]), {"status-status": "in_progress"}),
        "notes": (reverse("courrier:mandate_note", args=[mandate.pk]), {"note-text": "Je m'en mêle."}),
        "links": (reverse("courrier:mandate_links", args=[mandate.pk]), {"mail-reference": "E2026-00001"}),
    }


def state(mandate):
    mandate = Mandate.objects.get(pk=mandate.pk)
    return (
        mandate.status,
        mandate.title,
        mandate.due_on,
        mandate.lead_id,
        sorted(mandate.helpers.values_list("pk", flat=True)),
        mandate.mail_items.count(),
        mandate.record_files.count(),
        MandateNote.objects.filter(mandate=mandate).count(),
    )


# --- Who reaches what ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, mandate):
    for url in [*pages(mandate).values(), *(url for url, _data in actions(mandate).values())]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), url
    for url, data in actions(mandate).values():
        assert client.post(url, data).status_code == 302
    assert Mandate.objects.get(pk=mandate.pk).status == MandateStatus.OPEN


@pytest.mark.parametrize("who", ["staff_without_role", "partner_user"])
def test_staff_without_the_role_and_partners_get_403(make_client, request, mandate, who):
    client = make_client(request.getfixturevalue(who))
    before = state(mandate)
    for url in pages(mandate).values():
        assert client.get(url).status_code == 403, url
    for url, data in actions(mandate).values():
        assert client.post(url, data).status_code == 403, url
    assert state(mandate) == before


def test_staff_not_involved_read_but_cannot_change(make_client, outsider, mandate):
    client = make_client(outsider)
    urls = pages(mandate)
    for name in ("list", "due", "create", "detail", "history"):
        assert client.get(urls[name]).status_code == 200, name
    assert client.get(urls["edit"]).status_code == 403
    assert client.post(urls["edit"], {"title": "Autre"}).status_code == 403
    before = state(mandate)
    MailItemFactory(reference="E2026-00001")
    for url, data in actions(mandate).values():
        assert client.post(url, data).status_code == 403, url
    assert state(mandate) == before
    detail = client.get(urls["detail"]).text
    assert "Analyse du projet de règlement" in detail
    assert reverse("courrier:mandate_edit", args=[mandate.pk]) not in detail
    assert 'name="status-status"' not in detail and 'name="note-text"' not in detail


@pytest.mark.parametrize("who", ["lawyer", "colleague", "requester", "mail_clerk"])
def test_the_people_of_the_mandate_and_the_mail_room_get_every_page(make_client, request, mandate, who):
    client = make_client(request.getfixturevalue(who))
    for url in pages(mandate).values():
        assert client.get(url).status_code == 200, url
    detail = client.get(pages(mandate)["detail"]).text
    assert 'name="status-status"' in detail and 'name="note-text"' in detail


def test_actions_answer_405_to_a_get(make_client, lawyer, mandate):
    client = make_client(lawyer)
    for url, _data in actions(mandate).values():
        assert client.get(url).status_code == 405


def test_an_unknown_mandate_is_404(make_client, lawyer):
    client = make_client(lawyer)
    assert client.get(reverse("courrier:mandate_detail", args=[999999])).status_code == 404
    assert client.post(reverse("courrier:mandate_note", args=[999999]), {"note-text": "x"}).status_code == 404


# --- Create and edit ----------------------------------------------------------------------------


def form_data(lead_person, **fields):
    data = {
        "title": "Réponse à la demande du ministre",
        "description": "Préparer la réponse sur l'encadrement des stages.",
        "lead": lead_person.pk,
        "helpers": [],
        "org_unit": "",
        "priority": Priority.HIGH,
        "due_on": NEXT_MONTH.isoformat(),
    }
    data.update(fields)
    return data


def test_a_staff_member_creates_a_mandate_for_a_lead_with_a_helper(make_client, requester, lawyer, colleague):
    response = make_client(requester).post(
        reverse("courrier:mandate_create"), form_data(lawyer, helpers=[colleague.pk]), follow=True
    )
    created = Mandate.objects.get()
    assert response.redirect_chain[-1][0] == reverse("courrier:mandate_detail", args=[created.pk])
    assert f"Le mandat M{TODAY.year}-00001 est créé." in response.text
    assert (created.requester, created.lead, list(created.helpers.all())) == (requester, lawyer, [colleague])
    assert created.org_unit.code == "daj" and created.priority == Priority.HIGH


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Ce champ est obligatoire."),
        ({"due_on": (TODAY - timedelta(days=1)).isoformat()}, "L’échéance est déjà passée."),
        ({"due_on": "25 décembre"}, "Saisissez une date valide."),
        ("lead_as_helper", "Le responsable ne peut pas aussi être l’une des personnes qui l’aident."),
        ("lead_without_role", "Sélectionnez un choix valide."),
    ],
)
def test_bad_input_is_refused_with_a_french_message_and_nothing_saved(
    make_client, requester, lawyer, staff_without_role, fields, message
):
    if fields == "lead_as_helper":
        fields = {"helpers": [lawyer.pk]}
    elif fields == "lead_without_role":
        fields = {"lead": staff_without_role.pk}
    response = make_client(requester).post(reverse("courrier:mandate_create"), form_data(lawyer, **fields))
    assert response.status_code == 422
    assert message in response.text
    assert not Mandate.objects.exists()


def test_the_lead_changes_the_due_date_and_the_reminders_start_over(make_client, lawyer, mandate):
    Mandate.objects.filter(pk=mandate.pk).update(last_reminder="before")
    later = NEXT_MONTH + timedelta(days=14)
    data = form_data(lawyer, title=mandate.title, due_on=later.isoformat(), helpers=[], org_unit=mandate.org_unit_id)
    response = make_client(lawyer).post(reverse("courrier:mandate_edit", args=[mandate.pk]), data)
    assert response.status_code == 302
    saved = Mandate.objects.get(pk=mandate.pk)
    assert (saved.due_on, saved.last_reminder, saved.helpers.count()) == (later, "", 0)


def test_a_refused_edit_changes_nothing(make_client, lawyer, colleague, mandate):
    before = state(mandate)
    data = form_data(lawyer, title="Nouveau titre", helpers=[lawyer.pk, colleague.pk])
    response = make_client(lawyer).post(reverse("courrier:mandate_edit", args=[mandate.pk]), data)
    assert response.status_code == 422
    assert "Le responsable ne peut pas aussi être" in response.text
    assert state(mandate) == before


def test_a_done_mandate_is_not_edited(make_client, lawyer, mandate):
    Mandate.objects.filter(pk=mandate.pk).update(status=MandateStatus.DONE)
    response = make_client(lawyer).get(reverse("courrier:mandate_edit", args=[mandate.pk]), follow=True)
    assert "Ce mandat est terminé ou annulé : rouvrez-le d’abord." in response.text


# --- Status, notes, links -----------------------------------------------------------------------


def test_the_lead_moves_the_mandate_through_its_statuses(make_client, lawyer, mandate):
    client = make_client(lawyer)
    url = reverse("courrier:mandate_status", args=[mandate.pk])
    for status, note in (("in_progress", ""), ("waiting", "En attente de l'Ordre."), ("done", "")):
        response = client.post(url, {"status-status": status, "status-note": note}, follow=True)
        assert response.status_code == 200
        assert Mandate.objects.get(pk=mandate.pk).status == status
    assert "Le mandat est maintenant à l’état « terminé »." in response.text
    assert Mandate.objects.get(pk=mandate.pk).completed_on == TODAY
    assert "En attente de l&#x27;Ordre." in response.text  # the note given with a move
    assert "Rouvrir" in response.text and "Mettre en attente" not in response.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status-status": "cancelled", "status-note": ""}, "Donnez le motif de l’annulation."),
        ({"status-status": "done"}, "Un mandat ne peut pas passer de « Ouvert » à « Terminé »."),
        ({"status-status": "archived"}, "Sélectionnez un choix valide."),
        ({}, "Ce champ est obligatoire."),
    ],
)
def test_a_refused_move_answers_422_and_changes_nothing(make_client, lawyer, mandate, data, message):
    before = state(mandate)
    response = make_client(lawyer).post(reverse("courrier:mandate_status", args=[mandate.pk]), data)
    assert response.status_code == 422
    assert message in response.text
    assert state(mandate) == before


def test_cancel_and_reopen_keep_their_reasons_as_notes(make_client, requester, mandate):
    client = make_client(requester)
    url = reverse("courrier:mandate_status", args=[mandate.pk])
    client.post(url, {"status-status": "cancelled", "status-note": "Demande retirée."})
    client.post(url, {"status-status": "in_progress", "status-note": "Demande renouvelée."})
    assert Mandate.objects.get(pk=mandate.pk).status == MandateStatus.IN_PROGRESS
    page = client.get(reverse("courrier:mandate_detail", args=[mandate.pk])).text
    assert page.index("Mandat rouvert : Demande renouvelée.") < page.index("Mandat annulé : Demande retirée.")


def test_notes_are_added_and_shown_newest_first(make_client, colleague, mandate):
    client = make_client(colleague)
    url = reverse("courrier:mandate_note", args=[mandate.pk])
    assert client.post(url, {"note-text": "Premier jet de l'avis."}).status_code == 302
    assert client.post(url, {"note-text": "Avis révisé par la directrice."}).status_code == 302
    page = client.get(reverse("courrier:mandate_detail", args=[mandate.pk])).text
    assert page.index("Avis révisé par la directrice.") < page.index("Premier jet de l&#x27;avis.")
    response = client.post(url, {"note-text": "   "})
    assert response.status_code == 422 and "Écrivez la note." in response.text
    assert MandateNote.objects.filter(mandate=mandate).count() == 2


def test_mail_items_and_files_are_linked_and_unlinked(make_client, lawyer, mandate):
    item = MailItemFactory(reference="E2026-00077", subject="Lettre de l'Ordre des pharmaciens")
    record_file = RecordFileFactory(reference="D2026-00300", title="Règlements des ordres 2026")
    client = make_client(lawyer)
    url = reverse("courrier:mandate_links", args=[mandate.pk])
    assert client.post(url, {"mail-reference": "E2026-00077"}).status_code == 302
    assert client.post(url, {"file-reference": "D2026-00300"}).status_code == 302
    page = client.get(reverse("courrier:mandate_detail", args=[mandate.pk])).text
    assert "Lettre de l&#x27;Ordre des pharmaciens" in page and "Règlements des ordres 2026" in page
    assert client.post(url, {"unlink_mail": item.pk}).status_code == 302
    assert client.post(url, {"unlink_file": record_file.pk}).status_code == 302
    assert state(mandate)[5:7] == (0, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mail-reference": "E2026-09999"}, "Aucun courrier que vous pouvez voir ne porte le numéro E2026-09999."),
        ({"mail-reference": ""}, "Donnez le numéro chrono du courrier."),
        ({"mail-reference": "E2026-00088"}, "Aucun courrier que vous pouvez voir ne porte le numéro E2026-00088."),
        ({"file-reference": "D2026-09999"}, "Aucun dossier que vous pouvez voir ne porte le numéro D2026-09999."),
        ({"unlink_mail": "abc"}, "Indiquez ce qu’il faut lier ou retirer."),
        ({"unlink_file": "12345"}, "Ce dossier n’est pas lié au mandat."),
        ({}, "Indiquez ce qu’il faut lier ou retirer."),
    ],
)
def test_a_refused_link_answers_422_and_changes_nothing(make_client, lawyer, mandate, data, message):
    MailItemFactory(
        reference="E2026-00088", confidentiality="confidential", routed_unit=OrgUnit.objects.get(code="dcom")
    )
    before = state(mandate)
    response = make_client(lawyer).post(reverse("courrier:mandate_links", args=[mandate.pk]), data)
    assert response.status_code == 422
    assert message in response.text
    assert state(mandate) == before


def test_the_page_shows_only_the_linked_items_the_person_may_see(make_client, mail_clerk, lawyer, mandate):
    secret = MailItemFactory(
        reference="E2026-00099",
        subject="Plainte confidentielle",
        confidentiality="confidential",
        routed_unit=OrgUnit.objects.get(code="dcom"),
    )
    services.mandate_link_mail(mandate=mandate, user=mail_clerk, reference=secret.reference)
    assert "Plainte confidentielle" in make_client(mail_clerk).get(mandate.get_absolute_url()).text
    page = make_client(lawyer).get(mandate.get_absolute_url()).text
    assert "Plainte confidentielle" not in page and "E2026-00099" not in page


def test_history_shows_the_changes_but_not_the_reminders(make_client, lawyer, mandate):
    services.mandate_set_status(mandate=mandate, user=lawyer, status=MandateStatus.IN_PROGRESS)
    Mandate.objects.filter(pk=mandate.pk).update(last_reminder="before")
    client = make_client(lawyer)
    history = client.get(reverse("courrier:mandate_history", args=[mandate.pk]))
    assert history.status_code == 200
    entries = history.context["history"]
    assert [e.kind for e in entries] == ["update", "add", "insert"]  # created with its helper
    assert [(c.before, c.after) for c in entries[0].changes] == [("Ouvert", "En cours")]
    detail = client.get(mandate.get_absolute_url())
    assert [e.kind for e in detail.context["history"]] == ["update", "insert"]  # the preview: own fields


# --- List, due page, dashboard ------------------------------------------------------------------


def test_the_list_filters(make_client, lawyer, colleague, requester):
    legal, research = OrgUnit.objects.get(code="daj"), OrgUnit.objects.get(code="dra")
    late = MandateFactory(title="Avis sur la formation continue", lead=lawyer, due_on=TODAY - timedelta(days=2))
    this_week = MandateFactory(
        title="Réponse au ministre", lead=colleague, due_on=selectors.week_end(TODAY), priority="urgent"
    )
    this_week.helpers.add(lawyer)
    done = MandateFactory(
        title="Avis sur le code de déontologie", lead=lawyer, status=MandateStatus.DONE, due_on=TODAY - timedelta(5)
    )
    other = MandateFactory(title="Étude statistique", lead=requester, org_unit=research, due_on=NEXT_MONTH)
    client = make_client(lawyer)
    url = reverse("courrier:mandate_list")

    def found(**params):
        rows = client.get(url, params).context["rows"]
        return {str(r[0]).split(">")[1].split("<")[0] for r in rows}

    assert found() == {m.reference for m in (late, this_week, done, other)}
    assert found(mine="true") == {late.reference, this_week.reference, done.reference}
    assert found(mine="true", status="active") == {late.reference, this_week.reference}
    assert found(overdue="true") == {late.reference}  # the done one is not overdue
    assert found(due_this_week="true") == {this_week.reference}
    assert found(status="done") == {done.reference}
    assert found(priority="urgent") == {this_week.reference}
    assert found(unit=research.pk) == {other.reference}
    assert found(unit=legal.pk, lead=colleague.pk) == {this_week.reference}
    assert found(q="deontologie") == {done.reference}  # accents ignored
    page = client.get(url, {"overdue": "true"}).text
    assert "en retard" in page


def test_the_list_exports_csv(make_client, lawyer):
    MandateFactory(title="Avis sur la formation continue", lead=lawyer, priority=Priority.URGENT)
    response = make_client(lawyer).get(reverse("courrier:mandate_list"), {"export": "csv", "sort": "priority"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    assert "Avis sur la formation continue" in content and "Urgente" in content


def test_the_due_page_groups_by_unit(make_client, outsider, lawyer, requester):
    research = OrgUnit.objects.get(code="dra")
    late = MandateFactory(title="Avis en retard", lead=lawyer, due_on=TODAY - timedelta(days=1))
    soon = MandateFactory(title="Étude à rendre", lead=requester, org_unit=research, due_on=TODAY)
    MandateFactory(title="Pour plus tard", lead=lawyer, due_on=NEXT_MONTH)
    client = make_client(outsider)
    response = client.get(reverse("courrier:mandate_due"))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [(g["unit"].code, g["overdue"], g["this_week"]) for g in groups] == [
        ("dra", [], [soon]),
        ("daj", [late], []),
    ]
    assert "Pour plus tard" not in response.text
    only = client.get(reverse("courrier:mandate_due"), {"unit": research.pk})
    assert [g["unit"].code for g in only.context["groups"]] == ["dra"]


def test_my_mandates_on_the_dashboard(make_client, lawyer, colleague):
    late = MandateFactory(title="Avis en retard", lead=colleague, due_on=TODAY - timedelta(days=1))
    late.helpers.add(lawyer)
    MandateFactory(title="Avis à rendre", lead=lawyer, due_on=NEXT_MONTH)
    MandateFactory(title="Avis terminé", lead=lawyer, status=MandateStatus.DONE)
    response = make_client(lawyer).get("/")
    panel = next(p for p in response.context["panels"] if p["panel"].key == "courrier.my_mandates")
    assert [m.title for m in panel["context"]["mandates"]] == ["Avis en retard", "Avis à rendre"]
    assert "Mes mandats" in response.text and "Avis terminé" not in response.text


def test_the_panel_costs_one_query(rf, lawyer, django_assert_num_queries):
    from courrier.dashboard import my_mandates

    for n in range(10):
        MandateFactory(lead=lawyer, due_on=NEXT_MONTH + timedelta(days=n))
    request = rf.get("/")
    request.user = lawyer
    with django_assert_num_queries(1):
        context = my_mandates(request)
    assert len(context["mandates"]) == 6 and context["more"]


# --- Query counts -------------------------------------------------------------------------------


def make_rows(count, lead, helper):
    units = list(OrgUnit.objects.all())
    today = TODAY
    for n in range(count):
        mandate = MandateFactory(
            lead=lead,
            org_unit=units[n % len(units)],
            due_on=today + timedelta(days=(n % 9) - 4),
            status=[MandateStatus.OPEN, MandateStatus.IN_PROGRESS, MandateStatus.WAITING][n % 3],
        )
        mandate.helpers.add(helper)


@pytest.mark.parametrize(
    ("url_name", "params", "variant"),
    [
        ("courrier:mandate_list", {}, None),
        (
            "courrier:mandate_list",
            {"mine": "true", "status": "active", "overdue": "false", "sort": "priority"},
            "filtered",
        ),
        ("courrier:mandate_due", {}, None),
    ],
)
def test_list_pages_keep_their_query_count(
    make_client, lawyer, colleague, url_name, params, variant, assert_constant_queries
):
    assert_constant_queries(
        url_name,
        make_client(lawyer),
        reverse(url_name),
        up_to(lambda count: make_rows(count, lawyer, colleague)),
        params=params,
        variant=variant,
        at_most=12,
    )
