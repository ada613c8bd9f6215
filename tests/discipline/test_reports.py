"""The Bureau's reports on hand-computed fixtures: the art. 115.8 compilation, the yearly report
and the reconciliation with the BDSP's s. 18 figures (every figure below is counted by hand
from the events of `activity`, in the Office's time zone; delays in calendar days)."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from bdsp import selectors as bdsp_selectors
from bdsp import services as bdsp_services
from bdsp.choices import ReturnStatus, ValueState
from bdsp.models import AnnualReturn, ReturnValue
from discipline import selectors
from discipline.choices import (
    CaseStatus,
    ComplainantKind,
    DecisionStage,
    HearingKind,
    HearingOutcome,
    HearingVenue,
    SanctionKind,
    Verdict,
)
from discipline.models import Appeal, Count, Decision, Hearing, Sanction
from tests.discipline.factories import CaseFactory, ChairFactory, CouncilFactory
from tests.factories import UserFactory, order


def at(day, hour, minute=0):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def held(case, chair, kind, day, start, end, outcome=HearingOutcome.HELD, room="Salle 1"):
    return Hearing.objects.create(
        case=case,
        kind=kind,
        starts_at=at(day, *start),
        ends_at=at(day, *end),
        venue=HearingVenue.QUEBEC,
        room=room,
        chair=chair,
        outcome=outcome,
        created_by=case.created_by,
    )


def decide(case, stage, rendered_on, advisement_on=None):
    return Decision.objects.create(
        case=case, stage=stage, rendered_on=rendered_on, advisement_on=advisement_on, created_by=case.created_by
    )


@pytest.fixture
def activity(db):
    """Two councils' fiscal year 2025-2026 (1 April 2025 to 31 March 2026), with cases just
    outside it. Council 26 (nurses): A1 heard on guilt and sanction, appealed; A2 acquitted on
    the bench; A3 filed before the year, withdrawn in it; A4 filed on its last day; A5 the day
    after. Council 27 (physicians): B1 rejected on preliminary grounds after advisement."""
    user = UserFactory()
    chair = ChairFactory()
    nurses = CouncilFactory(order=order("infirmieres"), number=26)
    physicians = CouncilFactory(order=order("medecins"), number=27)

    def case(council, number, filed_on, kind, **extra):
        return CaseFactory(
            council=council, number=number, filed_on=filed_on, complainant_kind=kind, created_by=user, **extra
        )

    a1 = case(
        nurses,
        "26-25-00001",
        date(2025, 4, 10),
        ComplainantKind.SYNDIC,
        served_on=date(2025, 4, 20),
        counts=2,
        chair=chair,
    )
    a2 = case(
        nurses, "26-25-00002", date(2025, 5, 15), ComplainantKind.PRIVATE, served_on=date(2025, 5, 29), chair=chair
    )
    a3 = case(nurses, "26-25-00003", date(2025, 3, 20), ComplainantKind.SYNDIC, status=CaseStatus.WITHDRAWN)
    a3.closed_on = date(2025, 7, 1)
    a3.save()
    case(nurses, "26-26-00004", date(2026, 3, 31), ComplainantKind.ASSISTANT_SYNDIC)
    case(nurses, "26-26-00005", date(2026, 4, 1), ComplainantKind.SYNDIC)
    b1 = case(physicians, "27-25-00001", date(2025, 9, 1), ComplainantKind.AD_HOC_SYNDIC, served_on=date(2025, 9, 10))

    held(a1, chair, HearingKind.MANAGEMENT, date(2025, 5, 5), (9, 0), (10, 30))  # 90 min
    held(a1, chair, HearingKind.GUILT, date(2025, 6, 2), (9, 30), (12, 30))  # 180 min
    held(a2, chair, HearingKind.GUILT, date(2025, 6, 2), (13, 30), (16, 30), room="Salle 2")  # 180 min
    held(a1, chair, HearingKind.GUILT, date(2025, 6, 3), (9, 30), (12, 30))  # 180 min
    held(a1, chair, HearingKind.SANCTION, date(2025, 9, 8), (9, 30), (11, 30), outcome=HearingOutcome.POSTPONED)
    held(a1, chair, HearingKind.SANCTION, date(2025, 10, 6), (9, 30), (11, 30))  # 120 min
    held(a3, chair, HearingKind.GUILT, date(2025, 3, 25), (9, 30), (11, 30))  # before the year: ignored
    held(b1, chair, HearingKind.MANAGEMENT, date(2025, 9, 30), (10, 0), (11, 0))  # 60 min

    Count.objects.filter(case=a1).update(verdict=Verdict.GUILTY)
    Count.objects.filter(case=a2).update(verdict=Verdict.NOT_GUILTY)
    decide(a2, DecisionStage.GUILT, date(2025, 6, 2))  # on the bench
    decide(a1, DecisionStage.GUILT, date(2025, 8, 15), advisement_on=date(2025, 6, 3))  # 73 days
    sanction = decide(a1, DecisionStage.SANCTION, date(2026, 1, 20), advisement_on=date(2025, 10, 6))  # 106 days
    first_count, second_count = Count.objects.filter(case=a1).order_by("number")
    Sanction.objects.create(decision=sanction, count=first_count, kind=SanctionKind.FINE, amount=Decimal(5000))
    Sanction.objects.create(decision=sanction, count=second_count, kind=SanctionKind.TEMPORARY_STRIKING_OFF, months=3)
    Appeal.objects.create(case=a1, decision=sanction, filed_on=date(2026, 2, 10), appellant="x", created_by=user)
    decide(b1, DecisionStage.PRELIMINARY, date(2025, 11, 15), advisement_on=date(2025, 10, 1))  # 45 days
    return {"nurses": nurses, "physicians": physicians, "a1": a1, "a2": a2, "a3": a3, "b1": b1, "chair": chair}


def values(table, label):
    return next(row.values for row in table.rows if row.label == label)


def by_key(tables):
    return {table.key: table for table in tables}


# --- Art. 115.8 compilation ------------------------------------------------------------------


def test_the_compilation_counts_each_month_by_hand(activity):
    report = selectors.compilation(date(2025, 4, 1), date(2026, 3, 1))
    assert len(report.months) == 12
    nurses, physicians = activity["nurses"].pk, activity["physicians"].pk
    may, june, sept, oct_ = date(2025, 5, 1), date(2025, 6, 1), date(2025, 9, 1), date(2025, 10, 1)

    may_cell = report.cell(nurses, may)
    assert (len(may_cell.hearing_days), may_cell.average_hours, len(may_cell.management_cases)) == (1, 1.5, 1)
    june_cell = report.cell(nurses, june)
    assert (len(june_cell.hearing_days), june_cell.average_hours, len(june_cell.heard_cases)) == (2, 4.5, 2)
    assert june_cell.to_hearing.average == 35.5  # A1: 53 days, A2: 18 days
    assert june_cell.advisements == 1  # A1's guilt, reserved on 3 June
    assert report.cell(nurses, sept).postponements == 1
    assert len(report.cell(physicians, sept).hearing_days) == 1
    assert report.cell(None, sept).postponements == 1
    assert len(report.cell(None, sept).management_cases) == 1
    assert report.cell(None, oct_).advisements == 2  # A1's sanction (6 Oct.) and B1 (1 Oct.)

    year_nurses = report.cell(nurses)
    assert len(year_nurses.hearing_days) == 4  # 5 May, 2 and 3 June, 6 Oct.: the March hearing is outside
    assert year_nurses.average_hours == 3.1  # 750 minutes over 4 days
    assert len(year_nurses.heard_cases) == 2  # A1 heard in June and October counts once

    everything = report.cell()
    assert len(everything.hearing_days) == 5
    assert everything.average_hours == 2.7  # 810 minutes over 5 days
    assert len(everything.management_cases) == 2
    assert everything.advisements == 3
    assert everything.advisement.average == 74.7  # 73, 106 and 45 days
    assert dict(everything.decisions) == {
        DecisionStage.GUILT: 2,
        DecisionStage.SANCTION: 1,
        DecisionStage.PRELIMINARY: 1,
    }
    assert everything.appeals == 1
    assert everything.to_decision[DecisionStage.GUILT].average == 72.5  # 18 and 127 days
    assert everything.to_decision[DecisionStage.SANCTION].average == 285
    assert everything.to_decision[DecisionStage.PRELIMINARY].average == 75


def test_the_compilation_tables_show_the_same_figures(activity):
    report = selectors.compilation(date(2025, 4, 1), date(2026, 3, 1))
    tables = by_key(report.tables())
    assert set(tables) == {
        "hearings-by-month",
        "decisions-by-month",
        "delays-by-month",
        "hearings-by-council",
        "decisions-by-council",
        "delays-by-council",
    }
    assert values(tables["hearings-by-month"], "Période") == [5, 2.7, 1, 2, 2, 3, 74.7]
    nurses = values(tables["hearings-by-council"], str(activity["nurses"]))
    assert nurses[:5] == [4, 3.1, 1, 1, 2]
    # Decisions: guilt, sanction, guilt and sanction, preliminary, provisional, all, appealed.
    assert values(tables["decisions-by-month"], "Période") == [2, 1, 0, 1, 0, 4, 1]
    assert values(tables["delays-by-month"], "Période") == [35.5, 72.5, 285, None, 75, None]


def test_the_compilation_of_one_council_leaves_the_others_out(activity):
    report = selectors.compilation(date(2025, 4, 1), date(2026, 3, 1), council=activity["physicians"])
    assert len(report.cell().hearing_days) == 1
    assert report.cell().postponements == 0
    assert [t.key for t in report.tables()] == ["hearings-by-month", "decisions-by-month", "delays-by-month"]
    assert report.heard == []


def test_the_places_and_dates_of_the_complaints_heard(activity):
    report = selectors.compilation(date(2025, 6, 1), date(2025, 6, 1), council=activity["nurses"])
    assert [(h.case_number, h.day, h.place) for h in report.heard] == [
        ("26-25-00001", date(2025, 6, 2), "Québec, Salle 1"),
        ("26-25-00002", date(2025, 6, 2), "Québec, Salle 2"),
        ("26-25-00001", date(2025, 6, 3), "Québec, Salle 1"),
    ]


# --- Yearly report ---------------------------------------------------------------------------


def test_the_yearly_report_counts_the_fiscal_year_by_hand(activity):
    report = selectors.yearly_report(2026)
    assert (report.first, report.last, report.label) == (date(2025, 4, 1), date(2026, 3, 31), "2025-2026")
    overall = report.of()
    assert dict(overall.complaints) == {
        ComplainantKind.SYNDIC: 1,  # A1 (A3 before the year, A5 after)
        ComplainantKind.ASSISTANT_SYNDIC: 1,  # A4, on the last day
        ComplainantKind.AD_HOC_SYNDIC: 1,
        ComplainantKind.PRIVATE: 1,
    }
    assert sum(report.of(activity["nurses"].pk).complaints.values()) == 3
    assert dict(overall.sanctions) == {SanctionKind.FINE: 1, SanctionKind.TEMPORARY_STRIKING_OFF: 1}
    assert (overall.to_service.average, overall.to_service.median) == (11.0, 10)  # 10, 14 and 9 days
    assert (overall.to_hearing.average, overall.to_hearing.median) == (35.5, 35.5)
    assert (overall.to_guilt.average, overall.to_guilt.median) == (72.5, 72.5)
    assert overall.to_sanction.days == [285]
    # 73 and 45 days are within the delay; 106 days is past it (6 Oct. + 90 = Sunday 4 Jan.,
    # moved to Monday 5 Jan. 2026), whichever way it is counted.
    assert (overall.advisement.count, overall.within_90_days, overall.share_within_90_days) == (3, 2, 66.7)
    assert (overall.advisement.average, overall.advisement.median) == (74.7, 73)


def test_the_yearly_tables_and_charts(activity):
    report = selectors.yearly_report(2026)
    tables = by_key(report.tables())
    assert values(tables["complaints"], "Tous les conseils") == [1, 1, 1, 1, 4]
    assert values(tables["complaints"], str(activity["physicians"])) == [0, 0, 1, 0, 1]
    assert values(tables["advisement"], str(activity["physicians"])) == [1, 1, 100.0, 45, 45]
    sanctions = values(tables["sanctions"], "Tous les conseils")
    assert sum(sanctions[:-1]) == sanctions[-1] == 2
    # Per chair: A1 and A2 heard after 53 and 18 days; A1's decisions after 73 and 106 days of
    # advisement (A2's on the bench); B1, with no chair, 45 days.
    assert values(tables["chairs"], str(activity["chair"])) == [35.5, 35.5, 2, 1, 50.0, 89.5, 89.5]
    assert values(tables["chairs"], "Aucun président désigné") == [None, None, 1, 1, 100.0, 45, 45]
    charts = {chart["id"]: chart for chart in report.charts()}
    assert charts["chart-decisions"]["data"] == [2, 1, 0, 1, 0]


# --- Reconciliation with the BDSP --------------------------------------------------------------


@pytest.fixture
def nurses_return(activity):
    """The nurses' accepted return of reporting year 2026, with three planted differences."""
    form = bdsp_services.form_create_from_regulation(year=2026)
    definition = bdsp_selectors.form_definition(form)
    annual_return = AnnualReturn.objects.create(
        professional_order=order("infirmieres"),
        reporting_year=form,
        status=ReturnStatus.ACCEPTED,
        fiscal_year_end=date(2026, 3, 31),
    )
    declared = {
        ("audiences", ""): 4,
        ("plaintes-plaignant", "syndic"): 2,
        ("plaintes-plaignant", "autre"): 1,
        ("plaintes-plaignant", ""): 3,
        ("decisions-issue", "culpabilite"): 2,  # planted: the cases show 1
        ("decisions-issue", "acquittement"): 1,
        ("decisions-issue", "retrait"): 1,
        ("decisions-issue", ""): 4,  # planted: 3
        ("decisions-sanction", "amende"): 1,
        ("decisions-sanction", "radiation-temp"): 1,
        ("decisions-sanction", ""): 2,
        ("decisions-delibere", ""): 2,
        ("decisions-90-jours", ""): 2,  # planted: 1
    }
    for (code, key), number in declared.items():
        ReturnValue.objects.create(
            annual_return=annual_return,
            indicator_id=definition.indicators[code].id,
            category_key=key,
            number=Decimal(number),
        )
    ReturnValue.objects.create(
        annual_return=annual_return, indicator_id=definition.indicators["appels"].id, state=ValueState.NO_ACTIVITY
    )
    return annual_return


