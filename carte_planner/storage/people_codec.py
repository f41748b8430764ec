"""The plan file's people and the treating team's rules (format version 6), and the migration
that turns an earlier plan's travellers into people of the whole journey."""

from __future__ import annotations

from datetime import date
from typing import Any

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import RULE_FIELDS
from carte_planner.domain.people import Person, TeamRules, Turn, Visa
from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.json_fields import JsonFields

_RULES = tuple(rule.file.removeprefix("team.") for rule in RULE_FIELDS)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def people_to_dict(people: tuple[Person, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": person.name,
            "role": person.role.value,
            "nationality": person.nationality,
            "passport_expiry": _day(person.passport_expiry),
            "home_country": person.home_country,
            "home_time_zone": person.home_tz,
            "route": person.route.value,
            "visa": {
                "type": person.visa.type,
                # null: the plan's visa stay.
                "stay_days": person.visa.stay_days,
                "entries": person.visa.entries,
                "use_by": _day(person.visa.use_by),
            },
            "turns": [[turn.first.isoformat(), turn.last.isoformat()] for turn in person.turns],
        }
        for person in people
    ]


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


def _person(fields: Any, where: str) -> Person:

    nothing = type(None)
    visa = JsonFields(fields.take("visa", dict, {}), f"{where}.visa")
    visa_values = Visa(
        type=visa.take("type", str, ""),
        stay_days=visa.take("stay_days", (int, nothing), None),
        entries=visa.take("entries", str, ""),
        use_by=visa.take("use_by", (str, nothing), None, convert=_date_or_none),
    )
    visa.finish()
    return Person(
        name=fields.take("name", str),
        role=fields.take("role", str, "caregiver"),
        nationality=fields.take("nationality", str, ""),
        passport_expiry=fields.take("passport_expiry", (str, nothing), None, convert=_date_or_none),
        home_country=fields.take("home_country", str, ""),
        home_tz=fields.take("home_time_zone", str, ""),
        route=fields.take("route", str, "visa"),
        visa=visa_values,
        turns=fields.take("turns", list, (), convert=lambda turns: tuple(_turn(t) for t in turns)),
    )


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
