"""`carte-planner budget`: the family's own amounts of a plan file, and what a change given
on the command line, a what-if, does to them."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option, add_paper_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    budget = commands.add_parser(
        "budget", help=tr("the family's own budget of a plan file, in yuan and the home currency")
    )
    add_request_options(budget)
    add_language_option(budget, argparse.SUPPRESS)
    budget_output = budget.add_mutually_exclusive_group()
    budget_output.add_argument("--format", choices=["text", "json", "csv"], default="text")
    budget_output.add_argument("--pdf", metavar="FILE", help=tr("write the budget as a one-page PDF"))
    add_paper_option(budget)
    return budget


def run_budget(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    from carte_planner.cli.output import UsageError, pdf_output, tell, write_out, write_pdf
    from carte_planner.domain.budget import budget_change, cost, plan_counts
    from carte_planner.domain.planner import plan_journey
    from carte_planner.export.budget_report import budget_csv, budget_document, budget_json, budget_text, change_text
    from carte_planner.storage.planfile import load_plan

    if not args.plan:
        raise UsageError(
            "--plan: " + tr("the budget is kept in a plan file: give the .carteplan file whose budget to show")
        )
    budget = cost(plan.money, plan_counts(journey))
    saved = load_plan(args.plan, reference)
    before = cost(saved.money, plan_counts(plan_journey(replace(saved.request), today, reference)))
    change = budget_change(before, budget)
    categories = reference.budget_categories
    if args.pdf:
        output = pdf_output(args)
        write_pdf(budget_document(budget, plan.money, categories), output, args.paper, args.plan)
        if output is not None:
            tell(tr("Wrote the budget to {file}.").format(file=output))
        return 0
    if args.format == "json":
        write_out(budget_json(budget, plan.money))
    elif args.format == "csv":
        write_out(budget_csv(budget, plan.money))
    else:
        text = budget_text(budget, plan.money, categories)
        write_out(text + (change_text(change, plan.money) + "\n" if change else ""))
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return run_budget(args, plan, journey, today, reference)
