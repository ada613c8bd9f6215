"""Reads of the cases: the list's queryset, a case's page, its deadlines and redaction."""

from datetime import date, datetime, time, timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone

from discipline import deadlines, permissions
from discipline.choices import ADVISEMENT_STATUSES, ENDED_STATUSES, FINAL_STAGES, DecisionStage, HearingOutcome
from discipline.models import Appeal, Case, Chair, CouncilMember, Count, Hearing, NonPublicationOrder, Sanction
from discipline.redaction import covered_texts, redact
from opq_intranet.core.text import strip_accents


def protected_words():
    """The words of a case's orders in force, as an array on each row (one subquery)."""
    return ArraySubquery(
        NonPublicationOrder.objects.filter(case=OuterRef("pk"), lifted_on__isnull=True).values("covered_text")
    )


def cases():
    """Every case, with what a row and the breadcrumbs need."""
    return Case.objects.select_related("council__order", "chair").annotate(protected=protected_words())


def cases_for_list():
    return cases().only(
        "pk",
        "number",
        "filed_on",
        "served_on",
        "urgent",
        "status",
        "respondent_name",
        "complainant_kind",
        "advisement_since",
        "council__number",
        "council__order__name",
        "chair__first_name",
        "chair__last_name",
    )


def matching_cases(queryset, user, text):
    """Cases where every word of `text` is in the number, the summary, a count's wording or
    provisions, or the respondent's name; a chair not assigned to a case under an order in
    force finds it by its number only (its words may be those the order covers)."""
    may_read_names = Q()
    if not permissions.is_clerk(user):
        chair = permissions.chair_of(user)
        covered = Exists(NonPublicationOrder.objects.filter(case=OuterRef("pk"), lifted_on__isnull=True))
        may_read_names = ~Q(covered) | Q(chair=chair.pk if chair else None)
    for word in strip_accents(text).replace("\x00", " ").split():
        counts = Count.objects.filter(case=OuterRef("pk")).filter(
            Q(description__unaccented__icontains=word) | Q(provisions__unaccented__icontains=word)
        )
        readable = Q(summary__unaccented__icontains=word) | Q(respondent_name__unaccented__icontains=word)
        queryset = queryset.filter(
            Q(number__unaccented__icontains=word) | ((readable | Q(Exists(counts))) & may_read_names)
        )
    return queryset


def redacted(case, text):
    """`text` with what the case's orders in force cover hidden (case from cases())."""
    return redact(text, getattr(case, "protected", None) or [])


def appealable_decision(case):
    """The last decision of the case that ends the council's hearing of the complaint."""
    return case.decisions.filter(stage__in=FINAL_STAGES).order_by("-rendered_on", "-pk").first()


def appeal_deadline_of(case, decisions=None, counts=None):
    """The last day to appeal the case's decisions, or None while the delay does not run."""
    decisions = list(case.decisions.all()) if decisions is None else decisions
    counts = list(case.counts.all()) if counts is None else counts
    finals = [d for d in decisions if d.stage in FINAL_STAGES]
    if not finals:
        return None
    last = max(finals, key=lambda d: (d.rendered_on, d.pk))
    sanction = next(
        (d for d in reversed(decisions) if d.stage in (DecisionStage.SANCTION, DecisionStage.GUILT_AND_SANCTION)), None
    )
    if last.stage == DecisionStage.GUILT:
        return deadlines.decision_appeal_deadline(last, counts, sanction)
    return deadlines.appeal_deadline(last.served_on)


def _json_rows(queryset, **fields):
    """The rows of `queryset` as one array of JSON objects on the outer row (no query of its own)."""
    return ArraySubquery(queryset.values(row=JSONObject(**fields)))


def cases_for_page(user):
    """A case with what its page shows beside its counts, hearings and decisions folded into
    the same query: its members, its orders, its appeals, and whether the viewer is a chair."""
    viewer = Chair.objects.filter(user_id=user.pk, is_active=True)
    return cases().annotate(
        member_rows=_json_rows(
            CouncilMember.objects.filter(cases=OuterRef("pk")).order_by("last_name", "first_name", "pk"),
            pk="pk",
            first_name="first_name",
            last_name="last_name",
            title="title",
        ),
        order_rows=_json_rows(
            NonPublicationOrder.objects.filter(case=OuterRef("pk")).order_by("ordered_on", "pk"),
            pk="pk",
            scope="scope",
            matter="matter",
            covered_text="covered_text",
            description="description",
            ordered_on="ordered_on",
            lifted_on="lifted_on",
        ),
        appeal_rows=_json_rows(
            Appeal.objects.filter(case=OuterRef("pk")).order_by("filed_on", "pk"),
            pk="pk",
            decision_id="decision_id",
            filed_on="filed_on",
            appellant="appellant",
            tribunal_number="tribunal_number",
            outcome="outcome",
            outcome_on="outcome_on",
        ),
        viewer_chair_id=Subquery(viewer.values("pk")[:1]),
        viewer_chair_senior=Subquery(viewer.values("is_senior")[:1]),
    )


