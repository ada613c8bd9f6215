"""Load demo data (`--scale demo`) or the benchmark's volumes (`--scale full`).

Runs every generator registered in `opq_intranet.core.registry.seed`, in order. Each is
idempotent; `--once` also skips those that already completed for this scale.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from opq_intranet.core.models import SeedRecord
from opq_intranet.core.registry.seed import SCALES, generators


class Command(BaseCommand):
    help = "Load demo data (demo) or benchmark volumes (full). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=SCALES, default="demo")
        parser.add_argument("--once", action="store_true", help="skip generators that already ran at this scale")
        parser.add_argument("--only", default="", help="comma-separated generator keys")

    def handle(self, *args, scale, once, only, **options):
        wanted = {k.strip() for k in only.split(",") if k.strip()}
        selected = [g for g in generators() if not wanted or g.key in wanted]
        if wanted and len(selected) != len(wanted):
            raise CommandError(f"Unknown generator(s): {sorted(wanted - {g.key for g in selected})}")
        done = set(SeedRecord.objects.filter(scale=scale).values_list("generator", flat=True)) if once else set()
        for generator in selected:
            if generator.key in done:
                continue
            started = time.monotonic()
            self.stdout.write(f"[{scale}] {generator.key}…")
            with transaction.atomic():
                generator.run(scale, self._log)
                SeedRecord.objects.update_or_create(generator=generator.key, scale=scale)
            self.stdout.write(f"[{scale}] {generator.key} done in {time.monotonic() - started:.1f} s")

    def _log(self, message):
        self.stdout.write(f"    {message}")
