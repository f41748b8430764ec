"""Running the command the user gave: the journey is planned once, here, for every command
that works on one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli import (
    budget,
    cards,
    checklist,
    cities,
    documents,
    export,
    handover,
    plan,
    publish,
    share,
    sheet,
    what_if,
)
from carte_planner.cli.output import UsageError
from carte_planner.cli.request_options import check_moves, plan_from_args
from carte_planner.cli.values import today_from

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


_ON_A_JOURNEY: dict[str, Callable[[argparse.Namespace, Plan, Journey, date], int]] = {
    "plan": plan.run,
    "export": export.run,
    "checklist": checklist.run,
    "sheet": sheet.run,
    "cards": cards.run,
    "documents": documents.run,
    "handover": handover.run,
    "budget": budget.run,
    "share": share.run,
}


def run(args: argparse.Namespace) -> int:
    if args.command == "cities":
        return cities.run()
    today = today_from(args)
    if args.command == "publish":
        return publish.run_publish(args, today, UsageError)
    if args.command == "what-if":
        return what_if.run_what_if(args, today, UsageError)
    from carte_planner.domain.planner import plan_journey

    chosen = plan_from_args(args, today)
    journey = plan_journey(chosen.request, today)
    check_moves(args, journey)
    return _ON_A_JOURNEY[args.command](args, chosen, journey, today)
