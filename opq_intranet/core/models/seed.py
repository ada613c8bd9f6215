"""Which demo-data generators already ran, so `seed_demo --once` can skip them."""

from django.db import models


class SeedRecord(models.Model):
    generator = models.CharField(max_length=100)
    scale = models.CharField(max_length=10)
    finished_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["generator", "scale"], name="core_seed_generator_scale_uniq")]

    def __str__(self):
        return f"{self.generator} ({self.scale})"
