"""`carte-planner export`: the journey as an .ics calendar file."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carte_planner.cli.output import UsageError, output_path, say_error, tell, write_out
from carte_planner.cli.publish import add_calendar_language_option
from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import ntr, tr, use_language
from carte_planner.storage.errors import PlanFileError

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


def _export(args: argparse.Namespace, plan: Plan, journey: Journey) -> int:
    """Write the calendar; with --plan, record in the plan file what it holds, so that the next
    export can cancel the events that are gone and raise SEQUENCE even a second later."""
    from carte_planner.domain.request import text_problem

    if args.calendar_name is not None and text_problem(args.calendar_name):
        raise UsageError(f"--calendar-name: {text_problem(args.calendar_name)}")
    output = output_path(args.output, "-o", args)
    if args.plan:
        from carte_planner.storage.locks import writing

        # Under the plan's write lock: two exports at once take turns, so the second counts on
        # from the first one's SEQUENCE instead of writing the same number for other contents.
        try:
            with writing(Path(args.plan)):
                result = _export_to(args, plan, journey, output)
        except TimeoutError:
            from carte_planner.storage.atomic import WriteError

            # An output that could not be written, like any other: exit code 74.
            raise WriteError(
                "--plan: " + tr("another program kept writing {path}; try again.").format(path=args.plan)
            ) from None
    else:
        result = _export_to(args, plan, journey, output)
    from carte_planner.export.ics import SEQUENCE_EXHAUSTED, sequence_exhausted

    if sequence_exhausted(result.previous_sequence):
        say_error(tr(SEQUENCE_EXHAUSTED))
    if output is None:
        return 0
    tell(
        ntr(
            "Wrote {n} calendar item to {file}. The dates are estimates: confirm them with your hospital.",
            "Wrote {n} calendar items to {file}. The dates are estimates: confirm them with your hospital.",
            len(journey.items),
        ).replace("{file}", str(output))
    )
    return 0


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    export = commands.add_parser("export", help=tr("write the journey as an .ics calendar file"))
    add_request_options(export)
    add_language_option(export, argparse.SUPPRESS)
    export.add_argument("-o", "--output", required=True, help=tr("the .ics file to write"))
    export.add_argument("--discreet", action="store_true", help=tr("neutral titles for calendars others can see"))
    export.add_argument("--calendar-name", help=tr("the calendar's name in the calendar app"))
    export.add_argument(
        "--holidays", action="store_true", help=tr("add the public holidays around the trip as free all-day events")
    )
    add_calendar_language_option(export)
    return export


@dataclass(frozen=True)
class _Exported:
    previous_sequence: int


def _export_to(args: argparse.Namespace, plan: Plan, journey: Journey, output: Path | None) -> _Exported:
    """Write the calendar and, with --plan, the plan's record of it (read again from the file:
    another export may have written it since)."""
    from carte_planner.domain.identity import derived_plan_id
    from carte_planner.export.calendar_language import calendar_language
    from carte_planner.export.ics import ExportOptions, export_calendar
    from carte_planner.storage.atomic import WriteError, atomic_write

    request = plan.request
    on_disk = plan
    if args.plan:
        from carte_planner.storage.planfile import load_plan

        on_disk = load_plan(args.plan)
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


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date) -> int:
    return _export(args, plan, journey)
