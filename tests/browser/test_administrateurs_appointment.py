"""The Nominations team's whole walk (axe-core on every page): a candidacy entered and brought
to the bank, matched to a vacant seat (a member of the order shown excluded with the art. 78
reason), appointed in one step, the board's parity changed, the training recorded, a meeting
attended and the allowances exported for payment."""

import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from administrateurs.choices import CandidacyStatus, Gender, LinkKind, MeetingKind
from administrateurs.models import Attendance, Candidate, CandidateLink, Obligation, Term
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import (
    AllowanceRateFactory,
    BodyFactory,
    CandidateFactory,
    MeetingFactory,
    TermFactory,
    TrainingSessionFactory,
)
from tests.factories import UserFactory

TODAY = timezone.localdate()
START = TODAY - timedelta(days=10)


def _board():
    """A board of 8 (2 seats for the Office): one held by a woman, one vacant."""
    body = BodyFactory(size=8, office_seats=2)
    held, vacant = body.seats.order_by("number")
    TermFactory(
        seat=held,
        candidate=CandidateFactory(first_name="Louise", last_name="Bergeron", status=CandidacyStatus.APPOINTED,
                                   gender=Gender.WOMAN),
        starts_on=TODAY - timedelta(days=400),
        ends_on=TODAY + timedelta(days=900),
    )  # fmt: skip
    member = CandidateFactory(first_name="Paul", last_name="Ouimet", status=CandidacyStatus.IN_BANK, gender=Gender.MAN)
    CandidateLink.objects.create(candidate=member, order=body.order, kind=LinkKind.MEMBER, declared_on=TODAY)
    return body, vacant


def _enter_and_bank(session, page):
    page.get_by_role("link", name="Saisir une candidature").first.click()
    session.check_page()
    page.get_by_label("Prénom").fill("Marc")
    page.get_by_role("textbox", name=re.compile(r"^Nom")).fill("Lavoie")
    page.get_by_label("Région").select_option(label="Capitale-Nationale")
    page.get_by_label("Domaines d’expertise").fill("gouvernance, finances")
    page.get_by_label("Genre (facultatif)").select_option(label="Homme")
    page.get_by_label("Reçu le").fill((TODAY - timedelta(days=30)).isoformat())
    page.get_by_label("Consentement donné le").fill((TODAY - timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    for label in ("Commencer l’examen", "Déclarer admissible", "Verser à la banque"):
        page.get_by_role("link", name=label).click()
        session.check_page()
        page.get_by_role("button", name="Confirmer").click()
        session.check_page()
    expect(page.locator("main")).to_contain_text("Dans la banque")


def test_a_candidate_matched_appointed_trained_and_paid(session):
    officer = UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")
    body, vacant = _board()
    TrainingSessionFactory(title="Gouvernance et éthique", held_on=START + timedelta(days=2))
    AllowanceRateFactory(meeting_kind=MeetingKind.REGULAR, min_hours=0, amount="200.00", valid_from=START)
    meeting = MeetingFactory(body=body, held_on=TODAY, hours=3)
    session.sign_in(officer.username)
    page = session.visit("/administrateurs/")
    _enter_and_bank(session, page)

    # The board before: one woman, no man.
    session.visit(body.get_absolute_url())
    parity = page.locator("#parity-title").locator("xpath=..")
    expect(parity).to_contain_text(re.compile(r"Hommes\s*0"))

    # The vacancy and its matching: Marc ranked, Paul excluded as a member of the order.
    session.visit("/administrateurs/")
    page.get_by_role("navigation", name="Administrateurs").get_by_role("link", name="Sièges vacants").click()
    session.check_page()
    page.get_by_role("row", name=re.compile(f"{body.name}.*Vacant maintenant")).get_by_role(
        "link", name="Trouver un candidat"
    ).click()
    session.check_page()
    page.get_by_label("Parité après la nomination").check()
    page.get_by_role("button", name="Classer").click()
    session.check_page()
    main = page.locator("main")
    expect(main).to_contain_text("Paul Ouimet")
    expect(main).to_contain_text("Membre de l’ordre")
    expect(main).to_contain_text("art. 78")

    # Appointed in one step from the matching: the seat is held, the board balanced.
    page.get_by_role("link", name="Nommer Marc Lavoie").click()
    session.check_page()
    page.get_by_label("Début du mandat").fill(START.isoformat())
    page.get_by_label("Numéro de résolution").fill("OPQ-2026-0042")
    page.get_by_label("Date de la décision").fill((START - timedelta(days=5)).isoformat())
    page.get_by_role("button", name=re.compile("Nommer")).click()
    session.check_page()
    term = Term.objects.get(candidate__last_name="Lavoie")
    assert term.seat == vacant and Candidate.objects.get(pk=term.candidate_id).status == CandidacyStatus.APPOINTED
    page.get_by_role("link", name=body.name).first.click()
    session.check_page()
    parity = page.locator("#parity-title").locator("xpath=..")
    expect(parity).to_contain_text(re.compile(r"Hommes\s*1"))
    expect(parity).to_contain_text(re.compile(r"Femmes\s*1"))

    # The training, recorded through the session attended.
    session.visit("/administrateurs/")
    page.get_by_role("navigation", name="Administrateurs").get_by_role(
        "link", name="Formations et déclarations"
    ).click()
    session.check_page()
    page.get_by_role("row", name=re.compile("Marc Lavoie.*Formation")).get_by_role(
        "link", name=re.compile("Consigner comme remplie")
    ).click()
    session.check_page()
    page.get_by_label("Séance de formation suivie").select_option(index=1)
    page.get_by_role("button", name=re.compile("Consigner")).click()
    session.check_page()
    assert Obligation.objects.get(term=term, kind="training").completed_on == START + timedelta(days=2)

    # The meeting attended, then the allowances exported for payment.
    session.visit(meeting.get_absolute_url())
    page.get_by_role("button", name="Enregistrer les présences").click()
    session.check_page()
    assert Attendance.objects.filter(meeting=meeting, term=term, present=True).exists()
    session.visit("/administrateurs/")
    page.get_by_role("navigation", name="Administrateurs").get_by_role("link", name="Allocations").click()
    session.check_page()
    expect(page.get_by_role("row", name=re.compile("Marc Lavoie"))).to_contain_text("200,00")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export pour le paiement (CSV)").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Marc Lavoie" in content and "200.00" in content
