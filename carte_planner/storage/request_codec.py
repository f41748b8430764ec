"""A trip request to the plan file's JSON and back, field by field as domain/fields.py
describes them: each field's place in the file, its JSON type and its default."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields
from datetime import date, time
from typing import Any

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import REQUEST_FIELDS, Field, Kind
from carte_planner.domain.request import TripRequest
from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.json_fields import JsonFields
from carte_planner.storage.people_codec import people_from_dict, people_to_dict, team_from_dict, team_to_dict

_NOTHING = type(None)


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _listed(value: Any) -> list[Any] | None:
    return list(value) if value is not None else None


# How each kind of field is written; KEYED fields differ by what they hold (see _ENCODE_KEYED).
_ENCODE: dict[Kind, Callable[[Any], Any]] = {
    Kind.DATE: date.isoformat,
    Kind.TEXT: lambda value: value,
    Kind.CHOICE: lambda value: None if value is None else str(value),
    Kind.NUMBER: lambda value: value,
    Kind.WHOLE: lambda value: value,
    Kind.TIME: _time,
    Kind.FLAG: lambda value: value,
    Kind.NAMES: list,
    Kind.KEYS: sorted,
    Kind.DAY_RANGE: _listed,
    Kind.WEEKDAYS: _listed,
    Kind.STAGES: lambda value: [list(stage) for stage in value] if value is not None else None,
    Kind.PEOPLE: people_to_dict,
    Kind.RULES: team_to_dict,
}
_ENCODE_KEYED: dict[str, Callable[[Any], Any]] = {
    "phase_days": dict,
    "moved": lambda moved: {key: when.isoformat() for key, when in moved},
}


def _encoded(field: Field, value: Any) -> Any:
    if field.kind is Kind.KEYED:
        return _ENCODE_KEYED[field.id](value)
    return _ENCODE[field.kind](value)


def request_to_dict(request: TripRequest) -> dict[str, Any]:
    """The request as the plan file holds it; a dotted `file` name is a nested object."""
    document: dict[str, Any] = {}
    for field in REQUEST_FIELDS:
        *outer, name = field.file.split(".")
        place = document
        for part in outer:
            place = place.setdefault(part, {})
        place[name] = _encoded(field, getattr(request, field.id))
    return document


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(value)
    return float(value)


def _int_map(value: Mapping[str, Any]) -> tuple[tuple[str, int], ...]:
    items = []
    for key, days in value.items():
        if isinstance(days, bool) or not isinstance(days, int):
            raise ValueError(days)
        items.append((str(key), days))
    return tuple(items)


def date_map(value: Mapping[str, Any]) -> tuple[tuple[str, date], ...]:
    return tuple((str(key), date.fromisoformat(str(when))) for key, when in value.items())


def strings(value: list[Any]) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in value):
        raise ValueError(value)
    return tuple(value)


# How each kind is read: its JSON type and the conversion to the request's value. A field
# whose request default is None (the guide's assumption) also accepts null, and then keeps it.
_DECODE: dict[Kind, tuple[type | tuple[type, ...], Callable[[Any], Any] | None]] = {
    Kind.DATE: (str, date.fromisoformat),
    Kind.TEXT: (str, None),
    Kind.CHOICE: (str, None),
    Kind.NUMBER: ((int, float), _finite),
    Kind.WHOLE: (int, None),
    Kind.TIME: (str, time.fromisoformat),
    Kind.FLAG: (bool, None),
    Kind.NAMES: (list, strings),
    Kind.KEYS: (list, lambda value: frozenset(strings(value))),
    Kind.DAY_RANGE: (list, tuple),
    Kind.WEEKDAYS: (list, tuple),
    Kind.STAGES: (list, lambda stages: tuple(tuple(stage) for stage in stages)),
    Kind.PEOPLE: (list, people_from_dict),
    Kind.RULES: (dict, team_from_dict),
}
_DECODE_KEYED = {"phase_days": _int_map, "moved": date_map}
# Values before the request's own defaults: an old file without the field keeps these.
_DEFAULTS = {"city": ..., "travellers": ("Patient", "Caregiver"), "people": [], "team": {}}


def _default(field: Field) -> Any:
    if field.id in _DEFAULTS:
        return _DEFAULTS[field.id]
    described = next(f for f in fields(TripRequest) if f.name == field.id)
    if described.default is not MISSING:
        return described.default
    if described.default_factory is not MISSING:
        return described.default_factory()
    return ...  # required: a file without it is refused


def _read(field: Field, reader: JsonFields, name: str) -> Any:
    if field.kind is Kind.KEYED:
        return reader.take(name, dict, (), convert=_DECODE_KEYED[field.id])
    kind, convert = _DECODE[field.kind]
    default = _default(field)
    if field.kind in (Kind.PEOPLE, Kind.RULES):
        # Read whole, then converted: their conversion names the fields inside them.
        return convert(reader.take(name, kind, default))  # type: ignore[misc]
    if default is not None:
        return reader.take(name, kind, default, convert=convert)
    # None keeps the guide's assumption; null in the file does the same.
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return _optional(field, reader.take(name, (*kinds, _NOTHING), None), convert)


def _optional(field: Field, value: Any, convert: Callable[[Any], Any] | None) -> Any:
    if isinstance(value, bool) and field.kind is Kind.WHOLE:
        raise PlanFileError(tr("the field '{field}' must be a number.").format(field=field.file_path))
    if value is None or convert is None:
        return value
    if field.kind is Kind.STAGES and not all(isinstance(stage, list) for stage in value):
        raise PlanFileError(tr("the field '{field}' has the wrong type.").format(field=field.file_path))
    try:
        return convert(value)
    except ValueError:
        raise PlanFileError(tr("the field '{field}' has an invalid value.").format(field=field.file_path)) from None


def request_from_dict(data: Any) -> TripRequest:
    document = JsonFields(data, "request")
    readers: dict[str, JsonFields] = {"": document}
    values: dict[str, Any] = {}
    try:
        for field in REQUEST_FIELDS:
            outer, _, name = field.file.rpartition(".")
            if outer not in readers:
                readers[outer] = JsonFields(document.take(outer, dict, {}), f"request.{outer}")
            values[field.id] = _read(field, readers[outer], name)
        for reader in reversed(readers.values()):
            reader.finish()
        return TripRequest(**values)
    except PlanInputError as error:
        raise refusal(error) from None


def refusal(error: PlanInputError) -> PlanFileError:
    """The planner's refusal of a value read from a plan file, naming the file's field."""
    field = error.described.file_path_for(error.entry) if error.described is not None else error.field
    return PlanFileError(
        tr("the field '{field}' holds a value Carte Planner cannot use: {reason}.").format(
            field=field, reason=error.message
        )
    )
