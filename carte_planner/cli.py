"""The command line: the same journey, calendar export and checklist without a window."""

from __future__ import annotations

import argparse
import calendar
import contextlib
import errno
import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NoReturn

from carte_planner import __version__
from carte_planner.cli_words import NUMBER, WHOLE_NUMBER, SpokenHelpFormatter
from carte_planner.domain.errors import PlanInputError, ResourceError
from carte_planner.domain.identity import derived_plan_id
from carte_planner.domain.journey import Journey
from carte_planner.domain.notice_codes import MOVED_ITEM_GONE
from carte_planner.domain.plan import Plan
from carte_planner.domain.reference import Reference
from carte_planner.domain.request import EARLIEST_START, LATEST_START, Scenario, TripRequest, text_problem
from carte_planner.domain.travellers import DEFAULT_TRAVELLERS, companion_name
from carte_planner.i18n import (
    LANGUAGES,
    current_language,
    language_for_locale,
    ntr,
    set_language,
    tr,
    tr_noop,
    use_language,
)
from carte_planner.i18n.dates import month_title
from carte_planner.storage.errors import PlanFileError

EXIT_USAGE = 2
# sysexits.h: an output the command could not write, a file or standard output (a full disk,
# a read-only file, a missing folder, a closed stream). Bad input is EXIT_USAGE.
EXIT_OUTPUT = 74
# What a shell reports for a command stopped by SIGPIPE: the reader went away.
EXIT_BROKEN_PIPE = 128 + 13
STDOUT = "-"


# The option a user types for each request field the planner may refuse.
_OPTION_FOR_FIELD = {
    "start date": "--start",
    "delay": "--delay",
    "readmission (days)": "--readmission",
    "donor transplant (days)": "--transplant",
    "city": "--city",
    "scenario": "--scenario",
    "home time zone": "--home-tz",
    "home country": "--home-country",
    "flight length (hours)": "--flight-hours",
    "days to arrive before the start": "--arrive-days-before",
    "visa's permitted stay (days)": "--visa-stay-days",
    "follow-up years": "--followup-years",
    "travellers": "--traveller",
    "home airport": "--home-airport",
    "Day 0 offset (days after admission)": "--day0-offset",
    "chemotherapy days": "--chemotherapy-days",
    "visit rhythm": "--visit-rhythm",
    "visit weekdays": "--visit-weekdays",
    "follow-up rhythm at home": "--home-followup-rhythm",
    "first visits at home": "--early-home-visits",
    "return flight time": "--return-time",
    "visa processing time (working days)": "--visa-processing-days",
    **{
        f"hospital {name.replace('_', ' ')}": f"--hospital-{name.replace('_', '-')}"
        for name in ("name", "name_zh", "address", "address_zh", "phone")
    },
}


class UsageError(Exception):
    """Bad input on the command line: one line on stderr, exit code 2."""


class OutputError(Exception):
    """Standard output could not be written: one line on stderr (none for a closed pipe)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def write_out(text: str | bytes) -> None:
    """Write to standard output and flush at once, so that a full disk or a reader that went
    away is noticed here, as an OutputError, and not as a traceback at exit."""
    stream = sys.stdout
    try:
        if stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
            stream.buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except (OSError, ValueError) as error:  # ValueError: a stream closed from inside Python
        raise OutputError(error) from None


def _output_failure(error: BaseException) -> int:
    if isinstance(error, BrokenPipeError) or getattr(error, "errno", None) == errno.EPIPE:
        # The reader (`| head`) has what it wanted: stop quietly, as other tools do.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    _silence_stdout()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif isinstance(error, ValueError) or (isinstance(error, OSError) and error.errno in (errno.EBADF, None)):
        reason = tr("standard output is closed")
    else:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    _say(
        tr("carte-planner: error: {message}").format(
            message=tr("could not write the output: {reason}.").format(reason=reason)
        )
    )
    return EXIT_OUTPUT


def _silence_stdout() -> None:
    """Nothing more goes to a stream that failed, not even Python's flush at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass
    sys.stdout = None


def _say(line: str) -> None:
    """One line on standard error, if there is one to write to."""
    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr)
    except (OSError, ValueError):
        pass


