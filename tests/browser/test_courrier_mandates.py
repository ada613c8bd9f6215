"""A mandate from request to done: the requester assigns it, the lead finds it on Mon travail,
notes her progress, links the letter it answers, waits for the order, and closes it."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from courrier.models import Mandate, MandateNote
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import MailItemFactory
from tests.factories import UserFactory


def test_a_mandate_is_assigned_worked_on_and_done(new_session):
    legal = OrgUnit.objects.get(code="daj")
    requester = UserFactory(
        roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="sg"), first_name="Isabelle", last_name="Leblanc"
    )
    lead = UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")
    UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Marc", last_name="Gagné")
    MailItemFactory(reference="E2026-00042", subject="Projet de règlement de l'Ordre des pharmaciens")
    due_on = timezone.localdate() + timedelta(days=20)

    # The requester assigns the mandate from the list; a past due date is refused first.
    session = new_session()
    session.sign_in(requester.username)
    page = session.visit("/courrier/mandats/")
    page.get_by_role("link", name="Nouveau mandat").click()
    session.check_page()
    page.get_by_label("Titre").fill("Analyse du projet de règlement de l'Ordre des pharmaciens")
    page.get_by_label("Description").fill("Avis juridique à remettre à la présidence.")
    page.get_by_label("Responsable").select_option(label="Louise Lavoie (Direction des affaires juridiques)")
    page.get_by_label("Personnes en appui").select_option(label="Marc Gagné (Direction des affaires juridiques)")
    page.get_by_label("Priorité").select_option(label="Haute")
    page.get_by_label("Échéance").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("L’échéance est déjà passée.")
    assert not Mandate.objects.exists()
    page.get_by_label("Échéance").fill(due_on.isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    mandate = Mandate.objects.get()
    expect(page.get_by_role("alert").first).to_contain_text(f"Le mandat {mandate.reference} est créé.")
    expect(page.locator("main")).to_contain_text("Marc Gagné")

    # The lead finds it on Mon travail, in "Mes mandats".
    session = new_session()
    session.sign_in(lead.username)
    page = session.visit("/")
    panel = page.get_by_role("region", name="Mes mandats")
    panel.get_by_role("link", name=f"{mandate.reference} Analyse du projet de règlement").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text(mandate.reference)

    # She starts it and notes her progress.
    page.get_by_role("button", name="Commencer").click()
    session.check_page()
    expect(page.get_by_test_id("mandate-status")).to_have_text("En cours")
    page.get_by_label("Note de suivi").fill("Lecture du projet faite ; trois enjeux à analyser.")
    page.get_by_role("button", name="Ajouter la note").click()
    session.check_page()
    expect(page.locator("#notes")).to_contain_text("Lecture du projet faite ; trois enjeux à analyser.")

    # She links the letter that asked for it (an unknown number is refused first).
    page.get_by_label("Numéro chrono du courrier").fill("E2026-99999")
    page.get_by_role("button", name="Lier le courrier").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Aucun courrier que vous pouvez voir ne porte le numéro E2026-99999.")
    page.get_by_label("Numéro chrono du courrier").fill("e2026-00042")
    page.get_by_role("button", name="Lier le courrier").click()
    session.check_page()
    expect(page.locator("#linked-items")).to_contain_text("Projet de règlement de l'Ordre des pharmaciens")

    # Waiting for the order's comments, then done.
    page.get_by_label("Note", exact=True).fill("Commentaires demandés à l'Ordre.")
    page.get_by_role("button", name="Mettre en attente").click()
    session.check_page()
    expect(page.get_by_test_id("mandate-status")).to_have_text("En attente")
    page.get_by_role("button", name="Terminer").click()
    session.check_page()
    expect(page.get_by_test_id("mandate-status")).to_have_text("Terminé")
    expect(page.get_by_role("button", name="Rouvrir")).to_be_visible()
    mandate.refresh_from_db()
    assert mandate.status == "done" and mandate.completed_on == timezone.localdate()
    assert list(MandateNote.objects.filter(mandate=mandate).values_list("text", flat=True)) == [
        "Commentaires demandés à l'Ordre.",
        "Lecture du projet faite ; trois enjeux à analyser.",
    ]

    # The list and the due page, as she sees them.
    page = session.visit("/courrier/mandats/?mine=true")
    expect(page.locator("main")).to_contain_text(mandate.reference)
    page.get_by_role("link", name="Échéances par unité").click()
    session.check_page()
    session.visit(f"/courrier/mandats/{mandate.pk}/historique/")
