"""Reading one JSON object of a plan file field by field, every refusal naming the field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError


class JsonFields:
    """Reads one JSON object field by field; every refusal names the field."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise PlanFileError(tr("'{field}' must be an object.").format(field=where))
        self.data = data
        self.where = where
        self.used: set[str] = set()

    def take(
        self, name: str, kind: type | tuple[type, ...], default: Any = ..., convert: Callable[[Any], Any] | None = None
    ) -> Any:
        self.used.add(name)
        if name not in self.data:
            if default is ...:
                raise PlanFileError(tr("the field '{field}' is missing.").format(field=self._path(name)))
            return default
        value = self.data[name]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise PlanFileError(tr("the field '{field}' must be a number.").format(field=self._path(name)))
        if not isinstance(value, kind):
            raise PlanFileError(tr("the field '{field}' has the wrong type.").format(field=self._path(name)))
        if convert is None:
            return value
        try:
            return convert(value)
        except PlanFileError:
            raise  # already names the field and what is wrong with it
        except (ValueError, TypeError, OverflowError):
            raise PlanFileError(
                tr("the field '{field}' has an invalid value: {value}.").format(
                    field=self._path(name), value=repr(str(value)[:40])
                )
            ) from None

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise PlanFileError(
                tr("the field '{field}' is not one this version knows.").format(field=self._path(unknown[0]))
            )

    def _path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name