def _tolerant_streams() -> None:
    """A terminal that cannot show Chinese gets escapes (\\u5317) instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


class _VersionAction(argparse.Action):
    """--version: the program's version, and the versions of the data its dates rest on (read
    only when asked, so that building the parser reads no file)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: object, values: object, option: object = None
    ) -> None:
        from carte_planner.data_versions import data_lines

        sys.stdout.write("\n".join([f"Carte Planner {__version__}", *data_lines()]) + "\n")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SpokenHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


_NOT_A_DATE = tr_noop("{what}: '{text}' is not a date; write it as YYYY-MM-DD, for example 2027-03-01")


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (2027-03-01), with a message that says what is wrong with an impossible one.
    Full-width digits (２０２７-０３-０１, as Chinese and Japanese keyboards type them) are read
    as the digits they are."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text.isascii():
        raise UsageError(tr(_NOT_A_DATE).format(what=what, text=text[:40]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        year, month, _day = (int(p) for p in parts)
        if 1 <= month <= 12 and 1 <= year <= 9999:
            days = calendar.monthrange(year, month)[1]
            raise UsageError(
                tr("{what}: {text} is not a real date ({month} has {days} days)").format(
                    what=what, text=text, month=month_title(date(year, month, 1)), days=days
                )
            )
    raise UsageError(tr(_NOT_A_DATE).format(what=what, text=text))


def _parse_time(text: str, option: str = "--departure-time", example: str = "10:00") -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise UsageError(
            tr("{option}: '{text}' is not a time; write it as HH:MM, for example {example}").format(
                option=option, text=text, example=example
            )
        ) from None


def _chemotherapy_days(text: str) -> tuple[int, int]:
    """ "-5..-3" (Day −5 to Day −3); a true minus sign is accepted too."""
    first, sep, last = text.replace("\u2212", "-").partition("..")
    try:
        return int(first), int(last if sep else first)
    except ValueError:
        raise UsageError(
            "--chemotherapy-days: "
            + tr("'{text}' must be Day numbers before Day 0, such as {example}").format(
                text=text, example="--chemotherapy-days=-5..-3"
            )
        ) from None


def _followup_rhythm(text: str) -> tuple[tuple[int, int], ...]:
    """ "1:6,3:24,12:60": every 1 month to month 6, every 3 to month 24, every 12 to month 60."""
    stages = []
    for part in text.split(","):
        every, sep, until = part.strip().partition(":")
        try:
            stages.append((int(every), int(until)))
        except ValueError:
            raise UsageError(
                "--home-followup-rhythm: "
                + tr("'{text}' must be stages of {form}, such as {example}").format(
                    text=text, form="MONTHS:UNTIL_MONTH", example="1:6,3:24,12:240"
                )
            ) from None
        if not sep:
            raise UsageError(
                "--home-followup-rhythm: "
                + tr("'{text}' needs the month it runs to, such as {example}").format(
                    text=part.strip(), example="12:240"
                )
            )
    return tuple(stages)


def _weekdays(text: str) -> tuple[str, ...]:
    return tuple(day.strip().upper()[:2] for day in text.split(",") if day.strip())


def _pairs(values: Sequence[str], option: str, convert: type | object) -> list[tuple[str, object]]:
    result = []
    for value in values:
        key, sep, raw = value.partition("=")
        if not sep or not key:
            raise UsageError(
                tr("{option}: '{text}' must look like {form}").format(option=option, text=value, form="KEY=VALUE")
            )
        result.append((key.strip(), convert(raw.strip())))  # type: ignore[operator]
    return result


def _phase_days(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise UsageError("--phase: " + tr("'{text}' is not a whole number of days").format(text=raw[:20])) from None


def _add_request_options(parser: argparse.ArgumentParser) -> None:
    # No option has a default here: an option left out keeps the plan file's value (--plan)
    # or the request's own default, so only what the user typed changes the plan.
    group = parser.add_argument_group(tr("the journey"))
    group.add_argument("--plan", metavar="FILE", help=tr("start from a saved .carteplan file; other options change it"))
    from carte_planner.cli_people import add_people_options

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
    group.add_argument("--scenario", choices=[s.value for s in Scenario], help=tr("default typical"))
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
    for name in _HOSPITAL_OPTIONS:
        group.add_argument(f"--hospital-{name.replace('_', '-')}", help=tr(_HOSPITAL_OPTIONS[name]))
    sheet = parser.add_argument_group(tr("the sheet for China (kept in the plan file, never sent anywhere)"))
    for name, text in _SHEET_OPTIONS.items():
        sheet.add_argument(f"--{name.replace('_', '-')}", help=tr(text))
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


_HOSPITAL_OPTIONS = {
    "name": tr_noop("the hospital's name"),
    "name_zh": tr_noop("the hospital's name in Chinese"),
    "address": tr_noop("the hospital's address"),
    "address_zh": tr_noop("the hospital's address in Chinese, for taxis"),
    "phone": tr_noop("the hospital's phone number"),
}
_SHEET_OPTIONS = {
    "passport_names": tr_noop("the travellers' names as in their passports, patient first, separated by commas"),
    "stay_address": tr_noop("the address where the family stays"),
    "stay_address_zh": tr_noop("that address in Chinese, for taxis and the police"),
    "family_phones": tr_noop("the family's phone numbers in China"),
    "interpreter_phone": tr_noop("the interpreter's phone number"),
    "team_phone": tr_noop("the treating team's phone number"),
    "birth_date": tr_noop("the patient's date of birth, as in the passport"),
    "diagnosis": tr_noop("the diagnosis as the treating team writes it"),
    "allergies": tr_noop("the patient's allergies"),
    "languages": tr_noop("the languages the patient speaks"),
    "passport_numbers": tr_noop("passport numbers, patient first, only if you want them on the sheet"),
}
_DEFAULT_NAMES = (*DEFAULT_TRAVELLERS, *(companion_name(n) for n in range(2, 6)))


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
    kept = list(current) + list(_DEFAULT_NAMES[len(current) :])
    return tuple(names + kept[len(names) : count])


def plan_from_args(args: argparse.Namespace, today: date, reference: Reference) -> Plan:
    """The plan the options describe: the --plan file's, or a new one (with no plan id yet),
    changed by every option given. Every refusal names the option to fix."""
    from carte_planner.localzone import system_time_zone

    start = parse_date(args.start, "--start") if args.start else None
    if args.plan:
        from carte_planner.storage.planfile import load_plan

        plan = load_plan(args.plan, reference)
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
            start = default_start(today, reference.calendars)
        plan = Plan(TripRequest(start=start, home_tz=system_time_zone()), plan_id="")
    request = plan.request
    changes: dict[str, object] = {}
    simple = {
        "city": "city",
        "scenario": "scenario",
        "home_tz": "home_tz",
        "home_country": "home_country",
        "home_airport": "home_airport",
        "flight_hours": "flight_hours",
        "arrive_days_before": "arrive_days_before",
        "go_home": "go_home",
        "visa_stay_days": "visa_stay_days",
        "followup_years": "followup_years",
        **{f"hospital_{name}": f"hospital_{name}" for name in _HOSPITAL_OPTIONS},
        **{name: name for name in _SHEET_OPTIONS},
    }
    for option, field in simple.items():
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    if start is not None:
        changes["start"] = start
    if args.departure_time:
        changes["departure_time"] = _parse_time(args.departure_time)
    changes.update(_assumed_values(args))
    changes["travellers"] = _travellers(args, request.travellers)
    from carte_planner.cli_people import people_changes

    changes.update(people_changes(args, request, changes["travellers"]))  # type: ignore[arg-type]
    if args.phase:
        changes["phase_days"] = tuple(
            {**dict(request.phase_days), **dict(_pairs(args.phase, "--phase", _phase_days))}.items()
        )
    if args.move:
        moved = {key: parse_date(str(raw), f"--move {key}") for key, raw in _pairs(args.move, "--move", str)}
        changes["moved"] = tuple({**dict(request.moved), **moved}.items())
    if args.confirm:
        changes["confirmed"] = request.confirmed | set(args.confirm)
    plan_id = _plan_id(args.plan_id) if args.plan_id is not None else plan.plan_id
    # replace() on the plan, not a new one: the file's checklist (ticks, notes, own items) stays.
    return replace(plan, request=replace(request, **changes), plan_id=plan_id)  # type: ignore[arg-type]


def _plan_id(text: str) -> str:
    text = text.strip()
    if not 1 <= len(text) <= 200 or not text.isprintable():
        raise UsageError("--plan-id: " + tr("write 1 to 200 letters, digits or signs, on one line"))
    return text


def _assumed_values(args: argparse.Namespace) -> dict[str, object]:
    """The values the guide does not give, as the user typed them."""
    changes: dict[str, object] = {}
    if args.day0_offset is not None:
        changes["day0_offset"] = args.day0_offset
    if args.chemotherapy_days:
        changes["chemotherapy_days"] = _chemotherapy_days(args.chemotherapy_days)
    if args.visit_rhythm:
        changes["visit_rhythm"] = args.visit_rhythm
    if args.visit_weekdays:
        changes["visit_weekdays"] = _weekdays(args.visit_weekdays)
    if args.early_home_visits:
        changes["early_rhythm"] = args.early_home_visits
    if args.home_followup_rhythm:
        changes["followup_rhythm"] = _followup_rhythm(args.home_followup_rhythm)
    if args.return_time:
        changes["return_time"] = _parse_time(args.return_time, "--return-time", "11:00")
    if args.visa_processing_days is not None:
        changes["visa_processing_days"] = args.visa_processing_days
    return changes


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="carte-planner",
        usage=tr("%(prog)s [FILE.carteplan] [options] | %(prog)s COMMAND ..."),
        description=tr(
            "Plan a CAR-T therapy journey to a hospital in China. Without a command, opens the window "
            "(on the plan FILE.carteplan if one is given). "
            "Dates are estimates: your hospital's schedule always comes first."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help=tr("show program's version number and exit"))
    parser.add_argument(
        "--exit-after-show", action="store_true", help=tr("open the window, then quit after it is shown")
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=tr("add Carte Planner to this user's applications menu and open .carteplan files with it (Linux)"),
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help=tr("remove what --install-desktop-entry added")
    )
    _add_language_option(parser, None)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    plan = commands.add_parser("plan", help=tr("show the journey as an agenda (or JSON)"))
    _add_request_options(plan)
    _add_language_option(plan, argparse.SUPPRESS)
    plan.add_argument("--format", choices=["text", "json"], default="text")
    plan.add_argument(
        "--save",
        metavar="FILE",
        help=tr("also save the plan as a .carteplan file (the file it replaces is kept as .bak)"),
    )

    from carte_planner.cli_publish import add_calendar_language_option

    export = commands.add_parser("export", help=tr("write the journey as an .ics calendar file"))
    _add_request_options(export)
    _add_language_option(export, argparse.SUPPRESS)
    export.add_argument("-o", "--output", required=True, help=tr("the .ics file to write"))
    export.add_argument("--discreet", action="store_true", help=tr("neutral titles for calendars others can see"))
    export.add_argument("--calendar-name", help=tr("the calendar's name in the calendar app"))
    export.add_argument(
        "--holidays", action="store_true", help=tr("add the public holidays around the trip as free all-day events")
    )
    add_calendar_language_option(export)

    checklist = commands.add_parser("checklist", help=tr("the checklist of what to do and bring, as text or PDF"))
    _add_request_options(checklist)
    _add_language_option(checklist, argparse.SUPPRESS)
    output = checklist.add_mutually_exclusive_group()
    output.add_argument("--pdf", metavar="FILE", help=tr("write the printable checklist as a PDF"))
    output.add_argument("--format", choices=["text", "markdown"], default="text")
    checklist.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    sheet = commands.add_parser(
        "sheet", help=tr("the one-page sheet for China, in Chinese with your language beside it")
    )
    _add_request_options(sheet)
    _add_language_option(sheet, argparse.SUPPRESS)
    sheet.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    sheet.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    cards = commands.add_parser(
        "cards", help=tr("credit-card-sized cards for China (taxi and wallet cards) with cut marks, as a PDF")
    )
    _add_request_options(cards)
    _add_language_option(cards, argparse.SUPPRESS)
    cards.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    cards.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    documents = commands.add_parser(
        "documents", help=tr("the family's documents of a plan file, packet by packet, as text or PDF")
    )
    _add_request_options(documents)
    _add_language_option(documents, argparse.SUPPRESS)
    documents.add_argument(
        "--packet",
        choices=["consulate", "hospital", "exit-entry", "insurer", "home-oncologist"],
        help=tr("only the documents for this place"),
    )
    documents.add_argument("--pdf", metavar="FILE", help=tr("write the list as a PDF"))
    documents.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    handover = commands.add_parser("handover", help=tr("the going-home packet for the home oncologist, as a PDF"))
    _add_request_options(handover)
    _add_language_option(handover, argparse.SUPPRESS)
    handover.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    handover.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    budget = commands.add_parser(
        "budget", help=tr("the family's own budget of a plan file, in yuan and the home currency")
    )
    _add_request_options(budget)
    _add_language_option(budget, argparse.SUPPRESS)
    budget_output = budget.add_mutually_exclusive_group()
    budget_output.add_argument("--format", choices=["text", "json", "csv"], default="text")
    budget_output.add_argument("--pdf", metavar="FILE", help=tr("write the budget as a one-page PDF"))
    budget.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))

    from carte_planner.cli_share import add_share_command

    share = add_share_command(commands)
    _add_request_options(share)
    _add_language_option(share, argparse.SUPPRESS)

    cities = commands.add_parser("cities", help=tr("list the hospital cities with Chinese names and airports"))
    _add_language_option(cities, argparse.SUPPRESS)

    from carte_planner.cli_publish import add_publish_command

    _add_language_option(add_publish_command(commands), argparse.SUPPRESS)
    from carte_planner.cli_what_if import add_what_if_command

    _add_language_option(add_what_if_command(commands), argparse.SUPPRESS)
    return parser


def _add_language_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=default,
        help=tr(
            "the language of the output: en, zh_CN (简体中文), ru (Русский), ar (العربية); "
            "default: the system's (LC_ALL, LC_MESSAGES, LANG)"
        ),
    )


