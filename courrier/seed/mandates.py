"""Demo and full-scale mandates: `generate_mandates(scale, log)` (registered by courrier/seed.py).

- demo: about twenty mandates of the Office's units, led and helped by the demo accounts
  (opq_intranet/core/seed.py), with due dates around today (some overdue, some due this
  week), every status, progress notes, and links to existing mail items and files;
- full: DESIGN.md's 50 000 mandates since 2019, mostly done, with helpers and notes, bulk
  loaded without the history triggers (`core.history.history_triggers_off`).

Idempotent: a demo mandate is recognised by its title; the full scale tops up to 50 000.
"""

import random
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from courrier.choices import ACTIVE_MANDATE_STATUSES, MandateStatus, Priority
from courrier.models import MailItem, Mandate, MandateNote
from courrier.services import REFERENCE_PREFIX, REFERENCE_SERIES
from documents.models import RecordFile
from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import NumberSequence, OrgUnit
from opq_intranet.core.numbering import next_reference

FULL_MANDATES = 50_000
BATCH = 5_000
FIRST_YEAR = 2019

# title, requester, lead, helpers, priority, due in (days from today; None: no date), status,
# [(days ago, author, note)] (newest last). People are demo accounts of core/seed.py.
DEMO = [
    (
        "Analyse du projet de règlement de l'Ordre des pharmaciens",
        "nominations.leblanc", "marie.tremblay", ["bdsp.bouchard"], Priority.HIGH, 12, MandateStatus.IN_PROGRESS,
        [(9, "marie.tremblay", "Projet publié à la Gazette officielle : lecture faite, trois enjeux relevés."),
         (2, "bdsp.bouchard", "Données sur les permis temporaires transmises à Marie.")],
    ),
    (
        "Réponse à la demande du ministre sur l'encadrement des stages",
        "nominations.leblanc", "marie.tremblay", [], Priority.URGENT, -3, MandateStatus.IN_PROGRESS,
        [(6, "marie.tremblay", "Premier jet de la lettre soumis à la présidence.")],
    ),
    (
        "Avis sur le projet de code de déontologie des technologues en imagerie médicale",
        "nominations.leblanc", "marie.tremblay", ["bp.cote"], Priority.NORMAL, 25, MandateStatus.OPEN, [],
    ),
    (
        "Statistiques des ordres pour le rapport annuel de gestion",
        "nominations.leblanc", "bdsp.bouchard", ["marie.tremblay"], Priority.HIGH, 2, MandateStatus.IN_PROGRESS,
        [(4, "bdsp.bouchard", "Extraction de la BDSP faite pour 44 ordres ; deux déclarations en attente.")],
    ),
    (
        "Révision du calendrier de conservation de la Direction des affaires juridiques",
        "gd.gagnon", "gd.gagnon", ["courrier.roy"], Priority.NORMAL, 40, MandateStatus.OPEN, [],
    ),
    (
        "Préparation de la séance de l'Office du mois prochain",
        "nominations.leblanc", "nominations.leblanc", ["courrier.roy"], Priority.HIGH, 5, MandateStatus.IN_PROGRESS,
        [(3, "courrier.roy", "Avis de convocation préparé ; ordre du jour à confirmer.")],
    ),
    (
        "Suivi des recommandations d'inspection professionnelle de l'Ordre des dentistes",
        "marie.tremblay", "bdsp.bouchard", ["marie.tremblay"], Priority.NORMAL, -10, MandateStatus.WAITING,
        [(20, "bdsp.bouchard", "Demande de précisions envoyée à l'Ordre."),
         (12, "bdsp.bouchard", "En attente de la réponse de l'Ordre, relance faite par courriel.")],
    ),
    (
        "Traitement d'une plainte sur le délai de délivrance d'un permis",
        "courrier.roy", "marie.tremblay", [], Priority.URGENT, 1, MandateStatus.IN_PROGRESS,
        [(1, "marie.tremblay", "Appel fait au secrétaire de l'Ordre ; réponse attendue demain.")],
    ),
    (
        "Inventaire des postes informatiques du bureau de Montréal",
        "admin.ti", "inventaire.morin", ["admin.ti"], Priority.LOW, 30, MandateStatus.OPEN, [],
    ),
    (
        "Migration des boîtes de courriel partagées",
        "inventaire.morin", "admin.ti", ["inventaire.morin"], Priority.NORMAL, -1, MandateStatus.IN_PROGRESS,
        [(5, "admin.ti", "Quatre boîtes sur six migrées ; le courrier et la gestion documentaire restent.")],
    ),
    (
        "Recommandation de nominations au conseil de l'Ordre des infirmières et infirmiers",
        "marie.tremblay", "nominations.leblanc", ["marie.tremblay"], Priority.HIGH, 8, MandateStatus.WAITING,
        [(7, "nominations.leblanc", "Liste des candidatures transmise ; en attente de l'avis du comité.")],
    ),
    (
        "Mise à jour du registre des décisions disciplinaires",
        "bp.cote", "bp.cote", ["courrier.roy"], Priority.NORMAL, 15, MandateStatus.IN_PROGRESS, [],
    ),
    (
        "Réponse à une demande d'accès sur les inspections de l'Office",
        "courrier.roy", "courrier.roy", ["gd.gagnon"], Priority.URGENT, 0, MandateStatus.IN_PROGRESS,
        [(3, "gd.gagnon", "Documents repérés dans trois dossiers ; deux contiennent des renseignements personnels.")],
    ),
    (
        "Analyse des rapports annuels 2025 des ordres du secteur de la santé",
        "nominations.leblanc", "bdsp.bouchard", [], Priority.NORMAL, 60, MandateStatus.OPEN, [],
    ),
    (
        "Relance des ordres en retard pour la déclaration annuelle",
        "bdsp.bouchard", "bdsp.bouchard", ["courrier.roy"], Priority.HIGH, 4, MandateStatus.OPEN, [],
    ),
    (
        "Tableau de bord trimestriel de la présidence",
        "nominations.leblanc", "nominations.leblanc", ["bdsp.bouchard"], Priority.NORMAL, None, MandateStatus.OPEN,
        [],
    ),
    (
        "Archivage des dossiers de nomination 2019-2021",
        "gd.gagnon", "gd.gagnon", ["nominations.leblanc"], Priority.LOW, 90, MandateStatus.WAITING,
        [(10, "gd.gagnon", "En attente de l'approbation du calendrier de conservation par BAnQ.")],
    ),
    (
        "Révision de la politique de gestion documentaire",
        "gd.gagnon", "gd.gagnon", ["admin.ti"], Priority.LOW, -40, MandateStatus.DONE,
        [(60, "gd.gagnon", "Version de travail soumise au comité de direction."),
         (38, "gd.gagnon", "Politique adoptée et diffusée au personnel.")],
    ),
    (
        "Formation du personnel sur la Loi sur l'accès",
        "courrier.roy", "courrier.roy", ["marie.tremblay"], Priority.NORMAL, -20, MandateStatus.DONE,
        [(21, "courrier.roy", "Deux séances données, 38 personnes formées.")],
    ),
    (
        "Commentaires sur le projet de loi modifiant le Code des professions",
        "nominations.leblanc", "marie.tremblay", ["bdsp.bouchard", "bp.cote"], Priority.URGENT, -30,
        MandateStatus.DONE,
        [(35, "bp.cote", "Commentaires sur le volet disciplinaire intégrés."),
         (31, "marie.tremblay", "Mémoire transmis au cabinet du ministre.")],
    ),
    (
        "Étude de la demande de constitution d'un nouvel ordre professionnel",
        "nominations.leblanc", "bdsp.bouchard", ["marie.tremblay"], Priority.NORMAL, -5, MandateStatus.CANCELLED,
        [(8, "nominations.leblanc", "Mandat annulé : le groupe demandeur a retiré sa demande.")],
    ),
]  # fmt: skip


