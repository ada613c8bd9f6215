"""Mail demo and scale data: contacts (the 46 orders and people), mail items, access requests,
and the mandates (courrier/seed/mandates.py).

Demo: through the services, as the mail room and the units work: letters with scanned PDF,
routed, some answered or closed, some overdue; four access requests (one open, one extended,
one answered in time, one answered late, with their generated letters).

Full: 200 000 items over ten years (a third with an attachment's text for the search),
bulk-loaded without the history triggers (as the records are), and 50 000 mandates.
"""

import random
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from courrier import permissions, services
from courrier.choices import Channel, ContactKind, Direction, MailStatus, MailType
from courrier.models import Contact, MailItem
from courrier.seed.mandates import generate_mandates
from documents.seed import document_text, sentence_pool
from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core import pdf
from opq_intranet.core.files import private_file_store
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import NumberSequence, OrgUnit, PrivateFile, ProfessionalOrder
from opq_intranet.core.registry.seed import Generator, register

MAIL_CLERK = "courrier.roy"
FULL_ITEMS = 200_000
FULL_CONTACTS = 5_000
ITEMS_PER_BATCH = 50_000
PEOPLE = [
    ("Pierre Lavoie", ""),
    ("Jeanne Bouchard", "Cabinet Bouchard avocats"),
    ("Mélanie Côté", ""),
    ("Robert Gagnon", "Le Devoir"),
    ("Sophie Pelletier", ""),
    ("Karim Benali", "Association des étudiants en pharmacie"),
    ("Isabelle Fortin", ""),
    ("Ministère de la Justice", ""),
    ("Commission d'accès à l'information", ""),
    ("Conseil interprofessionnel du Québec", ""),
]
SUBJECTS = [
    (MailType.COMPLAINT, "Plainte concernant le délai de traitement d'une demande de permis"),
    (MailType.INFORMATION_REQUEST, "Demande de renseignements sur la reconnaissance d'un diplôme étranger"),
    (MailType.LETTER, "Transmission du rapport annuel de l'ordre"),
    (MailType.NOTICE, "Avis de modification du règlement sur la formation continue"),
    (MailType.LETTER, "Demande de rencontre avec la présidence"),
    (MailType.INVOICE, "Facture de services d'impression"),
    (MailType.LETTER, "Projet de règlement sur les normes d'équivalence"),
    (MailType.COMPLAINT, "Signalement d'exercice illégal de la profession"),
    (MailType.INFORMATION_REQUEST, "Question sur l'inscription au tableau de l'ordre"),
    (MailType.OTHER, "Invitation au colloque du Conseil interprofessionnel"),
]
ROUTES = ["dso", "daj", "sg", "cap", "dra", "dcom", "dsa", "bpcd"]
ACCESS_REQUESTS = [
    # (person, received days ago, documents requested, what happened)
    ("Pierre Lavoie", 40, "Copie du plan directeur en ressources informationnelles", "partly_in_time"),
    ("Robert Gagnon", 12, "Les rapports de surveillance de l'Ordre des dentistes depuis 2020", "extended"),
    ("Mélanie Côté", 5, "Mon dossier de demande de reconnaissance d'équivalence", "open"),
    ("Sophie Pelletier", 60, "La correspondance avec l'Ordre des pharmaciens en 2024", "late"),
]


def generate(scale, log):
    if not User.objects.filter(username=MAIL_CLERK).exists():
        log("    needs the demo accounts (core.accounts)")
        return
    contacts = _contacts(log)
    if scale == "full":
        _full(contacts, log)
    elif not MailItem.objects.exists():
        _demo(contacts, log)
    else:
        log("    mail is already there")
    generate_mandates(scale, log)


def _contacts(log):
    created = 0
    for order in ProfessionalOrder.objects.filter(contact__isnull=True):
        Contact.objects.create(
            kind=ContactKind.ORGANISATION, name=order.name, professional_order=order, email=order.email
        )
        created += 1
    for name, organisation in PEOPLE:
        organisation_name = name.startswith(("Ministère", "Commission", "Conseil"))
        kind = ContactKind.ORGANISATION if organisation_name else ContactKind.PERSON
        _contact, made = Contact.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "organisation": organisation,
                "email": f"{name.split()[0].lower()}@example.qc.ca",
                "address": "1000, route de l'Église",
                "city": "Québec",
                "province": "QC",
                "postal_code": "G1V 3V9",
            },
        )
        created += made
    log(f"    {created} contacts added")
    return {c.name: c for c in Contact.objects.all()}


# --- Demo: through the services ----------------------------------------------------------------


def _scan(subject, rng):
    body = document_text(rng, paragraphs=2)
    content = pdf.render(
        [pdf.heading(subject, "title"), *[pdf.paragraph(p) for p in body.split("\n\n")]], title=subject
    )
    return SimpleUploadedFile("lettre-numerisee.pdf", content, content_type="application/pdf")


