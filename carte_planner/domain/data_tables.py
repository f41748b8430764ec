"""Reading the tables of a shipped data file (checklist, documents): each problem is a
ResourceError that names the file and the field, so a maintainer's typo is found at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from carte_planner.domain.errors import ResourceError
from carte_planner.i18n import tr


@dataclass(frozen=True)
class Titled:
    """A key of a data file with its title as the file says it (English); `title` is in the
    reader's language."""

    key: str
    source_title: str

    @property
    def title(self) -> str:
        return tr(self.source_title)


def need(source: str, entry: Mapping[str, Any], path: str, name: str, kind: type) -> Any:
    """The field `name` of the table at `path`, which must be there and of type `kind`."""
    if name not in entry:
        raise ResourceError(source, f"{path}.{name}", "is missing")
    value = entry[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ResourceError(source, f"{path}.{name}", f"must be of type {kind.__name__}")
    return value


def tables(source: str, data: Mapping[str, Any], name: str) -> list[tuple[str, Mapping[str, Any]]]:
    """The tables of the list `name`, each with its path (`items[3]`); the list may not be empty."""
    found = data.get(name)
    if not isinstance(found, list) or not found:
        raise ResourceError(source, name, "must be a non-empty list of tables")
    result = []
    for i, entry in enumerate(found):
        path = f"{name}[{i}]"
        if not isinstance(entry, Mapping):
            raise ResourceError(source, path, "must be a table")
        result.append((path, entry))
    return result
