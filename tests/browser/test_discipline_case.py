"""A disciplinary case from complaint to sanction, as the Bureau's clerk works it: she opens the
case, assigns the panel, schedules the management conference and the hearing on guilt (a
conflict with another hearing of the chair refused first), records what happened, the decision
on guilt, the hearing on sanction and the sanctions per count, places a non-publication order
and finds the name redacted in the roll's PDF, then finds the case in the yearly report and in
the reconciliation with the order's BDSP return."""

import re
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from bdsp import selectors as bdsp_selectors
from bdsp import services as bdsp_services
from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn, ReportingYear, ReturnValue
from discipline.choices import HearingKind, HearingVenue
from discipline.models import Case, Decision, Hearing, NonPublicationOrder
from discipline.selectors import fiscal_year, fiscal_year_label, fiscal_year_of
from opq_intranet.accounts.roles import Role
from tests.discipline.factories import CaseFactory, ChairFactory, CouncilFactory, MemberFactory
from tests.factories import UserFactory, order

COMPLAINANT = "Rosalie Tremblay"


def an_accepted_return_declaring_nothing(year):
    """The nurses' accepted return for the year of the case, declaring no complaint."""
    form = ReportingYear.objects.filter(year=year).first() or bdsp_services.form_create_from_regulation(year=year)
    definition = bdsp_selectors.form_definition(form)
    annual_return = AnnualReturn.objects.create(
        professional_order=order("infirmieres"), reporting_year=form, status=ReturnStatus.ACCEPTED
    )
    ReturnValue.objects.create(
        annual_return=annual_return,
        indicator_id=definition.indicators["plaintes-plaignant"].id,
        category_key="",
        number=Decimal(0),
    )