def _demo(contacts, log):
    rng = random.Random(50)
    clerk = User.objects.get(username=MAIL_CLERK)
    units = {u.code: u for u in OrgUnit.objects.all()}
    staff_by_unit = {}
    for user in permissions.people_who_receive_mail().filter(org_unit__isnull=False):
        staff_by_unit.setdefault(user.org_unit.code, []).append(user)
    today = date.today()
    senders = list(contacts.values())
    count = 0
    for number in range(30):
        mail_type, subject = SUBJECTS[number % len(SUBJECTS)]
        received = today - timedelta(days=rng.randint(1, 45))
        with transaction.atomic():
            item = services.mail_register(
                item=MailItem(
                    direction=Direction.INCOMING,
                    received_on=received,
                    channel=rng.choice([Channel.POST, Channel.EMAIL, Channel.EMAIL, Channel.PORTAL]),
                    contact=rng.choice(senders),
                    subject=subject,
                    mail_type=mail_type,
                    confidentiality="personal" if mail_type == MailType.COMPLAINT else "internal",
                    reply_due_on=received + timedelta(days=rng.choice([10, 15, 30])),
                ),
                user=clerk,
                uploads=[_scan(subject, rng)],
            )
            unit = units[ROUTES[number % len(ROUTES)]]
            people = staff_by_unit.get(unit.code) or [None]
            assignee = rng.choice(people)
            if number % 6:
                services.mail_route(item=item, user=clerk, unit=unit, assignee=assignee, note="Pour suite à donner")
            if assignee and number % 6 and number % 3 == 0:
                services.mail_reply(
                    item=item,
                    user=assignee,
                    reply=MailItem(sent_on=min(today, received + timedelta(days=7)), channel=Channel.EMAIL,
                                   subject=f"Réponse : {subject}"),
                )  # fmt: skip
                if number % 2 == 0:
                    services.mail_close(item=item, user=assignee)
        count += 1
    log(f"    {count} incoming items, routed and partly answered")
    _demo_access_requests(contacts, clerk, today, log)


def _demo_access_requests(contacts, clerk, today, log):
    for person, days_ago, documents, story in ACCESS_REQUESTS:
        received = today - timedelta(days=days_ago)
        with transaction.atomic():
            item = services.mail_register(
                item=MailItem(
                    direction=Direction.INCOMING,
                    received_on=received,
                    channel=Channel.EMAIL,
                    contact=contacts[person],
                    subject=f"Demande d'accès : {documents[:80]}",
                    mail_type=MailType.ACCESS_REQUEST,
                    confidentiality="personal",
                ),
                user=clerk,
            )
            access_request = services.access_request_open(mail_item=item, user=clerk, documents_requested=documents)
            if story == "extended":
                services.access_request_extend(
                    access_request=access_request,
                    user=clerk,
                    notice_on=received + timedelta(days=10),
                    reason="La recherche porte sur plusieurs années de correspondance à consulter.",
                )
            if story in ("partly_in_time", "late"):
                services.access_request_decide(
                    access_request=access_request,
                    user=clerk,
                    decision="partly_granted" if story == "partly_in_time" else "granted",
                    articles="53, 54" if story == "partly_in_time" else "",
                    documents_concerned="Document trouvé au dossier de la direction concernée.",
                )
                answered_on = received + timedelta(days=6 if story == "partly_in_time" else 35)
                services.access_request_answer(access_request=access_request, user=clerk, answered_on=answered_on)
    log(f"    {len(ACCESS_REQUESTS)} access requests with their letters")


# --- Full scale: bulk ---------------------------------------------------------------------------

STAGING_SQL = """
DROP TABLE IF EXISTS seed_mail;
CREATE TEMP TABLE seed_mail (
  id bigint, reference text, direction text, received_on date, sent_on date, channel text, contact_id bigint,
  subject text, mail_type text, confidentiality text, routed_unit_id bigint, assignee_id bigint,
  reply_due_on date, status text, closed_on date, attachment text
)
"""

INSERT_SQL = """
INSERT INTO courrier_mailitem (id, reference, direction, received_on, sent_on, channel, contact_id, subject, mail_type,
    confidentiality, routed_unit_id, assignee_id, reply_due_on, status, closed_on, notes, registered_by_id,
    registered_at, search_vector)
SELECT s.id, s.reference, s.direction, s.received_on, s.sent_on, s.channel, s.contact_id, s.subject, s.mail_type,
    s.confidentiality, s.routed_unit_id, s.assignee_id, s.reply_due_on, s.status, s.closed_on, '', %(user)s,
    coalesce(s.received_on, s.sent_on)::timestamptz,
    setweight(to_tsvector('opq_french', s.subject), 'A')
      || setweight(to_tsvector('opq_french', c.name || ' ' || c.organisation), 'B')
      || setweight(to_tsvector('opq_french', coalesce(s.attachment, '')), 'C')
FROM seed_mail s JOIN courrier_contact c ON c.id = s.contact_id;

INSERT INTO core_privatefile (uuid, content, original_name, mime_type, size, sha256, uploaded_at, uploaded_by_id,
    owner_type_id, owner_id)
SELECT gen_random_uuid(), %(content)s, 'lettre-' || s.reference || '.pdf', %(mime)s, %(size)s, %(sha)s, now(),
    %(user)s, %(owner_type)s, s.id::text
FROM seed_mail s WHERE s.attachment IS NOT NULL;

INSERT INTO courrier_mailattachment (mail_item_id, stored_file_id, text, added_by_id, added_at)
SELECT s.id, f.id, s.attachment, %(user)s, now()
FROM seed_mail s JOIN core_privatefile f ON f.owner_type_id = %(owner_type)s AND f.owner_id = s.id::text
WHERE s.attachment IS NOT NULL;

DROP TABLE seed_mail;
"""