def lines_of(result):
    return {(line.code, line.key): line for line in result.lines}


def test_the_bdsp_selector_reads_only_accepted_current_returns(nurses_return):
    figures = bdsp_selectors.declared_figures(2026, ["audiences", "appels"])
    assert figures[order("infirmieres").pk].numbers == {("audiences", ""): Decimal(4), ("appels", ""): Decimal(0)}
    nurses_return.superseded = True
    nurses_return.save()
    assert bdsp_selectors.declared_figures(2026, ["audiences"]) == {}
    nurses_return.superseded, nurses_return.status = False, ReturnStatus.SUBMITTED
    nurses_return.save()
    assert bdsp_selectors.declared_figures(2026, ["audiences"]) == {}


def test_the_reconciliation_lists_every_difference_with_its_cases(activity, nurses_return):
    result = selectors.order_reconciliation(2026, activity["nurses"])
    assert (result.first, result.last, result.has_return) == (date(2025, 4, 1), date(2026, 3, 31), True)
    lines = lines_of(result)
    computed = {key: line.computed for key, line in lines.items()}
    assert computed[("audiences", "")] == 4
    assert computed[("plaintes-plaignant", "syndic")] == 2  # A1 and A4 (an assistant syndic)
    assert computed[("plaintes-plaignant", "autre")] == 1
    assert computed[("decisions-issue", "culpabilite")] == 1
    assert computed[("decisions-issue", "acquittement")] == 1
    assert computed[("decisions-issue", "retrait")] == 1  # A3, withdrawn on 1 July 2025
    assert computed[("decisions-sanction", "")] == 2
    assert computed[("decisions-delibere", "")] == 2
    assert computed[("decisions-90-jours", "")] == 1
    assert computed[("appels", "")] == 1
    differing = {(line.code, line.key): line.difference for line in result.differences}
    assert differing == {
        ("decisions-issue", "culpabilite"): -1,
        ("decisions-issue", ""): -1,
        ("decisions-90-jours", ""): -1,
        ("appels", ""): 1,
    }
    assert [number for number, _url in lines[("decisions-issue", "culpabilite")].links] == ["26-25-00001"]
    assert lines[("appels", "")].links == [("26-25-00001", reverse("discipline:case_detail", args=[activity["a1"].pk]))]
    assert [(str(label), count) for label, count in result.appeal_outcomes] == [("En instance", 1)]