def test_a_case_from_complaint_to_sanction(session):
    today = timezone.localdate()
    filed_on, served_on = today - timedelta(days=60), today - timedelta(days=55)
    conference_day, guilt_day, sanction_day = (today - timedelta(days=d) for d in (45, 30, 10))
    clerk = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Sylvie", last_name="Gagnon")
    council = CouncilFactory(order=order("infirmieres"), number=26)
    chair = ChairFactory(first_name="Pierre", last_name="Lemieux")
    MemberFactory(council=council, first_name="Luc", last_name="Bergeron")
    MemberFactory(council=council, first_name="Nadia", last_name="Roy")
    # The chair already sits that morning in another case.
    other = CaseFactory(council=council, number="26-26-90500", chair=chair, served_on=served_on)
    Hearing.objects.create(
        case=other,
        kind=HearingKind.GUILT,
        starts_at=timezone.make_aware(datetime.combine(guilt_day, time(9, 30))),
        ends_at=timezone.make_aware(datetime.combine(guilt_day, time(12, 0))),
        venue=HearingVenue.MONTREAL,
        room="Salle 2",
        chair=chair,
        created_by=clerk,
    )
    year = fiscal_year_of(filed_on)
    an_accepted_return_declaring_nothing(year)

    session.sign_in(clerk.username)
    page = session.visit("/discipline/")
    page.get_by_role("link", name="Ouvrir un dossier").click()
    session.check_page()
    page.get_by_label("Conseil").select_option(label=str(council))
    page.get_by_label("Déposée le").fill(filed_on.isoformat())
    page.get_by_label("Signifiée le").fill(served_on.isoformat())
    page.get_by_role("combobox", name="Plaignant", exact=True).select_option(label="Plaignant privé")
    page.get_by_label("Nom du plaignant").fill(COMPLAINANT)
    page.get_by_role("textbox", name="Intimé", exact=True).fill("Jeanne Côté")
    page.get_by_label("Numéro de permis").fill("123456")
    page.get_by_role("textbox", name="Chef 1", exact=True).fill("A manqué de respect envers sa patiente.")
    page.get_by_label("Dispositions invoquées (chef 1)").fill("art. 59.2 C.prof.")
    page.get_by_role("textbox", name="Chef 2", exact=True).fill("N'a pas tenu de dossier.")
    page.get_by_label("Dispositions invoquées (chef 2)").fill("art. 13 Code de déontologie")
    page.get_by_role("button", name="Ouvrir le dossier").click()
    session.check_page()
    case = Case.objects.exclude(pk=other.pk).get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.number)

    # The panel: the chair and the council's two members.
    page.get_by_role("link", name="Formation").click()
    session.check_page()
    page.get_by_label("Président").select_option(label=str(chair))
    page.get_by_label("Luc Bergeron").check()
    page.get_by_label("Nadia Roy").check()
    page.get_by_role("button", name="Constituer la formation").click()
    session.check_page()

    def schedule(kind, day, start, minutes="120"):
        page.get_by_role("link", name="Prévoir une audience").click()
        session.check_page()
        page.get_by_label("Audience").select_option(label=kind)
        page.get_by_label("Jour").fill(day.isoformat())
        page.get_by_label("Début").fill(start)
        page.get_by_label("Durée (minutes)").fill(minutes)
        page.get_by_label("Emplacement").select_option(label="Québec")
        page.get_by_label("Salle").fill("Salle 1")
        page.get_by_role("button", name="Prévoir").click()

    def record_held(kind, under_advisement):
        page.locator("#hearings tr", has_text=kind).get_by_role("link").first.click()
        session.check_page()
        page.get_by_role("link", name="Enregistrer l’issue").click()
        session.check_page()
        page.get_by_label("Tenue").check()
        if not under_advisement:
            page.get_by_label("Prise en délibéré à la fin de l’audience").uncheck()
        page.get_by_role("button", name="Consigner").click()
        session.check_page()  # back on the case's page

    schedule("Conférence de gestion", conference_day, "10:00", "60")
    session.check_page()
    # The hearing on guilt: the chair is taken that morning, refused; the afternoon is free.
    schedule("Audience sur culpabilité", guilt_day, "10:00")
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Me Pierre Lemieux siège déjà à ce moment")
    page.get_by_label("Début").fill("13:30")
    page.get_by_role("button", name="Prévoir").click()
    session.check_page()
    assert Hearing.objects.filter(case=case).count() == 2

    record_held("Conférence de gestion", under_advisement=False)
    record_held("Audience sur culpabilité", under_advisement=True)

    # The decision on guilt: guilty on both counts.
    page.get_by_role("link", name="Enregistrer une décision").click()
    session.check_page()
    page.get_by_role("combobox", name="Décision", exact=True).select_option(label="Décision sur culpabilité")
    page.get_by_label("Rendue le").fill((guilt_day + timedelta(days=10)).isoformat())
    page.get_by_label("Verdict sur le chef 1").select_option(label="Coupable")
    page.get_by_label("Verdict sur le chef 2").select_option(label="Coupable")
    page.get_by_role("button", name="Consigner la décision").click()
    session.check_page()

    # The hearing on sanction, then the sanctions per count (a fine below art. 156's range first).
    schedule("Audience sur sanction", sanction_day, "09:30")
    session.check_page()
    record_held("Audience sur sanction", under_advisement=True)
    page.get_by_role("link", name="Enregistrer une décision").click()
    session.check_page()
    page.get_by_role("combobox", name="Décision", exact=True).select_option(label="Décision sur sanction")
    page.get_by_label("Rendue le").fill(today.isoformat())
    page.get_by_label("Sanction 1 sur le chef 1").select_option(label="Amende (156 c)")
    page.locator("[name$='_1_amount']").first.fill("1000")
    page.get_by_label("Sanction 1 sur le chef 2").select_option(label="Réprimande (156 a)")
    page.get_by_role("button", name="Consigner la décision").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("2 500")
    assert not Decision.objects.filter(case=case, stage="sanction").exists()
    page.locator("[name$='_1_amount']").first.fill("5000")
    page.get_by_role("button", name="Consigner la décision").click()
    session.check_page()
    assert Decision.objects.get(case=case, stage="sanction").sanctions.count() == 2

    # A non-publication order on the complainant's name: the case page shows the banner.
    page.get_by_role("link", name="Ordonnance de non-publication").click()
    session.check_page()
    page.get_by_label("Type d’ordonnance").select_option(label="Non-publication")
    page.get_by_label("Porte sur").select_option(label="Le nom d’une personne")
    page.get_by_label("Mots visés").fill(COMPLAINANT)
    page.get_by_label("Ordonnée le").fill(sanction_day.isoformat())
    page.get_by_role("button", name="Enregistrer l’ordonnance").click()
    session.check_page()
    assert NonPublicationOrder.objects.filter(case=case).count() == 1

    # The roll of the sanction hearing's day: the name is redacted in the page and the PDF.
    page = session.visit(f"/discipline/role/?day={sanction_day.isoformat()}")
    expect(page.locator("main")).to_contain_text(case.number)
    expect(page.locator("main")).not_to_contain_text(COMPLAINANT)
    with page.expect_download() as download:
        page.get_by_role("link", name="Rôle (PDF)").click()
    pdf_text = "".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert case.number in pdf_text and "[protégé]" in pdf_text
    assert "Rosalie" not in pdf_text and "Tremblay" not in pdf_text

    # The yearly report counts the private complaint for the council.
    page = session.visit("/discipline/")
    page.get_by_role("link", name="Rapports").click()
    session.check_page()
    page.get_by_role("link", name="Rapport annuel").click()
    session.check_page()
    page.get_by_label("Exercice").select_option(label=fiscal_year_label(year))
    page.get_by_role("button", name="Afficher").click()
    session.check_page()
    row = page.locator("#complaints tr", has_text=str(council))
    expect(row).to_contain_text("1")
    first, _last = fiscal_year(year)
    expect(page.locator("main")).to_contain_text(first.isoformat())

    # The reconciliation: the order declared no complaint; the case is behind the difference.
    page.get_by_role("link", name="Rapprochement avec la BDSP").click()
    session.check_page()
    page.get_by_label("Exercice").select_option(label=fiscal_year_label(year))
    page.get_by_role("button", name="Afficher").click()
    session.check_page()
    page.get_by_role("link", name=str(council)).click()
    session.check_page()
    line = page.locator("#reconciliation-lines tr", has_text="Plaintes reçues d’une autre personne")
    expect(line).to_contain_text("+1")
    line.locator("summary").click()
    line.get_by_role("link", name=case.number).click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.number)


