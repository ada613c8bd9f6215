"""Every URL pattern of the project, as a concrete path with sample values."""

import re
import uuid
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

SAMPLES = {"int": "1", "path": "1", "str": "x", "slug": "x", "uuid": str(uuid.UUID(int=1))}
REGEX_SAMPLES = {
    r"^(?P<app_label>": "core/",  # admin app index
    r"(?P<url>.*)$": "inexistant/",  # admin catch-all
}


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    has_parameters: bool

    @property
    def namespace(self):
        return self.name.split(":", 1)[0] if ":" in self.name else ""


def all_routes():
    return list(_walk(get_resolver().url_patterns, "", None))


def _walk(patterns, prefix, namespace):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            continue
        route = prefix + str(pattern.pattern)
        name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
        yield Route(name=name, path="/" + _concrete(route), has_parameters=("<" in route or "(?P" in route))


def _concrete(route):
    for regex, sample in REGEX_SAMPLES.items():
        if regex in route:
            return route.split("^", 1)[0] + sample
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES[m.group(1) or "str"], route)
