"""The recorded query budget of each view (tests/query_counts.json)."""

import json
from pathlib import Path

_COUNTS = json.loads((Path(__file__).parent / "query_counts.json").read_text())


def budget(url_name):
    return _COUNTS[url_name]
