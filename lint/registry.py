"""Rules come from the entry-point group ``postlint.rules``; the built-in ones too.

The entry point's name is the rule id, so a run imports only the rule modules it needs.
Ids are kebab-case; a plugin's carry a namespace (``acme/no-lorem-ipsum``), postlint's own none.
"""

from __future__ import annotations

import re
from functools import cached_property
from importlib.metadata import EntryPoint, entry_points

from .rule import Rule

GROUP = "postlint.rules"
_KEBAB = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
RULE_ID = re.compile(rf"(?:{_KEBAB}/)?{_KEBAB}")


class RegistryError(Exception):
    pass


class Registry:
    def __init__(self, points: list[EntryPoint] | None = None) -> None:
        self._points = points

    @cached_property
    def entry_points(self) -> dict[str, EntryPoint]:
        points = self._points if self._points is not None else list(entry_points(group=GROUP))
        found: dict[str, EntryPoint] = {}
        for point in points:
            if not RULE_ID.fullmatch(point.name):
                raise RegistryError(
                    f"{_package(point)} registers a rule with the invalid id {point.name!r} ({point.value}); "
                    "ids are kebab-case, optionally namespaced: 'acme/no-foo'"
                )
            other = found.get(point.name)
            if other is not None and _package(other) != _package(point):
                raise RegistryError(
                    f"rule id {point.name!r} is registered by two packages: "
                    f"{_package(other)} ({other.value}) and {_package(point)} ({point.value})"
                )
            found.setdefault(point.name, point)
        return dict(sorted(found.items()))

    @property
    def ids(self) -> list[str]:
        return list(self.entry_points)

    def load(self, rule_id: str) -> type[Rule]:
        point = self.entry_points[rule_id]
        try:
            cls = point.load()
        except Exception as exc:  # a broken plugin must not look like a postlint bug
            raise RegistryError(f"rule {rule_id!r} from {_package(point)} failed to load: {exc}") from exc
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            raise RegistryError(f"entry point {rule_id!r} ({point.value}) is not a postlint Rule class")
        if cls.id != rule_id:
            raise RegistryError(f"entry point {rule_id!r} ({point.value}) loads a rule whose id is {cls.id!r}")
        return cls

    def load_all(self) -> dict[str, type[Rule]]:
        return {rule_id: self.load(rule_id) for rule_id in self.ids}


def _package(point: EntryPoint) -> str:
    dist = getattr(point, "dist", None)
    return dist.name if dist is not None else point.module.split(".", 1)[0]
