"""Files and records: a small realistic set (demo), and DESIGN.md's volumes (full).

Demo: about fifteen files of the Office's units, filed through the services as a clerk would
(real PDF and text files, their text extracted), some closed long enough ago to be due for
destruction, one of them under a legal hold.

Full: 100 000 files and 1 000 000 records. The files are computed in Python (their retention
dates by the same arithmetic as the services) and bulk-inserted; the records' text is written
in Python and copied in, their search vectors, versions and stored-file rows computed by
PostgreSQL, 100 000 records at a time, without the history triggers
(`core.history.history_triggers_off`). The stored-file rows of the full scale share a few
dozen real files on disk: that data is for the benchmark only (destroying one shared file
would affect the others).
"""

import random
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models import Max

from documents import selectors, services
from documents.choices import CopyKind, FileMedium, LifecycleStage, Medium
from documents.models import Record, RecordClass, RecordFile
from documents.retention import FileDates, schedule_for_file
from documents.seed.texts import document_text, sentence_pool
from opq_intranet.accounts.models import User
from opq_intranet.core import pdf
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.files import private_file_store
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import NumberSequence, OrgUnit, PrivateFile
from opq_intranet.core.registry.seed import Generator, register

RECORDS_MANAGER = "gd.gagnon"
FULL_FILES = 100_000
FULL_RECORDS = 1_000_000
RECORDS_PER_BATCH = 100_000
SENTENCES = 3_000

