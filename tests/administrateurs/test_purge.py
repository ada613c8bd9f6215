"""The purge of closed candidacies: a withdrawn or expired candidacy kept past the
retention period (dates by hand) is purged by the daily job, nothing else ever is; the purge
leaves the counts and the parity data intact and no personal data in the candidacy's row, its
links, its files, its history events, the access log or the notifications; the purged
candidacy's pages say so and offer no action; the global search never shows it; the purge log
for each kind of user."""

import os
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from administrateurs import retention, selectors, services
from administrateurs.choices import CandidacyStatus, Gender, LinkKind
from administrateurs.models import BoardPreference, Candidate, CandidateDocument, CandidateLink, PurgeLog
from administrateurs.services.purge import purge_on
from opq_intranet.core.models import ConfidentialAccess, Notification, PrivateFile
from opq_intranet.core.notifications import notify
from tests.administrateurs.declarations_kit import OTHERS, make_candidate, make_officer, pdf, url
from tests.administrateurs.factories import BodyFactory
from tests.factories import order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

S = CandidacyStatus
TODAY = timezone.localdate()
PERSONAL = ["Hélène", "Bouchard", "helene", "418 555-0199", "Saint-Ferréol", "innu", "CIUSSS", "lundis", "Dossier"]
PERSONAL += ["cv-helene", "Beaupré"]


@pytest.fixture(autouse=True)
def _two_years(settings):
    settings.ADMINISTRATEURS_RETENTION_DAYS = 730


@pytest.fixture
def officer(db):
    return make_officer()


@pytest.fixture
def withdrawn(officer):
    """A full candidacy, withdrawn on 2024-12-01 (kept 730 days: to 2026-12-01 included)."""
    candidate = make_candidate(
        officer, phone="418 555-0199", city="Beaupré", other_languages="innu", gender=Gender.WOMAN,
        diversity=True, governance_experience="Conseil du CIUSSS", availability="les lundis",
        notes="Dossier suivi par Isabelle", region="03", received_on=date(2023, 5, 2), consent_on=date(2024, 5, 2),
    )  # fmt: skip
    candidate.city = "Saint-Ferréol"  # a change: the old city is in the history's copies too
    services.candidate_save(candidate=candidate, user=officer)
    services.link_add(candidate=candidate, user=officer, order=order("ingenieurs"), kind=LinkKind.MEMBER,
                      details="Ingénieure, Hélène Bouchard", declared_on=date(2023, 5, 2))  # fmt: skip
    services.document_add(candidate=candidate, user=officer, kind="cv", uploaded=pdf())
    services.preference_add(candidate=candidate, user=officer, body=BodyFactory(order=order("notaires")))
    services.candidate_move(candidate=candidate, user=officer, status=S.WITHDRAWN)
    Candidate.objects.filter(pk=candidate.pk).update(status_changed_on=date(2024, 12, 1))
    return Candidate.objects.get(pk=candidate.pk)


def text_of(rows):
    return repr(list(rows))


def leaks(text):
    return [word for word in PERSONAL if word.lower() in text.lower()]


def test_the_retention_period_by_hand(officer, withdrawn):
    assert purge_on(withdrawn) == date(2026, 12, 2)  # 2024-12-01 + 730 days = 2026-12-01, its last day kept
    assert retention.run(date(2026, 12, 1), print) == "0 candidacies purged"
    assert Candidate.objects.get(pk=withdrawn.pk).purged_at is None
    assert retention.run(date(2026, 12, 2), print) == "1 candidacies purged"
    assert Candidate.objects.get(pk=withdrawn.pk).purged_at is not None
    assert retention.run(date(2026, 12, 3), print) == "0 candidacies purged"  # once


def test_without_a_status_change_the_reception_starts_the_period(officer):
    expired = make_candidate(officer, status=S.EXPIRED, received_on=date(2024, 11, 15), status_changed_on=None)
    assert purge_on(expired) == date(2026, 11, 16)  # 2024-11-15 + 730 = 2026-11-15, kept that day
    with pytest.raises(ValidationError, match="conservée jusqu’au 2026-11-15"):
        services.candidate_purge(candidate=expired, today=date(2026, 11, 15))
    assert retention.run(date(2026, 11, 15), print) == "0 candidacies purged"
    assert retention.run(date(2026, 11, 16), print) == "1 candidacies purged"


