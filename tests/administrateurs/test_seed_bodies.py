"""The demo's bodies, seats and terms (administrateurs/seed/bodies.py) keep the rules the
services keep, and `make bench` times the slice's pages on them."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from administrateurs import eligibility, selectors
from administrateurs.choices import BodyKind, CandidacyStatus
from administrateurs.models import AppointmentDecision, Body, Candidate, Term

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def seeded():
    only = "core.accounts,administrateurs.candidates,administrateurs.bodies"
    call_command("seed_demo", "--scale", "demo", "--only", only, stdout=io.StringIO())


def test_the_demo_bodies_keep_the_rules(seeded):
    kinds = dict(Body.objects.values_list("kind").annotate(n=Count("pk")).order_by())
    assert kinds == {BodyKind.BOARD: 12, BodyKind.REVIEW_COMMITTEE: 3, BodyKind.OTHER: 1}
    for body in Body.objects.annotate(active=Count("seats", filter=Q(seats__is_active=True))):
        assert body.active == body.office_seats <= body.size, body
    for term in Term.objects.select_related("seat__body", "renewal_of"):
        others = Term.objects.filter(seat=term.seat).exclude(pk=term.pk)
        overlapping = others.filter(eligibility.not_over_filter(term.starts_on), starts_on__lte=term.last_day)
        assert not overlapping.exists(), term
        if term.renewal_of:
            assert (term.renewal_of.seat, term.renewal_of.candidate) == (term.seat, term.candidate)
            assert term.starts_on == term.renewal_of.ends_on + timedelta(days=1)
    assert not AppointmentDecision.objects.filter(decided_on__gt=TODAY).exists()
    # Every appointee holds a term today or to come, and only they do.
    sitting = set(Term.objects.filter(eligibility.not_over_filter(TODAY)).values_list("candidate", flat=True))
    assert set(Candidate.objects.filter(status=CandidacyStatus.APPOINTED).values_list("pk", flat=True)) == sitting
    counts = selectors.vacancy_counts(TODAY)
    assert 0 < counts["now"] <= counts["6"] <= counts["12"]


def test_the_seed_runs_once(seeded):
    before = Term.objects.count()
    call_command("seed_demo", "--scale", "demo", "--only", "administrateurs.bodies", stdout=io.StringIO())
    assert Term.objects.count() == before > 0


def test_the_bench_times_the_slice_s_pages(seeded, tmp_path):
    report = tmp_path / "bench.json"
    call_command(
        "bench", "--iterations", "1", "--warmup", "0", "--only", "administrateurs.", "--json", str(report),
        stdout=io.StringIO(),
    )  # fmt: skip
    rows = {row["label"]: row for row in json.loads(report.read_text())}
    assert {"Administrateurs : sièges vacants", "Administrateurs : une instance"} <= set(rows)
    for row in rows.values():
        assert row["status"] == 200 and 1 <= row["queries"] <= 12, row
