"""Access requests from receipt to review: deadlines, the one extension, the decision, the
generated letters with the notice of recourse, the yearly report."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from courrier import services
from courrier.models import AccessRequest, MailItem
from courrier.selectors import year_report
from tests.courrier.factories import ContactFactory

pytestmark = pytest.mark.django_db


def pdf_lines(content):
    """The PDF's text, line by line, as a reader sees the page."""
    reader = PdfReader(io.BytesIO(content))
    return [" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()]


def pdf_text(private_file):
    with private_file.content.open("rb") as handle:
        return " ".join(pdf_lines(handle.read()))


@pytest.fixture
def request_item(mail_clerk):
    contact = ContactFactory(name="Pierre Lavoie", address="12, rue des Érables\nQuébec (Québec)  G1R 2B5")
    item = MailItem(
        direction="incoming",
        received_on=date(2026, 3, 2),
        contact=contact,
        subject="Copie du plan directeur en ressources informationnelles",
        mail_type="access_request",
        confidentiality="personal",
    )
    return services.mail_register(item=item, user=mail_clerk)


@pytest.fixture
def opened(request_item, mail_clerk):
    return services.access_request_open(
        mail_item=request_item, user=mail_clerk, documents_requested="Le plan directeur en ressources informationnelles"
    )


def test_opening_sets_the_deadline_from_the_receipt(opened, request_item, mail_clerk):
    assert opened.reference == "DA2026-00001"
    assert opened.deadline == date(2026, 3, 23)  # 20 days: Sunday 22 March → Monday
    request_item.refresh_from_db()
    assert (request_item.reply_due_on, request_item.status, request_item.assignee) == (
        date(2026, 3, 23),
        "in_progress",
        mail_clerk,
    )
    with pytest.raises(ValidationError):
        services.access_request_open(mail_item=request_item, user=mail_clerk, documents_requested="Encore")


def test_only_the_person_responsible_handles_requests(request_item, lawyer):
    with pytest.raises(PermissionDenied):
        services.access_request_open(mail_item=request_item, user=lawyer, documents_requested="x")


def test_the_deadline_is_extended_once_with_a_notice_before_it_expires(opened, mail_clerk):
    with pytest.raises(ValidationError) as late:
        services.access_request_extend(
            access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 24), reason="Volume de documents"
        )
    assert "notice_on" in late.value.message_dict
    with pytest.raises(ValidationError) as no_reason:
        services.access_request_extend(access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 20), reason=" ")
    assert "reason" in no_reason.value.message_dict
    extended = services.access_request_extend(
        access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 23), reason="Consultation d'un tiers"
    )
    assert (extended.extended_on, extended.extended_deadline) == (date(2026, 3, 23), date(2026, 4, 1))
    notice = MailItem.objects.get(in_reply_to=opened.mail_item)
    assert notice.reference == "S2026-00001" and notice.sent_on == date(2026, 3, 23)
    text = pdf_text(notice.attachments.get().stored_file)
    assert "prolongeons ce délai de 10 jours" in text and "1 avril 2026" in text.replace("1er", "1")
    assert "Consultation d'un tiers" in text
    with pytest.raises(ValidationError, match="une seule fois"):
        services.access_request_extend(
            access_request=extended, user=mail_clerk, notice_on=date(2026, 3, 23), reason="Encore"
        )


@pytest.mark.parametrize(
    ("decision", "articles", "referred_to", "field"),
    [
        ("partly_granted", "", "", "articles"),
        ("refused", "", "", "articles"),
        ("referred", "", " ", "referred_to"),
        ("refused", "53, abc", "", "articles"),
    ],
)
def test_a_decision_says_what_it_relies_on(opened, mail_clerk, decision, articles, referred_to, field):
    with pytest.raises(ValidationError) as refused:
        services.access_request_decide(
            access_request=opened, user=mail_clerk, decision=decision, articles=articles, referred_to=referred_to
        )
    assert field in refused.value.message_dict
    assert AccessRequest.objects.get(pk=opened.pk).decision == ""


