"""Registries that the apps plug into from their own modules, discovered at start-up.

Each app may provide `dashboard.py`, `search.py`, `seed.py`, `bench.py` and `schedule.py`; CoreConfig.ready()
imports them so that their `register(...)` calls run. Navigation comes from AppConfig
attributes (see navigation.py).
"""

DISCOVERED_MODULES = ("dashboard", "search", "seed", "bench", "schedule")
