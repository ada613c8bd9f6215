"""The hearings calendar (not object pages): the roll of a day as a page and a PDF, the week
and the month. Every entry is redacted by the selectors (the roll goes out of the Bureau)."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discipline import selectors
from discipline.forms import DayForm, MonthForm
from discipline.roll import roll_pdf
from opq_intranet.core.downloads import download_response

WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def _day(request):
    form = DayForm(request.GET or None)
    day = timezone.localdate()
    chair = None
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["day"] or day
        chair = form.cleaned_data["chair"]
    return form, day, chair


def roll(request):
    form, day, chair = _day(request)
    status = 422 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "day": day, "chair": chair, "entries": selectors.roll_of(day, chair=chair)}
    return render(request, "discipline/calendar/roll.html", context, status=status)


def roll_download(request):
    _form, day, chair = _day(request)
    content = roll_pdf(day, selectors.roll_of(day, chair=chair))
    return download_response(content, filename=f"role-audiences-{day.isoformat()}.pdf", content_type="application/pdf")


def week(request):
    form, day, chair = _day(request)
    days = selectors.week_of(day, chair=chair)
    context = {"form": form, "day": day, "days": days, "today": timezone.localdate()}
    status = 422 if form.is_bound and not form.is_valid() else 200
    return render(request, "discipline/calendar/week.html", context, status=status)


def month(request):
    form = MonthForm(request.GET or None)
    today = timezone.localdate()
    year, number, chair = today.year, today.month, None
    if form.is_bound and form.is_valid():
        if form.cleaned_data["month"]:
            year, number = map(int, form.cleaned_data["month"].split("-"))
        chair = form.cleaned_data["chair"]
    first = date(year, number, 1)
    context = {
        "form": form,
        "first": first,
        "weeks": selectors.month_of(year, number, chair=chair),
        "weekdays": WEEKDAYS,
        "today": today,
        "previous": (date(year - 1, 12, 1) if number == 1 else date(year, number - 1, 1)).strftime("%Y-%m"),
        "next": (date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)).strftime("%Y-%m"),
    }
    status = 422 if form.is_bound and not form.is_valid() else 200
    return render(request, "discipline/calendar/month.html", context, status=status)
