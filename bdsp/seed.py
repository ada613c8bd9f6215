"""BDSP demo and scale data: ten years of accepted returns from the 46 orders.

Years 2016 to 2025 are closed with every order's return accepted; 2026 is the open
campaign. At demo scale a handful of 2026 returns are in progress; at full scale every
order is somewhere in the 2026 workflow too. Figures are invented but coherent: they pass
every blocking rule of the form (members at the end = start + entries − exits, …).
"""

import random
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from bdsp import selectors, services
from bdsp.choices import ReturnStatus, ValueState, YearStatus
from bdsp.models import AnnualReturn, ReportingYear, ReturnEvent, ReturnValue
from opq_intranet.core.calendar import legal_deadline
from opq_intranet.core.models import ProfessionalOrder
from opq_intranet.core.registry.seed import Generator, register

FIRST_YEAR, LAST_CLOSED, OPEN_YEAR = 2016, 2025, 2026
REGION_WEIGHTS = {
    "01": 2, "02": 3, "03": 12, "04": 3, "05": 4, "06": 28, "07": 5, "08": 1.5, "09": 1,
    "10": 0.5, "11": 1, "12": 5, "13": 5, "14": 5, "15": 7, "16": 15, "17": 3, "hq": 1,
}  # fmt: skip
# Roughly the size of the largest orders; the others get between 500 and 15 000 members.
COMPLAINT_RATE = 230  # members per complaint a year: about 30 000 complaints over ten years
HEARING_DAYS_MAX = 240  # a council sits at most on the working days of its year
BIG_ORDERS = {"infirmieres": 78000, "ingenieurs": 65000, "cpa": 40000, "barreau": 28000, "medecins": 24000}
# Share of women by order (else 50 %), roughly as the professions are.
WOMEN_SHARE = {
    "infirmieres": 0.9, "inf-auxiliaires": 0.9, "sages-femmes": 0.99, "hygienistes": 0.97,
    "ingenieurs": 0.16, "ing-forestiers": 0.2, "arpenteurs": 0.15, "geologues": 0.25,
    "psychologues": 0.8, "orthophonistes": 0.95, "ergotherapeutes": 0.9, "travailleurs-sociaux": 0.85,
}  # fmt: skip


def split(total, weights, rng):
    """`total` split in integers along the weights, summing exactly to `total`."""
    keys = list(weights)
    jitter = {k: weights[k] * rng.uniform(0.85, 1.15) for k in keys}
    scale = sum(jitter.values())
    parts = {k: int(total * jitter[k] / scale) for k in keys}
    parts[keys[0]] += total - sum(parts.values())
    return parts