@pytest.mark.parametrize("status", [s for s in S if s not in (S.WITHDRAWN, S.EXPIRED)])
def test_nothing_else_is_ever_purged(officer, status):
    candidate = make_candidate(officer, status=status, received_on=date(2015, 1, 5), status_changed_on=date(2015, 1, 5))
    assert retention.run(date(2030, 1, 1), print) == "0 candidacies purged"
    with pytest.raises(ValidationError, match="Seule une candidature retirée ou expirée est purgée"):
        services.candidate_purge(candidate=candidate, today=date(2030, 1, 1))
    kept = Candidate.objects.get()
    assert (kept.first_name, kept.email, kept.purged_at) == ("Hélène", "helene.bouchard@example.qc.ca", None)


def test_a_purge_leaves_the_counts_and_no_personal_data(make_client, officer, withdrawn):
    client = make_client(officer)
    client.get(withdrawn.get_absolute_url())  # a logged read names the candidacy
    notify(recipients=[officer], key="administrateurs.test", target=withdrawn, url=withdrawn.get_absolute_url(),
           subject_template="administrateurs/email/consent_lapsing_subject.txt",
           body_template="administrateurs/email/consent_lapsing.txt",
           context={"candidate": withdrawn, "ends_on": date(2025, 5, 2), "days": 3})  # fmt: skip
    stored = CandidateDocument.objects.get().file
    path = stored.content.path
    counts = selectors.by_status()
    log = services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))

    purged = Candidate.objects.get(pk=withdrawn.pk)
    assert selectors.by_status() == counts
    assert str(purged) == f"Candidature purgée {purged.pk}"
    for field in ("email", "phone", "city", "other_languages", "governance_experience", "availability", "notes"):
        assert getattr(purged, field) == "", field
    # What the counts and parity figures read stays.
    assert (purged.region, purged.gender, purged.diversity, purged.status) == ("03", Gender.WOMAN, True, S.WITHDRAWN)
    assert (purged.received_on, purged.consent_on, purged.status_changed_on) == (
        date(2023, 5, 2),
        date(2024, 5, 2),
        date(2024, 12, 1),
    )
    assert BoardPreference.objects.filter(candidate=purged).count() == 1
    assert not leaks(text_of(Candidate.objects.filter(pk=purged.pk).values()))
    # Links and files.
    assert not CandidateLink.objects.exists() and not CandidateDocument.objects.exists()
    trace = PrivateFile.objects.get(pk=stored.pk)
    assert trace.content_destroyed_at is not None and not os.path.exists(path) and not leaks(trace.original_name)
    # The history's copies, the access log, the notifications.
    events = apps.get_model("administrateurs", "CandidateEvent").objects.filter(pgh_obj_id=purged.pk)
    assert events.count() >= 4 and not leaks(text_of(events.values()))
    link_events = apps.get_model("administrateurs", "CandidateLinkEvent").objects.filter(candidate_id=purged.pk)
    assert link_events.count() == 2 and not leaks(text_of(link_events.values()))  # declared, then deleted
    assert not leaks(text_of(ConfidentialAccess.objects.values("object_repr")))
    assert not leaks(text_of(Notification.objects.values("title")))
    assert Notification.objects.get().done_at is not None
    # The log says what went, without saying whose it was.
    assert (log.candidate, log.status, log.closed_on) == (purged, S.WITHDRAWN, date(2024, 12, 1))
    assert "Champs vidés\u00a0: prénom, nom, courriel, téléphone, ville" in log.destroyed
    assert "Liens déclarés supprimés\u00a0: 1." in log.destroyed and "Fichiers détruits\u00a0: 1." in log.destroyed
    assert "Curriculum vitæ" in log.destroyed and not leaks(log.destroyed)
    # The history page still opens and shows none of it.
    history = client.get(url("candidate_history", purged.pk))
    assert history.status_code == 200 and not leaks(history.content.decode())


def test_a_purged_candidacy_is_purged_once(officer, withdrawn):
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    with pytest.raises(ValidationError, match="déjà purgée"):
        services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    assert PurgeLog.objects.count() == 1


