"""The options every command that plans a journey takes, and the plan they describe."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from carte_planner.cli.output import UsageError
from carte_planner.cli.values import (
    parse_chemotherapy_days,
    parse_date,
    parse_followup_rhythm,
    parse_pairs,
    parse_phase_days,
    parse_plan_id,
    parse_time,
    parse_weekdays,
)
from carte_planner.cli.words import NUMBER, WHOLE_NUMBER
from carte_planner.domain.fields import FIELDS, REQUEST_FIELDS, Field, Kind, Section
from carte_planner.i18n import tr


def add_request_options(parser: argparse.ArgumentParser) -> None:
    # No option has a default here: an option left out keeps the plan file's value (--plan)
    # or the request's own default, so only what the user typed changes the plan.
    group = parser.add_argument_group(tr("the journey"))
    group.add_argument("--plan", metavar="FILE", help=tr("start from a saved .carteplan file; other options change it"))
    from carte_planner.cli.people import add_people_options

    add_people_options(parser)
    group.add_argument(
        "--plan-id",
        metavar="ID",
        help=tr(
            "the id that keeps this plan's calendar events apart from other plans' (default: the plan file's, "
            "or one made from the city, home zone and travellers' names)"
        ),
    )
    group.add_argument(
        "--start",
        help=tr("first hospital day, YYYY-MM-DD (default: the first working day in China 8 weeks from today)"),
    )
    group.add_argument("--city", help=tr("hospital city (see `carte-planner cities`; default Shanghai)"))
    group.add_argument("--scenario", choices=list(FIELDS["scenario"].choices), help=tr("default typical"))
    group.add_argument(
        "--home-tz", help=tr("home time zone, an IANA name such as Europe/Berlin (default: this computer's)")
    )
    group.add_argument(
        "--home-country",
        help=tr(
            "home country, a two-letter code such as DE: its public holidays close the consulate "
            "(default: the home time zone's country)"
        ),
    )
    group.add_argument("--home-airport", help=tr("home airport code, such as JFK"))
    group.add_argument("--flight-hours", type=NUMBER, help=tr("flight length in hours (1-40, default 12)"))
    group.add_argument("--departure-time", help=tr("outbound departure, home time (default 10:00)"))
    group.add_argument(
        "--arrive-days-before", type=WHOLE_NUMBER, help=tr("days to arrive before the start (0-14, default 2)")
    )
    group.add_argument(
        "--go-home",
        action=argparse.BooleanOptionalAction,
        help=tr("go home during cell manufacturing (only if your hospital agrees; default off)"),
    )
    group.add_argument(
        "--travellers", type=WHOLE_NUMBER, help=tr("number of travellers, patient included (1-6, default 2)")
    )
    group.add_argument(
        "--traveller", action="append", default=[], metavar="NAME", help=tr("a traveller's name (repeat)")
    )
    group.add_argument(
        "--visa-stay-days", type=WHOLE_NUMBER, help=tr("the visa's permitted stay per entry (days, default 30)")
    )
    group.add_argument(
        "--followup-years", type=WHOLE_NUMBER, help=tr("years of follow-up at home to plan (0-20, default 5)")
    )
    group.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="KEY=DAYS",
        help=tr("a phase length from the hospital: screening, manufacturing, admission, monitoring, outpatient"),
    )
    group.add_argument(
        "--move", action="append", default=[], metavar="KEY=DATE", help=tr("set one item's date (see the JSON keys)")
    )
    group.add_argument("--confirm", action="append", default=[], metavar="KEY", help=tr("mark a value as confirmed"))
    for field in _TEXT_OPTIONS[Section.HOSPITAL]:
        _add_text_option(group, field)
    sheet = parser.add_argument_group(tr("the sheet for China (kept in the plan file, never sent anywhere)"))
    for field in _TEXT_OPTIONS[Section.SHEET]:
        _add_text_option(sheet, field)
    assumed = parser.add_argument_group(
        tr("values the guide does not give (the plan marks them assumed until you set them)")
    )
    assumed.add_argument(
        "--day0-offset", type=WHOLE_NUMBER, metavar="DAYS", help=tr("Day 0 (the infusion), days after admission")
    )
    assumed.add_argument(
        "--chemotherapy-days",
        metavar="FIRST..LAST",
        help=tr("chemotherapy's Day numbers, such as --chemotherapy-days=-5..-3"),
    )
    assumed.add_argument(
        "--visit-rhythm",
        choices=["twice-weekly", "weekly", "every-two-weeks"],
        help=tr("outpatient visits near the hospital"),
    )
    assumed.add_argument("--visit-weekdays", metavar="DAYS", help=tr("their weekdays, such as MO,TH (one for weekly)"))
    assumed.add_argument(
        "--early-home-visits", choices=["weekly", "every-two-weeks"], help=tr("visits in the first weeks back home")
    )
    assumed.add_argument(
        "--home-followup-rhythm",
        metavar="STAGES",
        help=tr("follow-up at home as MONTHS:UNTIL_MONTH stages counted from Day 0, such as 1:6,3:24,12:240"),
    )
    assumed.add_argument("--return-time", metavar="HH:MM", help=tr("return flight's departure, China time"))
    assumed.add_argument(
        "--visa-processing-days",
        type=int,
        metavar="DAYS",
        help=tr("the consulate's working days to process a visa, before the flight"),
    )
    group.add_argument("--today", help=tr("plan as if today were this date (YYYY-MM-DD)"))


_TEXT_OPTIONS = {
    section: tuple(field for field in REQUEST_FIELDS if field.section is section)
    for section in (Section.HOSPITAL, Section.SHEET)
}
# The options whose value goes into the request as typed (the request refuses what it must).
TAKEN_AS_TYPED = tuple(
    field
    for field in REQUEST_FIELDS
    if field.kind in (Kind.TEXT, Kind.CHOICE, Kind.NUMBER, Kind.WHOLE, Kind.FLAG)
    and field.section in (Section.TRIP, Section.TRAVEL, Section.HOSPITAL, Section.SHEET)
)

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


def _add_text_option(group: argparse._ArgumentGroup, field: Field) -> None:
    assert field.option is not None, field.id
    assert field.help is not None, field.id
    group.add_argument(field.option, help=tr(field.help))


def dest(field: Field) -> str:
    """The attribute argparse gives a field's option: --home-tz is `home_tz`."""
    assert field.option is not None
    return field.option.removeprefix("--").replace("-", "_")