def figures(order, year, rng, members_start):
    """{(code, key): number} for one order and year, coherent with the form's rules."""
    values = {}

    def put(code, total, parts=None):
        values[(code, "")] = total
        for key, part in (parts or {}).items():
            values[(code, key)] = part

    # Each order keeps its own rates from year to year, give or take a few per cent: its main
    # counts change by less than 20 % a year, as the form's year-over-year checks expect.
    rates = random.Random(f"{order.code}/rates")
    entry_rate, dues_base = rates.uniform(0.05, 0.1), rates.randint(300, 1200)
    unpaid_rate, retired_rate = rates.uniform(0.01, 0.03), rates.uniform(0.01, 0.03)
    training_rate, other_rate = rates.uniform(5, 40), rates.uniform(2, 15)

    def jitter():
        return rng.uniform(0.96, 1.04)

    entries = max(1, int(members_start * entry_rate * jitter()))
    exits = {
        "cotisation": int(members_start * unpaid_rate * jitter()),
        "discipline": rng.randint(1, 2),
        "retraite": int(members_start * retired_rate * jitter()),
        "deces": int(members_start * 0.002),
        "autre": rng.randint(2, 3),
    }
    members_end = members_start + entries - sum(exits.values())
    put("membres-debut", members_start)
    put("inscriptions", entries)
    put("premieres-inscriptions", int(entries * rng.uniform(0.5, 0.8)))
    put("radiations", sum(exits.values()), exits)
    put("membres-fin", members_end)
    put("membres-region", members_end, split(members_end, REGION_WEIGHTS, rng))
    women = WOMEN_SHARE.get(order.code, 0.5)
    put("membres-sexe", members_end, split(members_end, {"f": women, "h": 1 - women, "x": 0.003}, rng))
    put("membres-cotisation", members_end, split(members_end, {"reguliere": 85, "reduite": 10, "retraite": 5}, rng))
    put("limitations", rng.randint(0, max(1, members_end // 2000)))
    put("suspensions", rng.randint(0, max(1, members_end // 3000)))

    received = split(int(entries * 1.15), {"diplome": 80, "equiv-diplome": 8, "equiv-formation": 5, "hors-qc": 7}, rng)
    granted = {k: int(v * 0.85) for k, v in received.items()}
    refused = {k: int(v * 0.05) for k, v in received.items()}
    pending = {k: received[k] - granted[k] - refused[k] for k in received}
    for code, parts in (
        ("permis-recues", received),
        ("permis-accordees", granted),
        ("permis-refusees", refused),
        ("permis-en-attente", pending),
    ):
        put(code, sum(parts.values()), parts)
    special = {k: rng.randint(0, 4) for k in ("temp-37", "temp-41", "restrictif-42-1", "special-42-2")}
    put("permis-particuliers", sum(special.values()), special)

    # About 3 000 complaints a year across the orders: the Bureau's ten years of cases (30 000).
    complaints = max(0, int(members_end / COMPLAINT_RATE * rng.uniform(0.5, 1.5)))
    natures = (
        split(complaints, {"competence": 40, "integrite": 35, "sexuel": 10, "autre": 15}, rng) if complaints else {}
    )
    put("plaintes-nature", complaints, natures)
    syndic = int(complaints * rng.uniform(0.8, 0.95))
    put("plaintes-plaignant", complaints, {"syndic": syndic, "autre": complaints - syndic})
    decisions = int(complaints * rng.uniform(0.7, 1.0))
    guilty = int(decisions * 0.8)
    put("decisions-issue", decisions, {"culpabilite": guilty, "acquittement": decisions - guilty - decisions // 10,
                                       "retrait": decisions // 10})  # fmt: skip
    sanctions = split(guilty, {"reprimande": 30, "amende": 35, "radiation-temp": 25, "radiation-perm": 2,
                               "limitation": 5, "autre": 3}, rng) if guilty else {}  # fmt: skip
    put("decisions-sanction", guilty, sanctions)
    advised = decisions
    put("decisions-delibere", advised)
    put("decisions-90-jours", int(advised * rng.uniform(0.8, 1.0)))
    put("appels", rng.randint(0, max(0, decisions // 10)))
    put("audiences", min(HEARING_DAYS_MAX, int(decisions * rng.uniform(1.5, 3))))

    dues = Decimal(int(dues_base * 1.02 ** (year - FIRST_YEAR)))  # 2 % a year
    revenue = {
        "cotisations": members_end * dues,
        "admission": Decimal(entries * int(dues * Decimal("0.6"))),
        "formation": Decimal(int(members_end * training_rate * jitter())),
        "autres": Decimal(int(members_end * other_rate * jitter())),
    }
    put("revenus", sum(revenue.values()), revenue)
    spent = int(sum(revenue.values()) * Decimal(rng.uniform(0.93, 1.01)))
    activities = {"admission": 8, "inspection": 15, "syndic": 20, "discipline": 10, "formation": 12,
                  "administration": 30, "autres": 5}  # fmt: skip
    put("depenses-activite", spent, split(spent, activities, rng))
    put("depenses-fonds", spent, split(spent, {"general": 85, "assurance": 10, "autres": 5}, rng))
    return values, members_end


def _reporting_years(log):
    years = {}
    previous = None
    for year in range(FIRST_YEAR, OPEN_YEAR + 1):
        reporting_year = ReportingYear.objects.filter(year=year).first()
        if reporting_year is None:
            if previous is None:
                reporting_year = services.form_create_from_regulation(year=year)
            else:
                reporting_year = services.form_copy(source=previous, year=year)
            status = YearStatus.CLOSED if year <= LAST_CLOSED else YearStatus.OPEN
            reporting_year.status = status
            reporting_year.opened_at = timezone.make_aware(datetime.combine(date(year, 4, 1), time(9)))
            reporting_year.save()
        years[year] = reporting_year
        previous = reporting_year
    log(f"{len(years)} reporting years ({FIRST_YEAR}-{OPEN_YEAR})")
    return years


def _people():
    users = get_user_model().objects
    return users.filter(username="bdsp.bouchard").first(), users.filter(is_superuser=True).first()


def generate(scale, log):
    years = _reporting_years(log)
    analyst, fallback = _people()
    reviewer = analyst or fallback
    orders = list(ProfessionalOrder.objects.order_by("code"))
    existing = set(AnnualReturn.objects.values_list("professional_order_id", "reporting_year_id"))
    created = 0
    for order in orders:
        rng = random.Random(f"{order.code}")
        members = BIG_ORDERS.get(order.code) or rng.randint(500, 15000)
        for year, reporting_year in years.items():
            values, members_end = figures(order, year, rng, members)
            members = members_end
            if (order.pk, reporting_year.pk) in existing:
                continue
            if year == OPEN_YEAR and not _in_open_campaign(order, scale):
                continue
            status = ReturnStatus.ACCEPTED if year <= LAST_CLOSED else _open_status(order, rng, scale)
            _store(order, reporting_year, values, status, reviewer)
            created += 1
    log(f"{created} annual returns created")


def _in_open_campaign(order, scale):
    return scale == "full" or order.code in ("barreau", "medecins", "notaires", "pharmaciens", "ingenieurs")


def _open_status(order, rng, scale):
    if order.code == "ingenieurs":
        return ReturnStatus.DRAFT
    return rng.choice([ReturnStatus.DRAFT, ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED, ReturnStatus.RETURNED])


def _store(order, reporting_year, values, status, reviewer):
    # Reporting year Y: the fiscal year that ends on 31 March Y, general meeting in June.
    year = reporting_year.year
    fiscal_end = date(year, 3, 31)
    meeting = date(year, 6, 10)
    submitted = timezone.make_aware(datetime.combine(date(year, 7, 2), time(14)))
    annual_return = AnnualReturn.objects.create(
        professional_order=order,
        reporting_year=reporting_year,
        status=status,
        fiscal_year_end=fiscal_end,
        general_meeting_date=meeting,
        due_date=legal_deadline(meeting, services.RETURN_DUE_DAYS),
        submitted_at=submitted if status != ReturnStatus.DRAFT else None,
        attestation="Secrétaire de l'ordre" if status != ReturnStatus.DRAFT else "",
        accepted_at=submitted if status == ReturnStatus.ACCEPTED else None,
        accepted_by=reviewer if status == ReturnStatus.ACCEPTED else None,
        last_saved_at=submitted,
    )
    form = selectors.form_definition(reporting_year)
    rows = []
    for (code, key), number in values.items():
        indicator = form.indicators[code]
        if number == 0 and not key and indicator.keys == [] and code in ("appels", "limitations", "suspensions"):
            rows.append(
                ReturnValue(annual_return=annual_return, indicator_id=indicator.id, state=ValueState.NO_ACTIVITY)
            )
            continue
        rows.append(
            ReturnValue(
                annual_return=annual_return, indicator_id=indicator.id, category_key=key, number=Decimal(number)
            )
        )
    rows.append(
        ReturnValue(annual_return=annual_return, indicator_id=form.indicators["rapport-annuel-depose"].id, boolean=True)
    )
    ReturnValue.objects.bulk_create(rows)
    if reviewer is not None and status != ReturnStatus.DRAFT:
        ReturnEvent.objects.create(annual_return=annual_return, by=reviewer, from_status="", to_status=status)


register(Generator(key="bdsp.returns", order=20, run=generate))