def test_a_chair_away_cannot_be_scheduled(session):
    """The clerk records a chair's leave in the directory; a hearing then is refused."""
    today = timezone.localdate()
    clerk = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE])
    council = CouncilFactory(order=order("infirmieres"), number=26)
    chair = ChairFactory(first_name="Anne", last_name="Fortin")
    members = [MemberFactory(council=council), MemberFactory(council=council)]
    case = CaseFactory(council=council, chair=chair, served_on=today - timedelta(days=5))
    case.members.set(members)
    away_from, away_to = today + timedelta(days=20), today + timedelta(days=30)

    session.sign_in(clerk.username)
    page = session.visit("/discipline/")
    page.get_by_role("link", name="Répertoire").click()
    session.check_page()
    page.get_by_role("link", name="Présidents").click()
    session.check_page()
    page.get_by_role("link", name=str(chair)).click()
    session.check_page()
    page.get_by_label(re.compile(r"^De( |$)")).fill(away_from.isoformat())
    page.get_by_label(re.compile(r"^À( |$)")).fill(away_to.isoformat())
    page.get_by_label("Motif").fill("Congé")
    page.get_by_role("button", name="Ajouter la période").click()
    session.check_page()
    expect(page.locator("#unavailabilities")).to_contain_text("Congé")

    page = session.visit(case.get_absolute_url())
    page.get_by_role("link", name="Prévoir une audience").click()
    session.check_page()
    page.get_by_label("Audience").select_option(label="Audience sur culpabilité")
    page.get_by_label("Jour").fill((away_from + timedelta(days=2)).isoformat())
    page.get_by_label("Début").fill("09:30")
    page.get_by_label("Emplacement").select_option(label="Québec")
    page.get_by_label("Salle").fill("Salle 1")
    page.get_by_role("button", name="Prévoir").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Me Anne Fortin n’est pas disponible")
    assert not Hearing.objects.filter(case=case).exists()
