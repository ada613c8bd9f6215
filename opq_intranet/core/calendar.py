"""Legal deadlines and working days, the way Quebec law counts them.

Loi d'interprétation (RLRQ c. I-16):
- art. 61 par. 23 lists the "jours fériés": Sundays; 1 January; Good Friday; Easter Monday;
  24 June; 1 July, or 2 July when 1 July is a Sunday; the first Monday of September; the
  second Monday of October; 25 December; the day fixed to mark the Sovereign's birthday
  (the Monday before 25 May, Journée nationale des patriotes in Quebec); any other day fixed
  by proclamation or order (add those as `extra_legal_holidays` in the settings).
- art. 52: a deadline that expires on a jour férié is extended to the next day that is not.

Saturday is not a jour férié under the Act, so a deadline that falls on a Saturday stands.
The Code de procédure civile (art. 82) also treats Saturdays, 26 December and 2 January as
holidays for judicial deadlines: pass `civil_procedure=True` for those.

The Office's own closure days (OfficeClosure) are not legal holidays: they never move a legal
deadline; they only count in working-day arithmetic (`add_working_days`).

The dates come from the `holidays` package (Canada, subdivision QC); the test suite checks
them against the Act's list computed independently.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

SATURDAY, SUNDAY = 5, 6


@lru_cache(maxsize=64)
def legal_holidays(year):
    """{date: name} of the art. 61 jours fériés of `year`, Sundays aside."""
    public = holidays.country_holidays("CA", subdiv="QC", years=year, observed=False, language="fr")
    # Easter Monday is in the Act but the package files it as an optional holiday.
    optional = holidays.country_holidays(
        "CA", subdiv="QC", years=year, observed=False, language="fr", categories=("optional",)
    )
    days = dict(public)
    days.update({d: name for d, name in optional.items() if d.month in (3, 4)})
    # The Sovereign's birthday (par. i) is the Monday before 25 May; the package only knows
    # it from 2003, when Quebec named it Journée nationale des patriotes.
    sovereign = date(year, 5, 24) - timedelta(days=date(year, 5, 24).weekday())
    days.setdefault(sovereign, "Anniversaire du Souverain")
    canada_day = date(year, 7, 1)
    if canada_day.weekday() == SUNDAY:
        # The Act names 2 July in that case; Sunday 1 July is a holiday anyway.
        days[date(year, 7, 2)] = days[canada_day]
    for extra in getattr(settings, "EXTRA_LEGAL_HOLIDAYS", ()):
        extra_date = date.fromisoformat(extra)
        if extra_date.year == year:
            days[extra_date] = "Jour fixé par proclamation"
    return days


def is_legal_holiday(day, *, civil_procedure=False):
    """A jour férié under art. 61 (Sundays included), or also under CPC art. 82."""
    if day.weekday() == SUNDAY or day in legal_holidays(day.year):
        return True
    if civil_procedure:
        return day.weekday() == SATURDAY or (day.month, day.day) in ((12, 26), (1, 2))
    return False


def extend_if_holiday(day, *, civil_procedure=False):
    """Art. 52: a deadline expiring on a jour férié moves to the next day that is not."""
    while is_legal_holiday(day, civil_procedure=civil_procedure):
        day += timedelta(days=1)
    return day


def add_days(start, days):
    """`days` calendar days after `start` (a plain count, no extension)."""
    return start + timedelta(days=days)


def legal_deadline(start, days, *, civil_procedure=False):
    """The deadline `days` calendar days after `start`, extended by art. 52 if needed.

    For example, art. 47 of the access law: answer within 20 days of receipt.
    """
    return extend_if_holiday(add_days(start, days), civil_procedure=civil_procedure)


def office_closures(start, end):
    """The Office's own closure days between two dates, inclusive (one query)."""
    from opq_intranet.core.models import OfficeClosure

    return set(OfficeClosure.objects.filter(date__range=(start, end)).values_list("date", flat=True))


def is_working_day(day, *, closures=None):
    """Monday to Friday, not a legal holiday and not an Office closure day."""
    if day.weekday() >= SATURDAY or is_legal_holiday(day):
        return False
    if closures is None:
        closures = office_closures(day, day)
    return day not in closures


def add_working_days(start, days):
    """The day that is `days` working days after `start` (or before, if negative)."""
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    # Enough room for the weekends and holidays of the span, with one query for closures.
    span = timedelta(days=remaining * 2 + 30)
    window = (start, start + span) if step > 0 else (start - span, start)
    closures = office_closures(*window)
    day = start
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day, closures=closures):
            remaining -= 1
    return day


def next_working_day(day):
    """`day` itself if it is a working day, else the next one."""
    closures = office_closures(day, day + timedelta(days=30))
    while not is_working_day(day, closures=closures):
        day += timedelta(days=1)
    return day


def holidays_between(start, end):
    """[(date, name)] of legal holidays (Sundays aside) between two dates, inclusive."""
    found = []
    for year in range(start.year, end.year + 1):
        found.extend((d, n) for d, n in legal_holidays(year).items() if start <= d <= end)
    return sorted(found)


# --- The Office's fiscal year: 1 April to 31 March (the orders' annual returns use it too). ---


def fiscal_year(year):
    """The fiscal year `year` of the Office and of the orders' annual returns: 1 April of the
    previous year to 31 March of `year` (the BDSP's reporting year `year`)."""
    return date(year - 1, 4, 1), date(year, 3, 31)


def fiscal_year_label(year):
    return f"{year - 1}-{year}"


def fiscal_year_of(day):
    return day.year + 1 if day.month >= 4 else day.year