def _full(contacts, log):
    have = MailItem.objects.count()
    if have >= FULL_ITEMS:
        log(f"    {have} mail items are already there")
        return
    if not have:
        _demo(contacts, log)
    rng = random.Random(200)
    _more_contacts(rng, log)
    contact_ids = list(Contact.objects.values_list("pk", flat=True))
    staff = list(User.objects.filter(kind=UserKind.STAFF, org_unit__isnull=False).values_list("pk", "org_unit_id"))
    clerk = User.objects.get(username=MAIL_CLERK)
    sample = _sample_file(clerk)
    sentences = sentence_pool(1500, seed=51)
    last = {}
    for series, year, value in NumberSequence.objects.filter(series__startswith="courrier.").values_list(
        "series", "year", "last_value"
    ):
        last[(series, year)] = value
    todo = FULL_ITEMS - MailItem.objects.count()
    with transaction.atomic(), history_triggers_off("courrier_mailitem"):
        done = 0
        while done < todo:
            size = min(ITEMS_PER_BATCH, todo - done)
            # Ids are known before the copy starts: the connection runs no other query during it.
            start = MailItem.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            rows = _full_rows(start, size, rng, contact_ids, staff, sentences, last)
            with connection.cursor() as cursor:
                cursor.execute(STAGING_SQL)
                with cursor.copy("COPY seed_mail FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(INSERT_SQL, {
                    "user": clerk.pk, "content": sample.content.name, "mime": sample.mime_type, "size": sample.size,
                    "sha": sample.sha256, "owner_type": ContentType.objects.get_for_model(MailItem).pk,
                })  # fmt: skip
            done += size
            log(f"    {done} mail items")
    for (series, year), value in last.items():
        NumberSequence.objects.update_or_create(series=series, year=year, defaults={"last_value": value})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('courrier_mailitem', 'id'), (SELECT max(id) FROM courrier_mailitem))"
        )
        cursor.execute("ANALYZE courrier_mailitem; ANALYZE courrier_mailattachment; ANALYZE courrier_contact")


def _more_contacts(rng, log):
    missing = FULL_CONTACTS - Contact.objects.count()
    if missing <= 0:
        return
    first = ["Marie", "Jean", "Sylvie", "Luc", "Nathalie", "François", "Julie", "Martin", "Chantal", "Éric"]
    last = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné"]
    Contact.objects.bulk_create(
        Contact(kind=ContactKind.PERSON, name=f"{rng.choice(first)} {rng.choice(last)}", email=f"c{n}@example.qc.ca")
        for n in range(missing)
    )
    log(f"    {missing} more contacts")


def _sample_file(clerk):
    existing = PrivateFile.objects.filter(original_name="echantillon-courrier.pdf").first()
    if existing:
        return existing
    owner = MailItem.objects.order_by("pk").first()
    content = pdf.render([pdf.paragraph("Lettre numérisée (banc d'essai).")], title="Échantillon")
    upload = SimpleUploadedFile("echantillon-courrier.pdf", content, content_type="application/pdf")
    return private_file_store(uploaded=upload, owner=owner, user=clerk, allowed_types={"application/pdf"})


def _full_rows(start, size, rng, contact_ids, staff, sentences, last):
    today = date.today()
    for n in range(1, size + 1):
        incoming = rng.random() < 0.7
        day = today - timedelta(days=rng.randrange(3650))
        direction = Direction.INCOMING if incoming else Direction.OUTGOING
        series, prefix = ("courrier.incoming", "E") if incoming else ("courrier.outgoing", "S")
        last[(series, day.year)] = last.get((series, day.year), 0) + 1
        mail_type, subject = rng.choice(SUBJECTS)
        assignee, unit = rng.choice(staff)
        recent = (today - day).days < 60
        status = rng.choice([MailStatus.ROUTED, MailStatus.IN_PROGRESS]) if recent else MailStatus.CLOSED
        attachment = " ".join(rng.choices(sentences, k=8)) if rng.random() < 0.33 else None
        yield (
            start + n,
            f"{prefix}{day.year}-{last[(series, day.year)]:05d}",
            direction,
            day if incoming else None,
            None if incoming else day,
            rng.choice(list(Channel.values)),
            rng.choice(contact_ids),
            f"{subject} ({n})",
            mail_type,
            "personal" if mail_type == MailType.COMPLAINT else "internal",
            unit,
            assignee,
            day + timedelta(days=30) if incoming else None,
            status if incoming else MailStatus.CLOSED,
            None if status != MailStatus.CLOSED else day + timedelta(days=20),
            attachment,
        )


register(Generator(key="courrier.mail", order=50, run=generate))
