"""The point-in-time recovery drill (scripts/pitr-drill.sh) in a throw-away loopback cluster."""

import glob
import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pitr-drill.sh"


def test_pitr_drill_recovers_to_the_moment_before_the_accident(worker_id):
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        pytest.skip("Debian's postgresql server package is not installed: no cluster to drill with")
    worker = int(worker_id[2:]) if worker_id.startswith("gw") else 9
    env = {**os.environ, "PITR_PORT": str(55400 + 2 * worker)}
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "PITR drill passed" in result.stdout
    assert "100 replayed from the WAL archive" in result.stdout