def _system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return language_for_locale(value)
    return "en"


def _today(args: argparse.Namespace) -> date:
    if not getattr(args, "today", None):
        return date.today()
    today = parse_date(args.today, "--today")
    if not EARLIEST_START <= today <= LATEST_START:
        raise UsageError(
            "--today: "
            + tr("must be between {low} and {high}, not {value}").format(
                low=EARLIEST_START.year, high=LATEST_START.year, value=today
            )
        )
    return today


def _check_moves(args: argparse.Namespace, journey: Journey) -> None:
    """A --move whose key the plan does not have would be silently ignored: refuse it."""
    typed = {key for key, _ in _pairs(args.move, "--move", str)}
    for notice in journey.notices:
        if notice.code == MOVED_ITEM_GONE and notice.item_key in typed:
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


def _output_path(text: str, option: str, args: argparse.Namespace) -> Path | None:
    """Where to write, or None for standard output (`-`). Refuses the plan being read."""
    if text == STDOUT:
        return None
    output = Path(text)
    if args.plan:
        try:
            same = output.exists() and os.path.samefile(output, args.plan)
        except OSError:
            same = False
        if same:
            raise UsageError(
                tr("{option}: {path} is the plan file given with --plan; choose another file name").format(
                    option=option, path=output
                )
            )
    return output


