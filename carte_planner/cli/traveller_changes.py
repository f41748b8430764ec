"""The travellers and the treating team's rules the options of cli/people.py describe;
every refusal names the option and the traveller."""

from __future__ import annotations

import argparse
from dataclasses import replace

from carte_planner.cli.output import UsageError
from carte_planner.cli.values import parse_date
from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import RULE_FIELDS
from carte_planner.domain.people import ENTRIES_CHOICES, Person, Role, Route, Turn, people_of
from carte_planner.domain.request import TripRequest
from carte_planner.i18n import tr

# The argparse attribute of each team rule's option (--caregiver-around-the-clock-until is
# `around_the_clock_until`, the rule's id).
_RULE_OPTIONS = {rule.id: rule.option for rule in RULE_FIELDS}
_PERSON_OPTIONS = (
    "role",
    "nationality",
    "passport_expiry",
    "visa",
    "visa_stay",
    "visa_entries",
    "visa_use_by",
    "visa_free",
    "residence_permit",
    "turn",
)


def _split(value: str, option: str, form: str) -> tuple[str, str]:
    name, sep, raw = value.partition("=")
    if not sep or not name.strip():
        raise UsageError(tr("{option}: '{text}' must look like {form}").format(option=option, text=value, form=form))
    return name.strip(), raw.strip()


def _turn(raw: str, option: str) -> Turn:
    first, sep, last = raw.partition("..")
    if not sep:
        raise UsageError(
            tr("{option}: '{text}' must look like {form}").format(
                option=option, text=raw, form="YYYY-MM-DD..YYYY-MM-DD"
            )
        )
    return Turn(parse_date(first, option), parse_date(last, option))


def people_changes(args: argparse.Namespace, request: TripRequest, names: tuple[str, ...]) -> dict[str, object]:
    """The people and team rules the options describe, on top of the plan's; {} when neither the
    plan nor the options have any."""
    changes: dict[str, object] = {}
    team = {name: getattr(args, name) for name in _RULE_OPTIONS if getattr(args, name) is not None}
    if team:
        try:
            changes["team"] = replace(request.team, **team)
        except PlanInputError as error:
            option = error.described.option if error.described is not None else None
            option = option or "--team"
            raise UsageError(f"{option}: {error.message}") from None
    if args.handover_overlap_days is not None:
        changes["handover_overlap_days"] = args.handover_overlap_days
    if not request.people and not any(getattr(args, name) for name in _PERSON_OPTIONS):
        return changes
    current = people_of(request)
    people = {name: _person_at(current, index, name) for index, name in enumerate(names)}
    explicit_roles: set[str] = set()

    def person(option: str, name: str) -> Person:
        if name not in people:
            raise UsageError(
                tr("{option}: '{name}' is not one of the travellers ({names})").format(
                    option=option, name=name, names=", ".join(names)
                )
            )
        return people[name]

    def update(option: str, name: str, **values: object) -> None:
        try:
            people[name] = replace(person(option, name), **values)  # type: ignore[arg-type]
        except PlanInputError as error:
            raise UsageError(f"{option} {name}: {error.message}") from None

    def visa(option: str, name: str, **values: object) -> None:
        try:
            new = replace(person(option, name).visa, **values)  # type: ignore[arg-type]
        except PlanInputError as error:
            raise UsageError(f"{option} {name}: {error.message}") from None
        update(option, name, visa=new)

    for value in args.role:
        name, raw = _split(value, "--role", "NAME=patient|caregiver|companion")
        update("--role", name, role=raw)
        explicit_roles.add(name)
    for value in args.nationality:
        name, raw = _split(value, "--nationality", "NAME=CC")
        update("--nationality", name, nationality=raw)
    for value in args.passport_expiry:
        name, raw = _split(value, "--passport-expiry", "NAME=YYYY-MM-DD")
        update("--passport-expiry", name, passport_expiry=parse_date(raw, "--passport-expiry"))
    for value in args.visa:
        name, raw = _split(value, "--visa", "NAME=TYPE")
        visa("--visa", name, type=raw)
        update("--visa", name, route=Route.VISA)
    for value in args.visa_stay:
        name, raw = _split(value, "--visa-stay", "NAME=DAYS")
        if not raw.isdigit():
            raise UsageError("--visa-stay: " + tr("'{text}' is not a whole number of days").format(text=raw[:20]))
        visa("--visa-stay", name, stay_days=int(raw))
    for value in args.visa_entries:
        name, raw = _split(value, "--visa-entries", "NAME=" + "|".join(ENTRIES_CHOICES))
        visa("--visa-entries", name, entries=raw)
    for value in args.visa_use_by:
        name, raw = _split(value, "--visa-use-by", "NAME=YYYY-MM-DD")
        visa("--visa-use-by", name, use_by=parse_date(raw, "--visa-use-by"))
    for name in args.visa_free:
        update("--visa-free", name.strip(), route=Route.VISA_FREE)
    for name in args.residence_permit:
        update("--residence-permit", name.strip(), route=Route.RESIDENCE_PERMIT)
    turns: dict[str, list[Turn]] = {}
    for value in args.turn:
        name, raw = _split(value, "--turn", "NAME=YYYY-MM-DD..YYYY-MM-DD")
        person("--turn", name)
        try:
            turns.setdefault(name, []).append(_turn(raw, "--turn"))
        except PlanInputError as error:
            raise UsageError(f"--turn {name}: {error.message}") from None
    for name, given in turns.items():
        update("--turn", name, turns=tuple(given))
    result = list(people.values())
    # The first traveller is the patient unless another was named the patient.
    named_patient = [p for p in result if p.role is Role.PATIENT and p.name in explicit_roles]
    if named_patient and result[0].name not in explicit_roles and result[0] is not named_patient[0]:
        result[0] = replace(result[0], role=Role.CAREGIVER)
    changes["people"] = tuple(result)
    return changes


def _person_at(current: tuple[Person, ...], index: int, name: str) -> Person:
    """The person at this place of the list, under the name given now; a new place is a
    caregiver of the whole journey (the first, the patient)."""
    if index < len(current):
        return replace(current[index], name=name)
    return Person(name, Role.PATIENT if index == 0 else Role.CAREGIVER)