def _travellers(args: argparse.Namespace, current: tuple[str, ...]) -> tuple[str, ...]:
    names = [name.strip() for name in args.traveller]
    if args.travellers is None and not names:
        return current
    count = args.travellers if args.travellers is not None else max(len(names), len(current))
    if not 1 <= count <= 6:
        raise UsageError(
            "--travellers: " + tr("must be between {low} and {high}, not {value}").format(low=1, high=6, value=count)
        )
    if len(names) > count:
        raise UsageError(
            "--traveller: " + tr("{names} names given for {count} travellers").format(names=len(names), count=count)
        )
    from carte_planner.domain.travellers import DEFAULT_TRAVELLERS, companion_name

    defaults = (*DEFAULT_TRAVELLERS, *(companion_name(n) for n in range(2, 6)))
    kept = list(current) + list(defaults[len(current) :])
    return tuple(names + kept[len(names) : count])


def plan_from_args(args: argparse.Namespace, today: date) -> Plan:
    """The plan the options describe: the --plan file's, or a new one (with no plan id yet),
    changed by every option given. Every refusal names the option to fix."""
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.request import LATEST_START, TripRequest
    from carte_planner.localzone import system_time_zone

    start = parse_date(args.start, "--start") if args.start else None
    if args.plan:
        from carte_planner.storage.planfile import load_plan

        plan = load_plan(args.plan)
    else:
        from carte_planner.office_calendars import default_start

        if start is None:
            if today + timedelta(weeks=8) > LATEST_START:
                raise UsageError(
                    "--today: "
                    + tr(
                        "the first hospital day would default to eight weeks later, after {year}; give {option} too"
                    ).format(year=LATEST_START.year, option="--start")
                )
            start = default_start(today)
        plan = Plan(TripRequest(start=start, home_tz=system_time_zone()), plan_id="")
    request = plan.request
    changes: dict[str, object] = {}
    for field in TAKEN_AS_TYPED:
        value = getattr(args, dest(field))
        if value is not None:
            changes[field.id] = value
    if start is not None:
        changes["start"] = start
    if args.departure_time:
        changes["departure_time"] = parse_time(args.departure_time)
    changes.update(_assumed_values(args))
    changes["travellers"] = _travellers(args, request.travellers)
    from carte_planner.cli.traveller_changes import people_changes

    changes.update(people_changes(args, request, changes["travellers"]))  # type: ignore[arg-type]
    if args.phase:
        changes["phase_days"] = tuple(
            {**dict(request.phase_days), **dict(parse_pairs(args.phase, "--phase", parse_phase_days))}.items()
        )
    if args.move:
        moved = {key: parse_date(str(raw), f"--move {key}") for key, raw in parse_pairs(args.move, "--move", str)}
        changes["moved"] = tuple({**dict(request.moved), **moved}.items())
    if args.confirm:
        changes["confirmed"] = request.confirmed | set(args.confirm)
    plan_id = parse_plan_id(args.plan_id) if args.plan_id is not None else plan.plan_id
    # replace() on the plan, not a new one: the file's checklist (ticks, notes, own items) stays.
    return replace(plan, request=replace(request, **changes), plan_id=plan_id)  # type: ignore[arg-type]


def _assumed_values(args: argparse.Namespace) -> dict[str, object]:
    """The values the guide does not give, as the user typed them."""
    changes: dict[str, object] = {}
    if args.day0_offset is not None:
        changes["day0_offset"] = args.day0_offset
    if args.chemotherapy_days:
        changes["chemotherapy_days"] = parse_chemotherapy_days(args.chemotherapy_days)
    if args.visit_rhythm:
        changes["visit_rhythm"] = args.visit_rhythm
    if args.visit_weekdays:
        changes["visit_weekdays"] = parse_weekdays(args.visit_weekdays)
    if args.early_home_visits:
        changes["early_rhythm"] = args.early_home_visits
    if args.home_followup_rhythm:
        changes["followup_rhythm"] = parse_followup_rhythm(args.home_followup_rhythm)
    if args.return_time:
        changes["return_time"] = parse_time(args.return_time, "--return-time", "11:00")
    if args.visa_processing_days is not None:
        changes["visa_processing_days"] = args.visa_processing_days
    return changes


def check_moves(args: argparse.Namespace, journey: Journey) -> None:
    """A --move whose key the plan does not have would be silently ignored: refuse it."""
    typed = {key for key, _ in parse_pairs(args.move, "--move", str)}
    for notice in journey.notices:
        if notice.code == "moved-item-gone" and notice.item_key in typed:
            raise UsageError(
                tr(
                    "{option}: '{key}' is not an item of this plan (the keys are in {command}; a visit is {example})"
                ).format(
                    option="--move",
                    key=notice.item_key,
                    command="`carte-planner plan --format json`",
                    example="`visits:outpatient#3`",
                )
            )
