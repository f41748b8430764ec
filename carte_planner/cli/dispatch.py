"""Running the command the user gave: the journey is planned once, here, for every command
that works on one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli import cities, publish, what_if
from carte_planner.cli.commands import command_modules
from carte_planner.cli.request_options import check_moves, plan_from_args
from carte_planner.cli.values import today_from

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference


def run(args: argparse.Namespace) -> int:
    from carte_planner.shipped import shipped_reference

    reference = shipped_reference()
    if args.command == "cities":
        return cities.run(reference)
    today = today_from(args)
    if args.command == "publish":
        return publish.run_publish(args, today, reference)
    if args.command == "what-if":
        return what_if.run_what_if(args, today, reference)
    from carte_planner.domain.planner import plan_journey

    chosen = plan_from_args(args, today, reference)
    journey = plan_journey(chosen.request, today, reference)
    check_moves(args, journey)
    # Every other command works on the journey of the plan the options describe.
    run_command: Callable[[argparse.Namespace, Plan, Journey, date, Reference], int] = command_modules()[
        args.command
    ].run
    return run_command(args, chosen, journey, today, reference)