def _run(args: argparse.Namespace) -> int:
    from carte_planner.domain.planner import plan_journey
    from carte_planner.shipped import shipped_reference

    reference = shipped_reference()
    if args.command == "cities":
        for city in reference.cities:
            airports = tr("airports: {codes}").format(codes=", ".join(city.airports))
            line = f"{city.name:<12} {city.name_zh:<6} {airports}"
            write_out((f"{line}   ({tr(city.airport_note)})" if city.airport_note else line) + "\n")
        return 0

    today = _today(args)
    if args.command == "publish":
        from carte_planner.cli_publish import run_publish

        return run_publish(args, today, reference, UsageError)
    if args.command == "what-if":
        from carte_planner.cli_what_if import run_what_if

        return run_what_if(args, today, reference, UsageError)
    plan = plan_from_args(args, today, reference)
    journey = plan_journey(plan.request, today, reference)
    _check_moves(args, journey)
    if args.command == "checklist":
        return _checklist(args, plan, journey, reference)
    if args.command == "sheet":
        return _sheet(args, journey)
    if args.command == "documents":
        from carte_planner.cli_papers import run_documents

        return run_documents(args, plan, journey, reference)
    if args.command == "handover":
        from carte_planner.cli_papers import run_handover

        return run_handover(args, plan, journey, reference)
    if args.command == "share":
        from carte_planner.cli_share import run_share

        if _output_path(args.html, "--html", args) is None:
            raise UsageError("--html: " + tr("give a file name"))
        return run_share(args, journey, today)
    if args.command == "cards":
        from carte_planner.cli_papers import run_cards

        return run_cards(args, journey)
    if args.command == "budget":
        from carte_planner.cli_papers import run_budget

        return run_budget(args, plan, journey, today, reference)
    if args.command == "plan":
        from carte_planner.domain.checklist import QUESTIONS_STAGE, build_checklist
        from carte_planner.export.agenda import journey_json, journey_text

        if args.save:
            _save(args.save, plan)
        questions = build_checklist(journey, reference.checklist_template, plan.checklist).stage_entries(
            QUESTIONS_STAGE
        )
        render = journey_json if args.format == "json" else journey_text
        write_out(render(journey, questions))
        return 0
    return _export(args, plan, journey, reference)