def test_an_order_with_no_accepted_return_is_compared_with_nothing(activity, nurses_return):
    results = {r.council.pk: r for r in selectors.reconciliation(2026)}
    assert len(results[activity["nurses"].pk].differences) == 4
    physicians = results[activity["physicians"].pk]
    assert physicians.has_return is False
    assert physicians.differences == []
    assert lines_of(physicians)[("decisions-issue", "retrait")].computed == 1  # B1, rejected
    assert lines_of(physicians)[("decisions-issue", "retrait")].declared is None


# --- Pages and files ---------------------------------------------------------------------------

REPORT_PAGES = ("discipline:compilation", "discipline:yearly_report", "discipline:reconciliation")


@pytest.mark.parametrize("name", REPORT_PAGES)
def test_the_reports_are_for_the_bureau_only(make_client, staff_user, partner_user, clerk, name):
    url = reverse(name)
    assert make_client().get(url).status_code == 302  # to sign in
    assert make_client(staff_user).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403
    assert make_client(clerk).get(url).status_code == 200


def test_the_compilation_page_and_its_files(make_client, clerk, activity):
    client = make_client(clerk)
    url = reverse("discipline:compilation") + "?start=2025-04&end=2026-03"
    page = client.get(url)
    assert page.status_code == 200
    assert "26-25-00001" not in page.text  # all councils: the places and dates come per council
    response = client.get(url + "&export=xlsx")
    assert response["Content-Disposition"].endswith('compilation-115-8-2025-04-2026-03.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "1. Audiences et délibérés"
    sheet = workbook.worksheets[3]  # the hearings per council
    assert sheet.title.startswith("4. Audiences et délibérés, par")
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1][:3] == ("Tous les conseils", 5, 2.7)
    assert [row[1] for row in workbook["Lieux et dates"].iter_rows(values_only=True)][1:] == [
        "26-25-00001",
        "26-25-00002",
        "26-25-00001",
        "26-25-00001",
    ]
    pdf = client.get(url + "&export=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Compilation" in text and "Tous les conseils" in text


def test_a_bad_period_is_refused_in_french(make_client, clerk):
    client = make_client(clerk)
    response = client.get(reverse("discipline:compilation") + "?start=2026-03&end=2025-04")
    assert response.status_code == 422
    assert "La période ne peut pas finir avant de commencer." in response.text
    response = client.get(reverse("discipline:compilation") + "?start=2020-01&end=2026-03")
    assert response.status_code == 422
    assert "au plus 36 mois" in response.text
    response = client.get(reverse("discipline:compilation") + "?start=mars")
    assert "Indiquez un mois sous la forme 2026-12." in response.text


def test_the_yearly_report_page_and_its_files(make_client, clerk, activity):
    client = make_client(clerk)
    page = client.get(reverse("discipline:yearly_report") + "?year=2026")
    assert page.status_code == 200
    assert 'id="chart-sanctions-data"' in page.text
    response = client.get(reverse("discipline:yearly_report") + "?year=2026&export=xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[4].iter_rows(values_only=True))  # after advisement
    assert rows[-1] == ("Tous les conseils", 3, 2, 66.7, 74.7, 73)
    assert client.get(reverse("discipline:yearly_report") + "?year=1999").status_code == 422


def test_the_reconciliation_pages_and_files(make_client, clerk, activity, nurses_return):
    client = make_client(clerk)
    overview = client.get(reverse("discipline:reconciliation") + "?year=2026")
    assert overview.status_code == 200
    url = reverse("discipline:reconciliation") + f"?year=2026&council={activity['nurses'].pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert reverse("discipline:case_detail", args=[activity["a1"].pk]) in page.text
    response = client.get(url + "&export=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    appeals = next(row for row in rows if row[0] == "Décisions portées en appel au Tribunal des professions")
    assert appeals == ("Décisions portées en appel au Tribunal des professions", 0, 1, 1, "26-25-00001")
    pdf = client.get(url + "&export=pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "26-25-00001" in text


@pytest.mark.parametrize("name", REPORT_PAGES)
def test_the_reports_cost_a_constant_number_of_queries(assert_query_count, make_client, clerk, activity, name):
    client = make_client(clerk)
    url = (
        reverse(name)
        + {
            "discipline:compilation": "?start=2025-04&end=2026-03",
            "discipline:yearly_report": "?year=2026",
            "discipline:reconciliation": "?year=2026",
        }[name]
    )
    client.get(url)
    with assert_query_count(name):
        assert client.get(url).status_code == 200