def test_the_response_letter_carries_the_decision_and_the_notice_of_recourse(opened, mail_clerk):
    with pytest.raises(ValidationError, match="décision"):
        services.access_request_answer(access_request=opened, user=mail_clerk, answered_on=date(2026, 3, 19))
    services.access_request_decide(
        access_request=opened,
        user=mail_clerk,
        decision="partly_granted",
        articles="54 et 53",
        documents_concerned="Plan directeur, décembre 2018 (S:/DSTI/plan.pdf)",
    )
    answered = services.access_request_answer(access_request=opened, user=mail_clerk, answered_on=date(2026, 3, 19))
    assert answered.articles == ["53", "54"]
    assert (answered.status, answered.decided_on, answered.answered_in_time) == ("answered", date(2026, 3, 19), True)
    letter = answered.response
    assert (letter.in_reply_to, letter.direction, letter.status) == (opened.mail_item, "outgoing", "closed")
    text = pdf_text(letter.attachments.get().stored_file)
    assert "Pierre Lavoie" in text and "reçue le 2 mars 2026" in text
    assert "caviardés" in text and "les articles 53 et 54 de la Loi" in text
    assert "AVIS DE RECOURS" in text and "Commission d'accès à l'information" in text
    assert "au plus tard le 18 avril 2026" in text  # 30 days after 19 March: a Saturday, which stands
    opened.mail_item.refresh_from_db()
    assert opened.mail_item.status == "answered"


def test_close_and_review(opened, mail_clerk):
    services.access_request_decide(access_request=opened, user=mail_clerk, decision="no_document", articles="")
    services.access_request_answer(access_request=opened, user=mail_clerk, answered_on=date(2026, 3, 25))
    assert not AccessRequest.objects.get(pk=opened.pk).answered_in_time  # the deadline was 23 March
    services.access_request_close(access_request=opened, user=mail_clerk)
    opened.mail_item.refresh_from_db()
    assert opened.mail_item.status == "closed"
    review = services.review_request_add(
        access_request=opened, user=mail_clerk, received_on=date(2026, 4, 20), commission_reference="CAI 1234567"
    )
    services.review_request_decide(review=review, user=mail_clerk, outcome="confirmed", decided_on=date(2026, 9, 1))
    review.refresh_from_db()
    assert (review.outcome, review.decided_on) == ("confirmed", date(2026, 9, 1))


def test_the_yearly_report(mail_clerk):
    def a_request(received_on, decision, articles, answered_on, extend=False):
        item = services.mail_register(
            item=MailItem(direction="incoming", received_on=received_on, contact=ContactFactory(), subject="Demande"),
            user=mail_clerk,
        )
        access_request = services.access_request_open(mail_item=item, user=mail_clerk, documents_requested="x")
        if extend:
            services.access_request_extend(
                access_request=access_request, user=mail_clerk, notice_on=received_on, reason="Volume"
            )
        services.access_request_decide(
            access_request=access_request, user=mail_clerk, decision=decision, articles=articles
        )
        services.access_request_answer(access_request=access_request, user=mail_clerk, answered_on=answered_on)

    a_request(date(2026, 3, 2), "granted", "", date(2026, 3, 20))  # in time (23 March)
    a_request(date(2026, 3, 2), "refused", "53, 54", date(2026, 3, 31), extend=True)  # in time (1 April)
    a_request(date(2026, 3, 2), "partly_granted", "53", date(2026, 3, 24))  # late (23 March)
    a_request(date(2025, 6, 2), "granted", "", date(2025, 6, 10))  # another year
    report = year_report(2026)
    assert (report.received, report.answered, report.in_time, report.extended) == (3, 3, 2, 1)
    assert report.in_time_share == 66.7
    # granted, partly granted, refused, no document, referred
    assert [count for _label, count in report.by_decision] == [1, 1, 1, 0, 0]
    assert report.by_article == [("53", 2), ("54", 1)]


def test_the_person_responsible_sees_the_deadlines_on_mon_travail(make_client, opened, mail_clerk, lawyer):
    page = make_client(mail_clerk).get("/")
    panel = next(p for p in page.context["panels"] if p["panel"].key == "courrier.access_deadlines")
    assert panel["context"]["requests"] == [opened]
    assert "2026-03-23" in page.content.decode()
    keys = [p["panel"].key for p in make_client(lawyer).get("/").context["panels"]]
    assert "courrier.access_deadlines" not in keys


def test_the_deadline_in_force_is_one_rule_in_the_database_and_in_python(opened, request_item, mail_clerk):
    other_item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Autre"),
        user=mail_clerk,
    )
    plain = services.access_request_open(mail_item=other_item, user=mail_clerk, documents_requested="x")
    extended = services.access_request_extend(
        access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 20), reason="Volume de documents"
    )
    annotated = {r.pk: r.deadline_in_force for r in AccessRequest.objects.with_deadline_in_force()}
    assert annotated == {extended.pk: date(2026, 4, 1), plain.pk: date(2026, 3, 23)}
    for access_request in AccessRequest.objects.all():  # the property, without the annotation
        assert access_request.deadline_in_force == annotated[access_request.pk]
    assert list(AccessRequest.objects.overdue(date(2026, 3, 24))) == [plain]
    assert list(AccessRequest.objects.overdue(date(2026, 4, 2)).order_by("pk")) == [extended, plain]