def generate_mandates(scale, log):
    if scale == "full":
        _full(log)
    else:
        _demo(log)


@contextmanager
def _given_timestamps():
    """Let the seed date its rows (created_at, a note's time) instead of "now"."""
    fields = [Mandate._meta.get_field("created_at"), MandateNote._meta.get_field("at")]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def _at(day, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _demo(log):
    people = {u.username: u for u in User.objects.filter(kind=UserKind.STAFF).select_related("org_unit")}
    wanted = {name for row in DEMO for name in (row[1], row[2], *row[3])}
    if not wanted <= set(people):
        log("    mandates: the demo accounts are missing (run core.accounts first)")
        return
    existing = set(Mandate.objects.filter(title__in=[row[0] for row in DEMO]).values_list("title", flat=True))
    today = timezone.localdate()
    items = list(MailItem.objects.order_by("-registered_at", "-pk").values_list("pk", flat=True)[:6])
    created = 0
    with transaction.atomic(), _given_timestamps():
        for index, (title, requester, lead, helpers, priority, due_in, status, notes) in enumerate(DEMO):
            if title in existing:
                continue
            due_on = today + timedelta(days=due_in) if due_in is not None else None
            started = (due_on or today) - timedelta(days=30 + index % 10)
            lead_user = people[lead]
            mandate = Mandate(
                title=title,
                description=_description(title),
                requester=people[requester],
                created_by=people[requester],
                lead=lead_user,
                org_unit_id=lead_user.org_unit_id or OrgUnit.objects.values_list("pk", flat=True).first(),
                priority=priority,
                due_on=due_on,
                status=status,
                completed_on=due_on - timedelta(days=2) if status == MandateStatus.DONE and due_on else None,
                last_reminder="due" if status in ACTIVE_MANDATE_STATUSES and due_on and due_on < today else "",
                created_at=_at(min(started, today)),
            )
            mandate.reference = next_reference(REFERENCE_SERIES, prefix=REFERENCE_PREFIX, year=started.year)
            mandate.save()
            mandate.helpers.set([people[name] for name in helpers])
            MandateNote.objects.bulk_create(
                MandateNote(mandate=mandate, author=people[author], text=text, at=_at(today - timedelta(days=ago), 14))
                for ago, author, text in notes
            )
            if items and index < 3:  # the first mandates answer recent mail
                mandate.mail_items.add(items[index])
            files = RecordFile.objects.filter(org_unit_id=mandate.org_unit_id, closed_on__isnull=True)
            first_file = files.order_by("pk").values_list("pk", flat=True).first()
            if first_file and index % 4 == 0:
                mandate.record_files.add(first_file)
            created += 1
    log(f"    {created} demo mandates ({len(existing)} already there)")


def _description(title):
    return (
        f"{title}. Rassembler l'information utile, consulter les directions concernées et proposer "
        "une réponse ou un avis à la présidence."
    )


# --- Full scale -------------------------------------------------------------------------------------

ACTIONS = [
    "Analyse du projet de règlement",
    "Avis sur le rapport annuel",
    "Réponse à la lettre",
    "Suivi des recommandations d'inspection",
    "Examen de la demande de modification réglementaire",
    "Préparation de la rencontre avec",
    "Vérification de la conformité",
    "Commentaires sur le projet de code de déontologie",
]
ORDERS = [
    "de l'Ordre des pharmaciens",
    "de l'Ordre des infirmières et infirmiers",
    "de l'Ordre des ingénieurs",
    "du Collège des médecins",
    "de l'Ordre des dentistes",
    "de l'Ordre des psychologues",
    "de l'Ordre des comptables professionnels agréés",
    "de la Chambre des notaires",
    "du Barreau du Québec",
    "de l'Ordre des travailleurs sociaux et des thérapeutes conjugaux et familiaux",
]
NOTES = [
    "Lecture du dossier faite.",
    "Demande de précisions envoyée.",
    "Réponse reçue, analyse en cours.",
    "Premier jet soumis à la direction.",
    "Version finale transmise.",
]


def _full(log):
    _demo(log)
    have = Mandate.objects.count()
    if have >= FULL_MANDATES:
        log(f"    {have} mandates are already there")
        return
    people = list(
        User.objects.filter(kind=UserKind.STAFF, is_active=True)
        .filter(
            Q(groups__permissions__codename="access_courrier")
            | Q(user_permissions__codename="access_courrier")
            | Q(is_superuser=True)
        )
        .distinct()
        .values_list("pk", "org_unit_id")
    )
    units = list(OrgUnit.objects.values_list("pk", flat=True))
    if not people or not units:
        log("    mandates: no staff to lead them (run core.accounts first)")
        return
    items = list(MailItem.objects.values_list("pk", flat=True)[:50_000])
    with transaction.atomic(), history_triggers_off(Mandate._meta.db_table), _given_timestamps():
        _full_mandates(FULL_MANDATES - have, people, units, items, log)


def _full_mandates(count, people, units, items, log):
    rng = random.Random(5050)
    today = timezone.localdate()
    first = today.replace(year=FIRST_YEAR, month=1, day=1)
    span = (today - first).days
    last = dict(NumberSequence.objects.filter(series=REFERENCE_SERIES).values_list("year", "last_value"))
    priorities = [Priority.LOW] * 2 + [Priority.NORMAL] * 6 + [Priority.HIGH] * 2 + [Priority.URGENT]
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        batch = []
        for _index in range(size):
            started = first + timedelta(days=rng.randrange(span + 1))
            last[started.year] = last.get(started.year, 0) + 1
            requester, _unit = rng.choice(people)
            lead, lead_unit = rng.choice(people)
            due_on = started + timedelta(days=rng.randrange(10, 120))
            status, completed_on, reminder = _full_status(rng, started, due_on, today)
            batch.append(
                Mandate(
                    reference=f"{REFERENCE_PREFIX}{started.year}-{last[started.year]:05d}",
                    title=f"{rng.choice(ACTIONS)} {rng.choice(ORDERS)}",
                    description="",
                    requester_id=requester,
                    created_by_id=requester,
                    lead_id=lead,
                    org_unit_id=lead_unit or rng.choice(units),
                    priority=rng.choice(priorities),
                    due_on=due_on,
                    status=status,
                    completed_on=completed_on,
                    last_reminder=reminder,
                    created_at=_at(started, 8 + rng.randrange(9)),
                )
            )
        Mandate.objects.bulk_create(batch)
        _full_relations(rng, batch, people, items, today)
        done += size
        log(f"    {done} mandates")
    for year, value in last.items():
        NumberSequence.objects.update_or_create(series=REFERENCE_SERIES, year=year, defaults={"last_value": value})


def _full_status(rng, started, due_on, today):
    """(status, completed on, last reminder): old mandates are mostly done, recent ones active."""
    if due_on < today - timedelta(days=60) or (started < today - timedelta(days=30) and rng.random() < 0.5):
        if rng.random() < 0.92:
            completed = min(due_on + timedelta(days=rng.randrange(-10, 15)), today)
            return MandateStatus.DONE, max(completed, started), "due" if completed > due_on else "before"
        return MandateStatus.CANCELLED, None, ""
    status = rng.choice(
        [MandateStatus.OPEN, MandateStatus.IN_PROGRESS, MandateStatus.IN_PROGRESS, MandateStatus.WAITING]
    )
    return status, None, "due" if due_on < today else ""


def _full_relations(rng, batch, people, items, today):
    helpers, notes, links = [], [], []
    person_ids = [pk for pk, _unit in people]
    for mandate in batch:
        if rng.random() < 0.4:
            chosen = {pk for pk in rng.sample(person_ids, min(2, len(person_ids))) if pk != mandate.lead_id}
            helpers.extend(Mandate.helpers.through(mandate_id=mandate.pk, user_id=pk) for pk in chosen)
        started = mandate.created_at.date()
        for step in range(rng.randrange(4)):
            day = min(started + timedelta(days=5 * (step + 1)), today)
            notes.append(
                MandateNote(
                    mandate_id=mandate.pk, author_id=mandate.lead_id, text=NOTES[step % len(NOTES)], at=_at(day, 15)
                )
            )
        if items and rng.random() < 0.2:
            links.append(Mandate.mail_items.through(mandate_id=mandate.pk, mailitem_id=rng.choice(items)))
    Mandate.helpers.through.objects.bulk_create(helpers)
    MandateNote.objects.bulk_create(notes)
    Mandate.mail_items.through.objects.bulk_create(links, ignore_conflicts=True)
