"""The plan file's people and the treating team's rules (format version 6), and the migration
that turns an earlier plan's travellers into people of the whole journey."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING
from datetime import date
from typing import Any

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import PERSON_FIELDS, RULE_FIELDS, Field, Kind
from carte_planner.domain.people import Person, TeamRules, Turn, Visa
from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.json_fields import JsonFields

_RULES = tuple(rule.file.removeprefix("team.") for rule in RULE_FIELDS)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _turns_to_list(turns: tuple[Turn, ...]) -> list[list[str]]:
    return [[turn.first.isoformat(), turn.last.isoformat()] for turn in turns]


# How each kind of a traveller's field is written.
_ENCODE: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: lambda value: value,
    Kind.CHOICE: str,
    Kind.WHOLE: lambda value: value,  # null: the plan's value (the visa's stay: the plan's visa stay)
    Kind.DATE: _day,
    Kind.DAY_RANGE: _turns_to_list,
}


def _owner_and_name(field: Field) -> tuple[str, str]:
    """("visa", "stay_days") for the Visa's field "visa.stay_days"; ("", "home_tz") for the Person's."""
    owner, _, name = field.id.rpartition(".")
    return owner, name


def people_to_dict(people: tuple[Person, ...]) -> list[dict[str, Any]]:
    return [_person_to_dict(person) for person in people]


def _person_to_dict(person: Person) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for field in PERSON_FIELDS:
        owner, name = _owner_and_name(field)
        value = getattr(person.visa if owner else person, name)
        *outer, key = field.file.split(".")
        place = document
        for part in outer:
            place = place.setdefault(part, {})
        place[key] = _ENCODE[field.kind](value)
    return document


def team_to_dict(team: TeamRules) -> dict[str, int | None]:
    return {name: getattr(team, name) for name in _RULES}


def _date_or_none(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _turn(value: Any) -> Turn:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(day, str) for day in value):
        raise ValueError(value)
    return Turn(date.fromisoformat(value[0]), date.fromisoformat(value[1]))


def people_from_dict(data: Any) -> tuple[Person, ...]:
    """People as the file holds them; a value the planner refuses names the person's entry."""

    if not isinstance(data, list):
        raise PlanFileError(tr("the field '{field}' has the wrong type.").format(field="request.people"))
    people = []
    for index, entry in enumerate(data):
        where = f"request.people[{index}]"
        fields = JsonFields(entry, where)
        try:
            people.append(_person(fields, where))
        except PlanInputError as error:
            raise PlanFileError(
                tr("the field '{field}' holds a value Carte Planner cannot use: {reason}.").format(
                    field=where, reason=error
                )
            ) from None
        fields.finish()
    return tuple(people)


def _turns(value: list[Any]) -> tuple[Turn, ...]:
    return tuple(_turn(turn) for turn in value)


_NOTHING = type(None)
# How each kind of a traveller's field is read: its JSON types and the conversion.
_DECODE: dict[Kind, tuple[type | tuple[type, ...], Callable[[Any], Any] | None]] = {
    Kind.TEXT: (str, None),
    Kind.CHOICE: (str, None),
    Kind.WHOLE: ((int, _NOTHING), None),
    Kind.DATE: ((str, _NOTHING), _date_or_none),
    Kind.DAY_RANGE: (list, _turns),
}


def _default(owner: type, name: str) -> Any:
    """The dataclass's default for a field, or ... for one a file must hold (the name)."""
    described = next(f for f in dataclasses.fields(owner) if f.name == name)
    if described.default is not MISSING:
        return described.default
    if described.default_factory is not MISSING:
        return described.default_factory()
    return ...


def _person(entry: JsonFields, where: str) -> Person:
    readers = {"": entry}
    values: dict[str, dict[str, Any]] = {"": {}, "visa": {}}
    for field in PERSON_FIELDS:
        owner, name = _owner_and_name(field)
        outer, _, key = field.file.rpartition(".")
        if outer not in readers:
            readers[outer] = JsonFields(entry.take(outer, dict, {}), f"{where}.{outer}")
        kinds, convert = _DECODE[field.kind]
        default = _default(Visa if owner else Person, name)
        values[owner][name] = readers[outer].take(key, kinds, default, convert=convert)
    for outer, reader in readers.items():
        if outer:
            reader.finish()
    return Person(**values[""], visa=Visa(**values["visa"]))


def team_from_dict(data: Any) -> TeamRules:

    fields = JsonFields(data, "request.team")
    nothing = type(None)
    values = {name: fields.take(name, (int, nothing), None) for name in _RULES}
    fields.finish()
    for name, value in values.items():
        if isinstance(value, bool):
            raise PlanFileError(tr("the field '{field}' must be a number.").format(field=f"request.team.{name}"))
    return TeamRules(**values)


def migrate_6_to_7(document: dict[str, Any]) -> dict[str, Any]:
    """Version 6 knew travellers by name only: each becomes a person present for the whole
    journey on the plan's visa stay, the first the patient and the others caregivers, so every
    item keeps its key (and its tick, note and moved date). The team's rules are not set yet."""
    request = document.get("request")
    if not isinstance(request, dict):
        return {**document, "version": 7}
    names = request.get("travellers", ["Patient", "Caregiver"])
    people = (
        [{"name": name, "role": "patient" if number == 0 else "caregiver"} for number, name in enumerate(names)]
        if isinstance(names, list)
        else names
    )
    return {**document, "version": 7, "request": {**request, "people": people, "team": team_to_dict(TeamRules())}}