# (class code, title, unit, opened, closed, medium, confidentiality, [(record title, kind)])
# kind: "pdf" or "txt" (digital, with a file), "paper" (a paper record and its location).
DEMO_FILES = [
    ("1303", "Procès-verbaux du comité de direction 2019", "sg", date(2019, 1, 10), date(2019, 12, 20),
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Procès-verbal de la séance du 15 janvier 2019", "pdf"), ("Procès-verbal de la séance du 12 mars 2019", "pdf"),
      ("Ordre du jour de la séance du 12 mars 2019", "txt")]),
    ("3706", "Contrat d'entretien du système téléphonique 2014-2015", "dsa", date(2014, 3, 3), date(2015, 6, 30),
     FileMedium.HYBRID, ConfidentialityLevel.INTERNAL,
     [("Contrat signé", "paper"), ("Avenant no 1 au contrat", "pdf"), ("Facture finale", "txt")]),
    ("3706", "Contrat de services d'impression 2013", "dsa", date(2013, 2, 1), date(2014, 1, 31),
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Appel d'offres sur invitation", "pdf"), ("Contrat de services d'impression", "pdf")]),
    ("3706", "Contrat de déménagement du bureau de Montréal 2015", "dsa", date(2015, 4, 7), date(2015, 9, 30),
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Soumission retenue", "pdf"), ("Bon de commande", "txt")]),
    ("3102", "Budget de fonctionnement 2024-2025 : correspondance", "dsa", date(2024, 1, 15), None,
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Lettre au Secrétariat du Conseil du trésor", "pdf"), ("Prévisions budgétaires révisées", "txt")]),
    ("2202", "Dossier d'employé : Gauthier, Paul", "dsa", date(2023, 9, 5), None,
     FileMedium.PAPER, ConfidentialityLevel.PERSONAL,
     [("Lettre d'embauche", "paper"), ("Formulaire d'adhésion aux assurances", "paper")]),
    ("5602", "Demandes d'accès à l'information 2025", "sg", date(2025, 1, 6), None,
     FileMedium.DIGITAL, ConfidentialityLevel.PERSONAL,
     [("Demande d'accès du 14 février 2025", "pdf"), ("Réponse à la demande d'accès du 14 février 2025", "pdf")]),
    ("5401", "Calendrier de conservation : mise à jour 2023", "sgd", date(2022, 10, 3), date(2023, 5, 17),
     FileMedium.DIGITAL, ConfidentialityLevel.PUBLIC,
     [("Calendrier de conservation approuvé par BAnQ", "pdf"), ("Lettre d'approbation de BAnQ", "pdf")]),
    ("7101", "Avis juridique : exercice illégal de la profession d'audioprothésiste", "daj", date(2024, 5, 2), None,
     FileMedium.DIGITAL, ConfidentialityLevel.CONFIDENTIAL,
     [("Demande d'avis", "txt"), ("Avis juridique signé", "pdf")]),
    ("7302", "Projet de règlement sur la formation continue des pharmaciens", "daj", date(2025, 3, 11), None,
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Projet de règlement transmis par l'ordre", "pdf"), ("Analyse de conformité", "txt"),
      ("Lettre à l'Ordre des pharmaciens du Québec", "pdf")]),
    ("8104", "Surveillance de l'Ordre des dentistes du Québec 2024", "dso", date(2024, 2, 1), None,
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Rapport de surveillance", "pdf"), ("Plan d'action de l'ordre", "pdf")]),
    ("8202", "Rapports annuels des ordres 2024-2025 : correspondance", "dso", date(2025, 4, 1), None,
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Rappel aux ordres en retard", "txt"), ("Accusé de réception du rapport annuel du Barreau", "pdf")]),
    ("8402", "Reconnaissance des compétences : correspondance 2016", "cap", date(2016, 1, 11), date(2016, 12, 16),
     FileMedium.PAPER, ConfidentialityLevel.INTERNAL,
     [("Lettre à l'Ordre des ingénieurs du Québec", "paper"), ("Réponse de l'ordre", "paper")]),
    ("9108", "Plainte du syndic c. un membre : dossier 2024-017", "bpcd", date(2024, 2, 19), None,
     FileMedium.DIGITAL, ConfidentialityLevel.CONFIDENTIAL,
     [("Plainte disciplinaire", "pdf"), ("Avis d'audience", "pdf"), ("Décision sur culpabilité", "pdf")]),
    ("9302", "Décisions du conseil de discipline 2017", "bpcd", date(2017, 1, 9), date(2017, 12, 22),
     FileMedium.DIGITAL, ConfidentialityLevel.INTERNAL,
     [("Recueil des décisions 2017", "pdf")]),
    ("6202", "Publication du rapport annuel de gestion 2024-2025", "dcom", date(2025, 6, 2), None,
     FileMedium.DIGITAL, ConfidentialityLevel.PUBLIC,
     [("Épreuve finale du rapport", "pdf"), ("Communiqué de presse", "txt")]),
]  # fmt: skip
HELD_FILE_TITLE = "Contrat de déménagement du bureau de Montréal 2015"


def generate(scale, log):
    if scale == "full":
        _full(log)
    else:
        _demo(log)


# --- Demo: through the services ----------------------------------------------------------------


def _upload(title, kind, rng):
    body = document_text(rng)
    if kind == "pdf":
        story = [pdf.heading(title, "title"), *[pdf.paragraph(p) for p in body.split("\n\n")]]
        return SimpleUploadedFile(f"{title[:60]}.pdf", pdf.render(story, title=title), content_type="application/pdf")
    return SimpleUploadedFile(f"{title[:60]}.txt", f"{title}\n\n{body}\n".encode(), content_type="text/plain")


def _demo(log):
    if RecordFile.objects.exists():
        log("    files are already there")
        return
    manager = User.objects.filter(username=RECORDS_MANAGER).first()
    if manager is None or not RecordClass.objects.exists():
        log("    needs the plan and the records manager's account")
        return
    rng = random.Random(2026)
    units = {u.code: u for u in OrgUnit.objects.all()}
    classes = {c.code: c for c in RecordClass.objects.all()}
    count = 0
    for code, title, unit, opened, closed, medium, level, records in DEMO_FILES:
        with transaction.atomic():
            record_file = services.file_create(
                record_file=RecordFile(
                    title=title,
                    record_class=classes[code],
                    org_unit=units[unit],
                    opened_on=opened,
                    medium=medium,
                    confidentiality=level,
                    keywords=classes[code].title.lower(),
                    location="Québec, salle 10.12, rayon B" if medium != FileMedium.DIGITAL else "",
                ),
                user=manager,
            )
            for index, (record_title, kind) in enumerate(records):
                record_date = min(opened + timedelta(days=20 * index + 5), closed or date(2026, 11, 1))
                record = Record(
                    record_file=record_file,
                    title=record_title,
                    medium=Medium.PAPER if kind == "paper" else Medium.DIGITAL,
                    record_date=record_date,
                    author=rng.choice(("Sylvie Gagnon", "Jacques Côté", "Marie Tremblay", "Louis Bergeron")),
                    location=f"{record_file.location}, chemise {index + 1}" if kind == "paper" else "",
                )
                upload = None if kind == "paper" else _upload(record_title, kind, rng)
                services.record_add(record=record, user=manager, uploaded=upload)
                count += 1
            if closed:
                services.file_close(record_file=record_file, user=manager, closed_on=closed)
    held = RecordFile.objects.get(title=HELD_FILE_TITLE)
    services.hold_place(
        title="Réclamation du déménageur",
        reason="Poursuite en recouvrement intentée contre l'Office : conserver le dossier jusqu'au jugement.",
        file_references=held.reference,
        class_codes="",
        user=manager,
    )
    log(f"    {len(DEMO_FILES)} files, {count} records, 1 legal hold")


# --- Full scale: bulk, in the database ------------------------------------------------------------


def _full(log):
    if not RecordFile.objects.exists():
        _demo(log)  # the demo's files first: real records, and an owner for the sample files
    existing = RecordFile.objects.count()
    if existing >= FULL_FILES:
        log(f"    {existing} files are already there")
    else:
        with transaction.atomic(), history_triggers_off("documents_recordfile"):
            _full_files(FULL_FILES - existing, log)
    have = Record.objects.count()
    if have < FULL_RECORDS:
        with transaction.atomic(), history_triggers_off("documents_record"):
            _full_records(FULL_RECORDS - have, log)
    else:
        log(f"    {have} records are already there")


def _copy_rules_by_class():
    """{class id: the effective rule's copy rules}, each rule's read once."""
    classes = list(RecordClass.objects.filter(is_active=True).order_by("path"))
    by_code = {c.code: c for c in classes}
    rules = {}
    result = {}
    for record_class in classes:
        lineage = [by_code[code] for code in record_class.path.split("/")[:-1] if code in by_code]
        rule, _source = selectors.effective_rule(record_class, lineage)
        if rule is None:
            continue
        if rule.pk not in rules:
            rules[rule.pk] = list(rule.copy_rules.all())
        result[record_class.pk] = rules[rule.pk]
    return result


def _full_files(count, log):
    rng = random.Random(4242)
    creator = User.objects.filter(username=RECORDS_MANAGER).first() or User.objects.filter(is_superuser=True).first()
    unit_ids = list(OrgUnit.objects.values_list("pk", flat=True))
    copy_rules = _copy_rules_by_class()
    class_ids = list(copy_rules)
    titles = [c.title for c in RecordClass.objects.filter(pk__in=class_ids)]
    levels = (
        [ConfidentialityLevel.INTERNAL] * 6
        + [ConfidentialityLevel.PUBLIC] * 2
        + [
            ConfidentialityLevel.PERSONAL,
            ConfidentialityLevel.CONFIDENTIAL,
        ]
    )
    media = [FileMedium.DIGITAL] * 6 + [FileMedium.PAPER] * 2 + [FileMedium.HYBRID] * 2
    last = dict(NumberSequence.objects.filter(series=services.REFERENCE_SERIES).values_list("year", "last_value"))
    batch = []
    today = date.today()
    for index in range(count):
        opened = date(2016, 1, 1) + timedelta(days=rng.randrange((today - date(2016, 1, 1)).days))
        closed = opened + timedelta(days=rng.randrange(60, 1500)) if rng.random() < 0.7 else None
        closed = closed if closed and closed < today else None
        year = opened.year
        last[year] = last.get(year, 0) + 1
        medium = rng.choice(media)
        class_id = rng.choice(class_ids)
        schedule = schedule_for_file(
            copy_rules[class_id], copy_kind=CopyKind.PRINCIPAL, medium=medium, dates=FileDates(opened, closed, None)
        )
        semi_active = schedule.semi_active_on is not None and schedule.semi_active_on <= today
        batch.append(
            RecordFile(
                reference=f"D{year}-{last[year]:05d}",
                title=f"{rng.choice(titles)} : dossier {index + 1}",
                record_class_id=class_id,
                org_unit_id=rng.choice(unit_ids),
                medium=medium,
                confidentiality=rng.choice(levels),
                copy_kind=CopyKind.PRINCIPAL,
                opened_on=opened,
                closed_on=closed,
                expected_semi_active_on=schedule.semi_active_on,
                expected_disposal_on=schedule.disposal_on,
                final_disposal=schedule.final_disposal,
                schedule_pending=str(schedule.pending),
                stage=LifecycleStage.SEMI_ACTIVE if semi_active else LifecycleStage.ACTIVE,
                semi_active_since=schedule.semi_active_on if semi_active else None,
                location="Québec, entrepôt semi-actif" if medium != FileMedium.DIGITAL else "",
                created_by=creator,
            )
        )
        if len(batch) == 10_000:
            RecordFile.objects.bulk_create(batch)
            batch = []
            log(f"    {index + 1} files")
    RecordFile.objects.bulk_create(batch)
    for year, value in last.items():
        NumberSequence.objects.update_or_create(
            series=services.REFERENCE_SERIES, year=year, defaults={"last_value": value}
        )
    log(f"    {count} files")


def _sample_files(creator):
    """A few real stored files that the full scale's version rows point at."""
    owner = Record.objects.order_by("pk").first()
    pool = list(PrivateFile.objects.filter(original_name__startswith="echantillon-").order_by("pk"))
    if pool:
        return pool
    rng = random.Random(7)
    for number in range(24):
        kind = "pdf" if number % 2 else "txt"
        upload = _upload(f"echantillon-{number:02d}", kind, rng)
        pool.append(private_file_store(uploaded=upload, owner=owner, user=creator))
    return pool


KINDS_OF_RECORDS = ("Lettre", "Rapport", "Note", "Procès-verbal", "Avis", "Courriel", "Analyse", "Formulaire")

STAGING_SQL = """
DROP TABLE IF EXISTS seed_rows;
CREATE TEMP TABLE seed_rows (
  n integer, record_id bigint, version_id bigint, stored_id bigint, file_id bigint, digital boolean,
  title text, body text
)
"""

INSERT_SQL = """
INSERT INTO core_privatefile (id, uuid, content, original_name, mime_type, size, sha256, uploaded_at,
                              uploaded_by_id, owner_type_id, owner_id)
SELECT s.stored_id, gen_random_uuid(), p.content, 'document-' || s.record_id || '.' || p.ext, p.mime, p.size,
       p.sha256, now(), %(user)s, %(record_type)s, s.record_id::text
FROM seed_rows s
JOIN unnest(%(contents)s::text[], %(exts)s::text[], %(mimes)s::text[], %(sizes)s::bigint[], %(shas)s::text[])
     WITH ORDINALITY AS p(content, ext, mime, size, sha256, k)
  ON p.k = 1 + (s.n %% %(pool_size)s)
WHERE s.digital;

INSERT INTO documents_record (id, record_file_id, title, medium, record_date, author, description, keywords, location,
                              current_version_id, search_vector, created_by_id, created_at)
SELECT s.record_id, s.file_id, s.title, CASE WHEN s.digital THEN 'digital' ELSE 'paper' END,
       f.opened_on + (s.n %% 300), '', left(s.body, 180), '',
       CASE WHEN s.digital THEN '' ELSE 'Boîte ' || (s.n %% 5000) END,
       CASE WHEN s.digital THEN s.version_id END,
       setweight(to_tsvector('opq_french', s.title), 'A')
         || setweight(to_tsvector('opq_french', left(s.body, 180)), 'B')
         || CASE WHEN s.digital THEN setweight(to_tsvector('opq_french', s.body), 'C') ELSE ''::tsvector END,
       %(user)s, now()
FROM seed_rows s JOIN documents_recordfile f ON f.id = s.file_id;

INSERT INTO documents_recordversion (id, record_id, number, stored_file_id, text, comment, created_by_id, created_at)
SELECT s.version_id, s.record_id, 1, s.stored_id, s.body, '', %(user)s, now()
FROM seed_rows s WHERE s.digital;

DROP TABLE seed_rows;
"""


def _next_id(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 - a constant table name
        return cursor.fetchone()[0]


def _reset_sequence(table):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
        )


def _staged_rows(size, bases, file_ids, sentences, rng):
    """The batch's rows, text written in Python (fast) and copied into PostgreSQL."""
    record_base, version_base, stored_base = bases
    for n in range(1, size + 1):
        body = " ".join(rng.choices(sentences, k=6 + n % 9))
        title = f"{rng.choice(KINDS_OF_RECORDS)} : {body.split(' ', 8)[-1][:80]}"
        digital = n % 10 < 7
        yield (n, record_base + n, version_base + n, stored_base + n, rng.choice(file_ids), digital, title, body)


def _full_records(count, log):
    creator = User.objects.filter(username=RECORDS_MANAGER).first() or User.objects.filter(is_superuser=True).first()
    pool = _sample_files(creator)
    file_ids = list(RecordFile.objects.exclude(stage=LifecycleStage.DISPOSED).values_list("pk", flat=True))
    sentences = sentence_pool(SENTENCES)
    rng = random.Random(99)
    params = {
        "user": creator.pk,
        "record_type": ContentType.objects.get_for_model(Record).pk,
        "contents": [p.content.name for p in pool],
        "exts": [p.original_name.rsplit(".", 1)[-1] for p in pool],
        "mimes": [p.mime_type for p in pool],
        "sizes": [p.size for p in pool],
        "shas": [p.sha256 for p in pool],
        "pool_size": len(pool),
    }
    done = 0
    while done < count:
        size = min(RECORDS_PER_BATCH, count - done)
        with transaction.atomic(), connection.cursor() as cursor:
            bases = (_next_id("documents_record"), _next_id("documents_recordversion"), _next_id("core_privatefile"))
            cursor.execute(STAGING_SQL)
            with cursor.copy("COPY seed_rows FROM STDIN") as copy:
                for row in _staged_rows(size, bases, file_ids, sentences, rng):
                    copy.write_row(row)
            cursor.execute(INSERT_SQL, params)
        done += size
        log(f"    {done} records")
    for table in ("documents_record", "documents_recordversion", "core_privatefile"):
        _reset_sequence(table)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE documents_record; ANALYZE documents_recordversion; ANALYZE core_privatefile")
    log(f"    {count} records ({Record.objects.aggregate(last=Max('pk'))['last']} the last id)")


register(Generator(key="documents.records", order=45, run=generate))