def test_the_purged_candidacys_pages_say_so_and_offer_no_action(make_client, officer, withdrawn):
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    client = make_client(officer)
    page = client.get(withdrawn.get_absolute_url())
    assert page.status_code == 200 and "Cette candidature a été purgée le" in page.text
    assert page.context["actions"] == [] and "link_form" not in page.context
    for name in ("candidate_edit", "candidate_consent"):
        response = client.get(url(name, withdrawn.pk), follow=True)
        assert response.redirect_chain[-1][0] == withdrawn.get_absolute_url(), name
        assert "Cette candidature a été purgée\u00a0: plus rien n’y change." in response.text
    before = text_of(Candidate.objects.values())
    refused = client.post(url("candidate_link_add", withdrawn.pk), {"order": order("notaires").pk, "kind": "member",
                                                                    "declared_on": TODAY.isoformat()})  # fmt: skip
    assert refused.status_code == 422 and "Cette candidature a été purgée" in refused.text
    assert client.post(url("candidate_move", withdrawn.pk, "under_review")).status_code == 302
    with pytest.raises(ValidationError):
        services.candidate_renew_consent(candidate=withdrawn, user=officer)
    assert text_of(Candidate.objects.values()) == before and not CandidateLink.objects.exists()


def test_the_global_search_never_shows_a_purged_candidacy(make_client, officer, withdrawn):
    make_candidate(officer, first_name="Luc", last_name="Gagnon", email="luc@example.qc.ca", expertise="comptabilité")
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    client = make_client(officer)
    group = reverse("core:search_group", args=["administrateurs.candidates"])
    found = client.get(group, {"q": "comptabilité"})  # both declared it: the purge keeps the expertise
    assert "Luc Gagnon" in found.text and "Candidature purgée" not in found.text
    assert "Candidature purgée" not in client.get(group, {"q": "purgée"}).text


def test_the_purge_log_and_its_export(make_client, officer, withdrawn):
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    client = make_client(officer)
    page = client.get(url("purge_list"))
    assert page.status_code == 200 and f"Candidature purgée {withdrawn.pk}" in page.text and "730" in page.text
    assert client.get(url("purge_list"), {"status": "in_bank"}).context["page"].object_list == []
    assert client.get(url("purge_list"), {"export": "csv"}).status_code == 200


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(url("purge_list"))
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")


@pytest.mark.parametrize("who", OTHERS)
def test_other_staff_and_partners_get_403(make_client, request, who):
    assert make_client(request.getfixturevalue(who)).get(url("purge_list")).status_code == 403


def test_the_purge_log_costs_the_same_with_10_and_100(assert_constant_queries, make_client, officer):
    def purge(count):
        for _n in range(count):
            candidate = make_candidate(officer, email="", status=S.EXPIRED, received_on=date(2020, 1, 1),
                                       status_changed_on=date(2020, 1, 1))  # fmt: skip
            PurgeLog.objects.create(candidate=candidate, purged_at=timezone.now(), status=S.EXPIRED,
                                    closed_on=date(2020, 1, 1), destroyed="—")  # fmt: skip

    assert_constant_queries("administrateurs:purge_list", make_client(officer), url("purge_list"), up_to(purge))


def test_the_purged_pages_query_counts(assert_query_count, make_client, officer, withdrawn):
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    client = make_client(officer)
    for name in ("administrateurs:candidate_detail", "administrateurs:candidate_history"):
        client.get(reverse(name, args=[withdrawn.pk]))
        with assert_query_count(name, variant="purged"):
            assert client.get(reverse(name, args=[withdrawn.pk])).status_code == 200


def test_the_admin_shows_the_log_read_only(make_client, it_admin, officer, withdrawn):
    services.candidate_purge(candidate=withdrawn, today=date(2026, 12, 2))
    client = make_client(it_admin)
    assert client.get(reverse("admin:administrateurs_purgelog_changelist")).status_code == 200
    log = PurgeLog.objects.get()
    assert client.get(reverse("admin:administrateurs_purgelog_change", args=[log.pk])).status_code == 200
    assert (
        client.post(reverse("admin:administrateurs_purgelog_delete", args=[log.pk]), {"post": "yes"}).status_code == 403
    )
    assert PurgeLog.objects.count() == 1
