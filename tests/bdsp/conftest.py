"""BDSP fixtures: a year's form built from the regulation, people of each role, a return."""

from datetime import date

import pytest

from bdsp import services
from opq_intranet.accounts.roles import Role
from tests.factories import PartnerFactory, UserFactory, order


@pytest.fixture
def analyst(db):
    return UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST], first_name="Marc", last_name="Bouchard")


@pytest.fixture
def filer(db):
    """A déclarant of the Ordre des infirmières et infirmiers du Québec."""
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))


@pytest.fixture
def reader(db):
    return PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("infirmieres"))


@pytest.fixture
def other_filer(db):
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))


@pytest.fixture
def draft_form(db):
    return services.form_create_from_regulation(year=2025)


@pytest.fixture
def year_form(draft_form, analyst):
    return services.form_open(reporting_year=draft_form, user=analyst)


@pytest.fixture
def draft_return(year_form, filer):
    return services.return_start(order=filer.professional_order, reporting_year=year_form, user=filer)


def entry(code, raw="", key="", state=None, explanation=""):
    return {"indicator": code, "key": key, "raw": raw, "state": state, "explanation": explanation}


def a_clean_return_entries():
    """Values that satisfy every blocking rule of the regulation's form (checked by hand)."""
    rows = [
        entry("membres-debut", "1000"),
        entry("inscriptions", "120"),
        entry("premieres-inscriptions", "80"),
        entry("radiations", "20"),
        entry("radiations", "15", "cotisation"),
        entry("radiations", "5", "retraite"),
        entry("membres-fin", "1100"),  # 1000 + 120 - 20
        entry("membres-region", "700", "03"),
        entry("membres-region", "400", "06"),
        entry("membres-sexe", "800", "f"),
        entry("membres-sexe", "300", "h"),
        entry("membres-cotisation", "1100", "reguliere"),
        entry("limitations", "0"),
        entry("audiences", "12"),
        entry("revenus", "530000"),
        entry("revenus", "530000", "cotisations"),
        entry("rapport-annuel-depose", "oui"),
    ]
    # Every indicator is answered (the form requires it): the rest had no activity.
    no_activity = (
        "permis-recues", "permis-accordees", "permis-refusees", "permis-en-attente", "permis-particuliers",
        "suspensions", "plaintes-nature", "plaintes-plaignant", "decisions-issue", "decisions-sanction",
        "decisions-delibere", "decisions-90-jours", "appels", "depenses-activite", "depenses-fonds",
    )  # fmt: skip
    rows += [entry(code, state="no_activity") for code in no_activity]
    return rows


@pytest.fixture
def clean_entries():
    return a_clean_return_entries()


def fill(annual_return, user, entries):
    return services.return_save_values(annual_return=annual_return, user=user, entries=entries)


def dates(annual_return, user):
    return services.return_save_general(
        annual_return=annual_return, user=user, fiscal_year_end=date(2026, 3, 31), general_meeting_date=date(2026, 6, 4)
    )


def submit(draft_return, filer, clean_entries):
    """Fill in a clean return, give its dates, sign and submit it."""
    fill(draft_return, filer, clean_entries)
    dates(draft_return, filer)
    return services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier, secrétaire")