def test_the_yearly_report_counts_a_request_reviewed_twice_once(opened, mail_clerk):
    services.access_request_decide(access_request=opened, user=mail_clerk, decision="granted", articles="")
    services.access_request_answer(access_request=opened, user=mail_clerk, answered_on=date(2026, 3, 19))
    for day in (date(2026, 4, 1), date(2026, 4, 2)):
        services.review_request_add(access_request=opened, user=mail_clerk, received_on=day)
    report = year_report(2026)
    assert (report.received, report.answered, report.in_time, report.reviews) == (1, 1, 1, 2)


# --- The letters' layout: letterhead, the applicant's address, articles, signature --------------


@pytest.fixture
def officer(mail_clerk):
    mail_clerk.first_name, mail_clerk.last_name = "Guylaine", "Couture"
    mail_clerk.job_title = "Secrétaire et conseillère à la présidence"
    mail_clerk.save()
    return mail_clerk


@pytest.fixture
def addressed(officer):
    contact = ContactFactory(
        name="Pierre Lavoie",
        organisation="Association des locataires",
        address="12, rue des Érables\nappartement 3",
        city="Québec",
        province="QC",
        postal_code="G1R 2B5",
    )
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=contact, subject="Accès",
                      mail_type="access_request"),
        user=officer,
    )  # fmt: skip
    return services.access_request_open(mail_item=item, user=officer, documents_requested="Le plan directeur")


def response_lines(access_request, user, decision, articles):
    services.access_request_decide(access_request=access_request, user=user, decision=decision, articles=articles)
    answered = services.access_request_answer(access_request=access_request, user=user, answered_on=date(2026, 3, 19))
    with answered.response.attachments.get().stored_file.content.open("rb") as handle:
        return pdf_lines(handle.read())


def follows(lines, expected):
    """`expected` appear as consecutive lines of the letter."""
    return any(lines[i : i + len(expected)] == expected for i in range(len(lines)))


def test_the_response_has_the_letterhead_the_address_block_and_a_signature_block(addressed, officer):
    lines = response_lines(addressed, officer, "partly_granted", "54, 53")
    assert follows(
        lines, ["Office des professions du Québec", "800, place D'Youville, 10e étage", "Québec (Québec) G1R 5Z3"]
    )
    assert follows(
        lines,
        ["Pierre Lavoie", "Association des locataires", "12, rue des Érables", "appartement 3",
         "Québec (Québec) G1R 2B5"],
    )  # fmt: skip
    assert follows(
        lines,
        ["Guylaine Couture", "Secrétaire et conseillère à la présidence", "Responsable de l'accès aux documents"],
    )
    text = " ".join(lines)
    assert "visés par les articles 53 et 54 de la Loi sur l'accès" in text and "53, 54" not in text


@pytest.mark.parametrize(
    ("decision", "articles", "wording"),
    [
        ("partly_granted", "53", "visés par l'article 53 de la Loi sur l'accès"),
        ("partly_granted", "59, 53, 54", "visés par les articles 53, 54 et 59 de la Loi sur l'accès"),
        ("refused", "14", "accessibles en vertu de l'article 14 de la Loi sur l'accès"),
        ("refused", "14 et 37", "accessibles en vertu des articles 14 et 37 de la Loi sur l'accès"),
    ],
)
def test_the_articles_read_as_french(addressed, officer, decision, articles, wording):
    assert wording in " ".join(response_lines(addressed, officer, decision, articles))


def test_the_extension_notice_has_the_letterhead_address_and_signature(addressed, officer):
    services.access_request_extend(
        access_request=addressed, user=officer, notice_on=date(2026, 3, 10), reason="Volume de documents"
    )
    notice = MailItem.objects.get(in_reply_to=addressed.mail_item)
    with notice.attachments.get().stored_file.content.open("rb") as handle:
        lines = pdf_lines(handle.read())
    assert follows(lines, ["Office des professions du Québec", "800, place D'Youville, 10e étage"])
    assert follows(lines, ["12, rue des Érables", "appartement 3", "Québec (Québec) G1R 2B5"])
    assert follows(lines, ["Guylaine Couture", "Secrétaire et conseillère à la présidence"])


def test_a_contact_without_an_address_gets_no_empty_lines(officer):
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(name="Marie Roy"),
                      subject="Accès", mail_type="access_request"),
        user=officer,
    )  # fmt: skip
    opened = services.access_request_open(mail_item=item, user=officer, documents_requested="Le plan")
    lines = response_lines(opened, officer, "granted", "")
    assert follows(lines, ["Marie Roy", "Nos références : DA2026-00001 (E2026-00001)"])