def _save(path: str, plan: Plan) -> None:
    """Write the plan file (a new one gets its own random plan id, unless --plan-id gave one)."""
    from carte_planner.domain.identity import new_plan_id
    from carte_planner.storage.planfile import save_plan

    save_plan(path, plan if plan.plan_id else replace(plan, plan_id=new_plan_id()))


def _export(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    """Write the calendar; with --plan, record in the plan file what it holds, so that the next
    export can cancel the events that are gone and raise SEQUENCE even a second later."""
    if args.calendar_name is not None and text_problem(args.calendar_name):
        raise UsageError(f"--calendar-name: {text_problem(args.calendar_name)}")
    output = _output_path(args.output, "-o", args)
    if args.plan:
        from carte_planner.storage.locks import writing

        # Under the plan's write lock: two exports at once take turns, so the second counts on
        # from the first one's SEQUENCE instead of writing the same number for other contents.
        try:
            with writing(Path(args.plan)):
                result = _export_to(args, plan, journey, output, reference)
        except TimeoutError:
            from carte_planner.storage.atomic import WriteError

            # An output that could not be written, like any other: exit code 74.
            raise WriteError(
                "--plan: " + tr("another program kept writing {path}; try again.").format(path=args.plan)
            ) from None
    else:
        result = _export_to(args, plan, journey, output, reference)
    from carte_planner.export.ics import SEQUENCE_EXHAUSTED, sequence_exhausted

    if sequence_exhausted(result.previous_sequence):
        _say(tr(SEQUENCE_EXHAUSTED))
    if output is None:
        return 0
    _tell(
        ntr(
            "Wrote {n} calendar item to {file}. The dates are estimates: confirm them with your hospital.",
            "Wrote {n} calendar items to {file}. The dates are estimates: confirm them with your hospital.",
            len(journey.items),
        ).replace("{file}", str(output))
    )
    return 0


@dataclass(frozen=True)
class _Exported:
    previous_sequence: int


def _export_to(
    args: argparse.Namespace, plan: Plan, journey: Journey, output: Path | None, reference: Reference
) -> _Exported:
    """Write the calendar and, with --plan, the plan's record of it (read again from the file:
    another export may have written it since)."""
    from carte_planner.export.calendar_language import calendar_language
    from carte_planner.export.ics import ExportOptions, export_calendar
    from carte_planner.storage.atomic import WriteError, atomic_write

    request = plan.request
    on_disk = plan
    if args.plan:
        from carte_planner.storage.planfile import load_plan

        on_disk = load_plan(args.plan, reference)
    options = ExportOptions(
        plan_id=plan.plan_id or derived_plan_id(journey.city.key, request.home_tz, request.travellers),
        now=datetime.now(UTC),
        discreet=args.discreet,
        calendar_name=args.calendar_name,
        previous=on_disk.exported,
        holidays=args.holidays,
    )
    language = calendar_language(on_disk, args.calendar_lang) if args.plan else (args.calendar_lang or None)
    with use_language(language):
        result = export_calendar(journey, options)
    if output is None:
        write_out(result.data)
    else:
        atomic_write(output, result.data, protect=[args.plan] if args.plan else [])
    if args.plan:
        from carte_planner.storage.planfile import save_plan

        try:
            save_plan(args.plan, replace(on_disk, exported=result.record, calendar_language=language or ""))
        except (WriteError, PlanFileError) as error:
            raise WriteError(
                "--plan: "
                + tr(
                    "the calendar was written to {path}, but the plan file could not be updated ({reason}); "
                    "the next export cannot remove the events this one dropped"
                ).format(path=output or tr("standard output"), reason=error)
            ) from None
    return _Exported(on_disk.exported.sequence)


def _tell(line: str) -> None:
    """A report of what was written. The file is safely written by then: if standard output
    cannot take the report, standard error gets it instead of a failure."""
    try:
        write_out(line + "\n")
    except OutputError as error:
        if isinstance(error.error, BrokenPipeError):
            raise
        _say(line)


def _checklist(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.domain.checklist import build_checklist
    from carte_planner.export.checklist_document import checklist_document, checklist_text

    checklist = build_checklist(journey, reference.checklist_template, plan.checklist)
    if not args.pdf:
        write_out(checklist_text(journey, checklist, markdown=args.format == "markdown"))
        return 0
    output = _pdf_output(args)
    pages = _write_pdf(checklist_document(journey, checklist), output, args.paper, args.plan)
    if output is not None:
        _tell(
            ntr(
                "Wrote the checklist ({n} page) to {file}. The dates are estimates: confirm them with your hospital.",
                "Wrote the checklist ({n} pages) to {file}. The dates are estimates: confirm them with your hospital.",
                pages,
            ).replace("{file}", str(output))
        )
    return 0


def _pdf_output(args: argparse.Namespace) -> Path | None:
    """Where --pdf writes (None: standard output), refused before any work when it cannot be."""
    output = _output_path(args.pdf, "--pdf", args)
    from carte_planner.storage.atomic import WriteError

    if output is not None and output.is_dir():
        raise WriteError("--pdf: " + tr("{path} is a folder, not a file").format(path=output))
    if output is not None and not output.parent.is_dir():
        raise WriteError(
            "--pdf: "
            + tr("Could not write {path}: {reason}.").format(path=output, reason=tr("the folder does not exist"))
        )
    return output


def _sheet(args: argparse.Namespace, journey: Journey) -> int:
    from carte_planner.export.hospital_sheet import hospital_sheet

    output = _pdf_output(args)
    _write_pdf(hospital_sheet(journey), output, args.paper, args.plan)
    if output is not None:
        _tell(tr("Wrote the sheet for the hospital to {file}. The dates are estimates.").format(file=output))
    return 0


def _write_pdf(document: object, output: Path | None, paper: str, plan: str | None) -> int:
    """Qt renders the PDF; it needs an application object, and no display. Without `output`,
    the PDF goes to standard output."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    from carte_planner.ui.printing import render_pdf, write_pdf

    _app = QApplication.instance() or QApplication(["carte-planner"])
    size = QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4
    try:
        if output is None:
            data, pages = render_pdf(document, size)  # type: ignore[arg-type]
            write_out(data)
            return pages
        return write_pdf(document, output, size, protect=[plan] if plan else [])  # type: ignore[arg-type]
    except OSError as error:
        from carte_planner.storage.atomic import WriteError

        raise WriteError(f"--pdf: {error}") from None


def _joined_negative_values(argv: Sequence[str]) -> list[str]:
    """`--chemotherapy-days -5..-3` as `--chemotherapy-days=-5..-3`: argparse would read the
    Day number's minus sign as the start of another option."""
    result: list[str] = []
    for arg in argv:
        if result and result[-1] == "--chemotherapy-days" and arg.startswith(("-", "\u2212")):
            result[-1] = f"--chemotherapy-days={arg}"
        else:
            result.append(arg)
    return result


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    _say(tr("carte-planner: error: {message}").format(message=message))
    return code


_COMMANDS = ("plan", "export", "checklist", "cities")


def plan_file_argument(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The plan file to open in the window (as a file manager or a user passes it), and the
    other arguments. A word that could be a mistyped command is left to the parser."""
    from carte_planner.storage.planfile import EXTENSION

    # Before a command only top-level options come; of them only --lang takes a value, which
    # is no plan file ("--lang en FILE" opens FILE, as "FILE --lang en" does).
    words = [
        word
        for index, word in enumerate(argv)
        if not word.startswith("-") and (index == 0 or argv[index - 1] != "--lang")
    ]
    if not words or words[0] in _COMMANDS:
        return None, list(argv)
    word = words[0]
    if word.lower().endswith(EXTENSION) or "/" in word or "\\" in word or Path(word).is_file():
        rest = list(argv)
        rest.remove(word)
        return word, rest
    return None, list(argv)


def _desktop_entry(install: bool) -> int:
    from carte_planner.desktop_entry import data_home, install_desktop_entry, launch_command, uninstall_desktop_entry

    if not sys.platform.startswith("linux"):
        raise UsageError(
            tr(
                "{install} and {uninstall} are for Linux desktops; on Windows and macOS "
                "start Carte Planner from its folder or application bundle"
            ).format(install="--install-desktop-entry", uninstall="--uninstall-desktop-entry")
        )
    from carte_planner.storage.atomic import WriteError, describe_os_error

    home = data_home()
    try:
        if install:
            notes = install_desktop_entry(home, launch_command())
        else:
            removed, notes = uninstall_desktop_entry(home)
    except WriteError:
        raise  # already in the user's words
    except OSError as error:
        path = Path(error.filename) if error.filename else home
        return _fail(describe_os_error(error, path, "install" if install else "remove"))
    if install:
        print(
            tr("Carte Planner is in your applications menu, and opens .carteplan files (files under {folder}).").format(
                folder=home
            )
        )
    else:
        print(
            ntr(
                "Removed {n} file of Carte Planner's menu entry and file type from {folder}.",
                "Removed {n} files of Carte Planner's menu entry and file type from {folder}.",
                len(removed),
            ).format(folder=home)
        )
    for note in notes:
        print(note, file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `carte-planner`; returns the exit code. It never ends in a traceback:
    bad input and unwritable output are each one line on standard error."""
    _tolerant_streams()
    from carte_planner.startup import start

    # The zone database and the catalogues are the shipped ones (read when first needed).
    start()
    # The language is the command's: a caller (a test, a script) gets its own back afterwards.
    with use_language(current_language()):
        try:
            return _main(argv)
        except OutputError as error:
            return _output_failure(error.error)
        except BrokenPipeError as error:  # argparse's own --help and --version output
            return _output_failure(error)


def _main(argv: Sequence[str] | None) -> int:
    from carte_planner.storage.atomic import WriteError

    try:
        plan_file, rest = plan_file_argument(sys.argv[1:] if argv is None else argv)
        from carte_planner.cli_words import argparse_speaking, requested_language

        with argparse_speaking(requested_language(rest, _system_language())):
            try:
                args = build_parser().parse_args(_joined_negative_values(rest))
            except UsageError as error:
                return _fail(str(error))
        if args.command is not None:
            set_language(args.lang or _system_language())
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            if args.command or plan_file:
                raise UsageError(
                    tr("{install} and {uninstall} take no command or file").format(
                        install="--install-desktop-entry", uninstall="--uninstall-desktop-entry"
                    )
                )
            return _desktop_entry(args.install_desktop_entry)
        if args.command is None:
            from carte_planner.ui.launch import launch

            return launch(exit_after_show=args.exit_after_show, plan_file=plan_file, language=args.lang)
        if plan_file:
            raise UsageError(
                tr("a plan file is opened with {option} {path}, not as a word before the command").format(
                    option="--plan", path=plan_file
                )
            )
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
    except WriteError as error:  # an output file, as for standard output: see EXIT_OUTPUT
        return _fail(str(error), EXIT_OUTPUT)
    except (ResourceError, PlanFileError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
