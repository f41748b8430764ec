"""The command line: the same journey, calendar export and checklist without a window."""

from __future__ import annotations

import argparse
import calendar
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import NoReturn

from carte_planner import __version__
from carte_planner.domain.errors import PlanInputError, ResourceError
from carte_planner.domain.identity import derived_plan_id
from carte_planner.domain.request import Scenario, TripRequest

EXIT_USAGE = 2
DEFAULT_WEEKS_AHEAD = 8


# The option a user types for each request field the planner may refuse.
_OPTION_FOR_FIELD = {
    "start date": "--start",
    "city": "--city",
    "scenario": "--scenario",
    "home time zone": "--home-tz",
    "flight length (hours)": "--flight-hours",
    "days to arrive before the start": "--arrive-days-before",
    "visa's permitted stay (days)": "--visa-stay-days",
    "follow-up years": "--followup-years",
    "travellers": "--traveller",
    "home airport": "--home-airport",
}


class UsageError(Exception):
    """Bad input on the command line: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (2027-03-01), with a message that says what is wrong with an impossible one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        year, month, _day = (int(p) for p in parts)
        if 1 <= month <= 12 and 1 <= year <= 9999:
            days = calendar.monthrange(year, month)[1]
            month_name = date(2000, month, 1).strftime("%B")
            raise UsageError(f"{what}: {text} is not a real date ({month_name} {year} has {days} days)")
    raise UsageError(f"{what}: '{text}' is not a date; write it as YYYY-MM-DD, for example 2027-03-01")


def _parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--departure-time: '{text}' is not a time; write it as HH:MM, for example 10:00") from None


def _pairs(values: Sequence[str], option: str, convert: type | object) -> list[tuple[str, object]]:
    result = []
    for value in values:
        key, sep, raw = value.partition("=")
        if not sep or not key:
            raise UsageError(f"{option}: '{value}' must look like KEY=VALUE")
        result.append((key.strip(), convert(raw.strip())))  # type: ignore[operator]
    return result


def _phase_days(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise UsageError(f"--phase: '{raw}' is not a whole number of days") from None


def _add_request_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("the journey")
    group.add_argument("--start", help="first hospital day, YYYY-MM-DD (default: eight weeks from today)")
    group.add_argument("--city", default="Shanghai", help="hospital city (see `carte-planner cities`)")
    group.add_argument("--scenario", choices=[s.value for s in Scenario], default="typical")
    group.add_argument(
        "--home-tz", help="home time zone, an IANA name such as Europe/Berlin (default: this computer's)"
    )
    group.add_argument("--home-airport", default="", help="home airport code, such as JFK")
    group.add_argument("--flight-hours", type=float, default=12.0, help="flight length in hours (1-40, default 12)")
    group.add_argument("--departure-time", default="10:00", help="outbound departure, home time (default 10:00)")
    group.add_argument("--arrive-days-before", type=int, default=2, help="days to arrive before the start (0-14)")
    group.add_argument(
        "--go-home", action="store_true", help="go home during cell manufacturing (only if your hospital agrees)"
    )
    group.add_argument("--travellers", type=int, help="number of travellers, patient included (1-6, default 2)")
    group.add_argument("--traveller", action="append", default=[], metavar="NAME", help="a traveller's name (repeat)")
    group.add_argument("--visa-stay-days", type=int, default=30, help="the visa's permitted stay per entry (days)")
    group.add_argument("--followup-years", type=int, default=5, help="years of follow-up at home to plan (0-20)")
    group.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="KEY=DAYS",
        help="a phase length from the hospital: screening, manufacturing, admission, monitoring, outpatient",
    )
    group.add_argument(
        "--move", action="append", default=[], metavar="KEY=DATE", help="set one item's date (see the JSON keys)"
    )
    group.add_argument("--confirm", action="append", default=[], metavar="KEY", help="mark a value as confirmed")
    group.add_argument("--hospital-name", default="")
    group.add_argument("--hospital-name-zh", default="", help="the hospital's name in Chinese")
    group.add_argument("--hospital-address", default="")
    group.add_argument("--hospital-address-zh", default="", help="the hospital's address in Chinese, for taxis")
    group.add_argument("--hospital-phone", default="")
    group.add_argument("--today", help="plan as if today were this date (YYYY-MM-DD)")


def _travellers(args: argparse.Namespace) -> tuple[str, ...]:
    names = [name.strip() for name in args.traveller]
    count = args.travellers if args.travellers is not None else max(len(names), 2)
    if not 1 <= count <= 6:
        raise UsageError(f"--travellers: must be between 1 and 6, not {count}")
    if len(names) > count:
        raise UsageError(f"--traveller: {len(names)} names given for {count} travellers")
    defaults = ["Patient", "Caregiver"] + [f"Companion {i}" for i in range(2, 6)]
    return tuple(names + defaults[len(names) : count])


def request_from_args(args: argparse.Namespace, today: date) -> TripRequest:
    """Build the request from the options; every refusal names the option to fix."""
    from carte_planner.localzone import system_time_zone

    start = parse_date(args.start, "--start") if args.start else today + timedelta(weeks=DEFAULT_WEEKS_AHEAD)
    moved = [(key, parse_date(str(raw), f"--move {key}")) for key, raw in _pairs(args.move, "--move", str)]
    return TripRequest(
        start=start,
        city=args.city,
        scenario=Scenario(args.scenario),
        home_tz=args.home_tz or system_time_zone(),
        home_airport=args.home_airport,
        flight_hours=args.flight_hours,
        departure_time=_parse_time(args.departure_time),
        arrive_days_before=args.arrive_days_before,
        go_home=args.go_home,
        travellers=_travellers(args),
        visa_stay_days=args.visa_stay_days,
        followup_years=args.followup_years,
        phase_days=tuple(_pairs(args.phase, "--phase", _phase_days)),  # type: ignore[arg-type]
        moved=tuple(moved),
        confirmed=frozenset(args.confirm),
        hospital_name=args.hospital_name,
        hospital_name_zh=args.hospital_name_zh,
        hospital_address=args.hospital_address,
        hospital_address_zh=args.hospital_address_zh,
        hospital_phone=args.hospital_phone,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="carte-planner",
        description="Plan a CAR-T therapy journey to a hospital in China. Without a command, opens the window. "
        "Dates are estimates: your hospital's schedule always comes first.",
    )
    parser.add_argument("--version", action="version", version=f"Carte Planner {__version__}")
    parser.add_argument("--exit-after-show", action="store_true", help="open the window, then quit after it is shown")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    plan = commands.add_parser("plan", help="show the journey as an agenda (or JSON)")
    _add_request_options(plan)
    plan.add_argument("--format", choices=["text", "json"], default="text")

    export = commands.add_parser("export", help="write the journey as an .ics calendar file")
    _add_request_options(export)
    export.add_argument("-o", "--output", required=True, help="the .ics file to write")
    export.add_argument("--discreet", action="store_true", help="neutral titles for calendars others can see")
    export.add_argument("--calendar-name", help="the calendar's name in the calendar app")

    commands.add_parser("cities", help="list the hospital cities with Chinese names and airports")
    return parser


def _today(args: argparse.Namespace) -> date:
    return parse_date(args.today, "--today") if getattr(args, "today", None) else date.today()


def _run(args: argparse.Namespace) -> int:
    from carte_planner.domain.planner import plan_journey

    if args.command == "cities":
        from carte_planner.resources import load_cities

        for city in load_cities():
            line = f"{city.name:<12} {city.name_zh:<6} airports: {', '.join(city.airports)}"
            print(f"{line}   ({city.airport_note})" if city.airport_note else line)
        return 0

    today = _today(args)
    request = request_from_args(args, today)
    journey = plan_journey(request, today)
    if args.command == "plan":
        from carte_planner.export.agenda import journey_json, journey_text

        sys.stdout.write(journey_json(journey) if args.format == "json" else journey_text(journey))
        return 0

    from carte_planner.export.ics import ExportOptions, export_ics
    from carte_planner.storage.atomic import atomic_write

    plan_id = derived_plan_id(journey.city.key, request.home_tz)
    options = ExportOptions(
        plan_id=plan_id, now=datetime.now(UTC), discreet=args.discreet, calendar_name=args.calendar_name
    )
    output = Path(args.output)
    atomic_write(output, export_ics(journey, options))
    print(
        f"Wrote {len(journey.items)} calendar items to {output}. The dates are estimates: "
        "confirm them with your hospital."
    )
    return 0


def _fail(message: str) -> int:
    print(f"carte-planner: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `carte-planner`; returns the exit code."""
    from carte_planner.storage.atomic import WriteError

    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            from carte_planner.ui.launch import launch

            return launch(exit_after_show=args.exit_after_show)
        return _run(args)
    except UsageError as error:
        return _fail(str(error))
    except PlanInputError as error:
        option = _OPTION_FOR_FIELD.get(error.field)
        if error.field.startswith("length of phase"):
            option = "--phase " + error.field.split("'")[1]
        elif error.field.startswith("date of"):
            option = "--move " + error.field.split("'")[1]
        return _fail(f"{option}: {error.message}" if option else str(error))
    except (WriteError, ResourceError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
