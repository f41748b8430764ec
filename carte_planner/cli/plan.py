"""`carte-planner plan`: the journey as an agenda or JSON, and the plan file it may save."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.output import write_out
from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


def _save(path: str, plan: Plan) -> None:
    """Write the plan file (a new one gets its own random plan id, unless --plan-id gave one)."""
    from carte_planner.domain.identity import new_plan_id
    from carte_planner.storage.planfile import save_plan

    save_plan(path, plan if plan.plan_id else replace(plan, plan_id=new_plan_id()))


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    plan = commands.add_parser("plan", help=tr("show the journey as an agenda (or JSON)"))
    add_request_options(plan)
    add_language_option(plan, argparse.SUPPRESS)
    plan.add_argument("--format", choices=["text", "json"], default="text")
    plan.add_argument(
        "--save",
        metavar="FILE",
        help=tr("also save the plan as a .carteplan file (the file it replaces is kept as .bak)"),
    )
    return plan


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date) -> int:
    from carte_planner.domain.checklist import QUESTIONS_STAGE, build_checklist
    from carte_planner.export.agenda import journey_json, journey_text
    from carte_planner.resources import load_checklist_template

    if args.save:
        _save(args.save, plan)
    questions = build_checklist(journey, load_checklist_template(), plan.checklist).stage_entries(QUESTIONS_STAGE)
    render = journey_json if args.format == "json" else journey_text
    write_out(render(journey, questions))
    return 0