def _day(value):
    return date.fromisoformat(value) if value else None


def _instances(model, rows, date_fields=()):
    found = []
    for row in rows or ():
        row = dict(row)
        for field in date_fields:
            row[field] = _day(row[field])
        found.append(model(**row))
    return found


def case_page(case, user, today=None):
    """What a case's page shows (case from cases_for_page), in a constant number of queries,
    redacted for a viewer who may not see what its orders protect."""
    today = today or timezone.localdate()
    permissions.remember_chair(user, case.viewer_chair_id, case.viewer_chair_senior)
    counts = list(case.counts.all())
    hearings = list(case.hearings.order_by("starts_at", "pk"))
    decisions = list(
        case.decisions.select_related("document", "filed_in").prefetch_related(
            Prefetch("sanctions", queryset=Sanction.objects.select_related("count"))
        )
    )
    appeals = _instances(Appeal, case.appeal_rows, ("filed_on", "outcome_on"))
    orders = _instances(NonPublicationOrder, case.order_rows, ("ordered_on", "lifted_on"))
    words = covered_texts(orders)
    sees_protected = permissions.can_see_protected(user, case)
    hide = (lambda text: text) if sees_protected else (lambda text: redact(text, words))
    for decision in decisions:
        appealed = any(a.decision_id == decision.pk and a.outcome != "withdrawn" for a in appeals)
        decision.enforceable = deadlines.enforceable_on(
            decision, sanctions=list(decision.sanctions.all()), appealed=appealed
        )
        decision.shown_summary = hide(decision.summary)
    for count in counts:
        count.shown_description = hide(count.description)
    provisional_ended = next(
        (h for h in hearings if h.kind == "provisional" and h.outcome == HearingOutcome.HELD), None
    )
    return {
        "counts": counts,
        "hearings": hearings,
        "decisions": decisions,
        "appeals": appeals,
        "protection_orders": orders,
        "orders_in_force": [o for o in orders if o.in_force],
        "sees_protected": sees_protected,
        "respondent_name": hide(case.respondent_name),
        "respondent_permit": case.respondent_permit if sees_protected or not words else hide(case.respondent_permit),
        "summary": hide(case.summary),
        "members": _instances(CouncilMember, case.member_rows),
        "appeal_deadline": appeal_deadline_of(case, decisions, counts),
        "advisement_deadline": deadlines.advisement_deadline(case.advisement_since),
        "advisement_flag": deadlines.advisement_flag(case.advisement_since, today),
        "urgent_hearing_deadline": deadlines.urgent_hearing_deadline(case.served_on) if case.urgent else None,
        "urgent_decision_deadline": (
            deadlines.urgent_decision_deadline(timezone.localtime(provisional_ended.ends_at).date())
            if case.urgent and provisional_ended
            else None
        ),
        "today": today,
    }


def home_summary(user, today=None):
    """The app's home: what is active, under advisement, urgent, and the week's hearings."""

    from django.db.models import Count as Tally

    today = today or timezone.localdate()
    figures = Case.objects.aggregate(
        active=Tally("pk", filter=~Q(status__in=ENDED_STATUSES)),
        advisement=Tally("pk", filter=Q(status__in=ADVISEMENT_STATUSES)),
        urgent=Tally("pk", filter=Q(urgent=True) & ~Q(status__in=ENDED_STATUSES)),
    )
    start = timezone.make_aware(datetime.combine(today, time.min))
    week = (
        Hearing.objects.filter(starts_at__gte=start, starts_at__lt=start + timedelta(days=7), outcome="scheduled")
        .select_related("case__council", "chair")
        .order_by("starts_at")[:20]
    )
    return {"figures": figures, "week": list(week), "today": today, "chair": permissions.chair_of(user)}


def under_advisement(chair=None):
    """Cases under advisement, urgent first then the oldest advisement first (the senior
    chair's panel: all of them; a chair's: theirs)."""
    queryset = Case.objects.filter(status__in=ADVISEMENT_STATUSES).select_related("council", "chair")
    if chair is not None:
        queryset = queryset.filter(chair=chair)
    return queryset.order_by("-urgent", "advisement_since", "pk")


def hearings_of_chair_this_week(chair, today):
    monday = today - timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return (
        Hearing.objects.filter(chair=chair, starts_at__gte=start, starts_at__lt=start + timedelta(days=7))
        .exclude(outcome="cancelled")
        .select_related("case")
        .order_by("starts_at")
    )
