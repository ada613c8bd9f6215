"""The daily job `administrateurs.purge_closed` (registered by administrateurs/schedule.py):
every withdrawn or expired candidacy kept past ADMINISTRATEURS_RETENTION_DAYS is purged, each
in its own transaction (services/purge.py says what goes and what stays). Idempotent: a purged
candidacy is never picked again."""

from administrateurs.services.purge import candidate_purge, due

KEY = "administrateurs.purge_closed"


def run(today, log):
    purged = 0
    for candidate in due(today):
        candidate_purge(candidate=candidate, today=today)
        purged += 1
        log(f"candidacy {candidate.pk}: purged (closed on {candidate.closed.isoformat()})")
    return f"{purged} candidacies purged"
