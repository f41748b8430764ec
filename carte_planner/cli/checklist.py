"""`carte-planner checklist`: what to do and bring, as text, Markdown or a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.output import pdf_output, tell, write_out, write_pdf
from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option, add_paper_option
from carte_planner.i18n import ntr, tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference


def _checklist(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.domain.checklist import build_checklist
    from carte_planner.export.checklist_document import checklist_document, checklist_text

    checklist = build_checklist(journey, reference.checklist_template, plan.checklist)
    if not args.pdf:
        write_out(checklist_text(journey, checklist, markdown=args.format == "markdown"))
        return 0
    output = pdf_output(args)
    pages = write_pdf(checklist_document(journey, checklist), output, args.paper, args.plan)
    if output is not None:
        tell(
            ntr(
                "Wrote the checklist ({n} page) to {file}. The dates are estimates: confirm them with your hospital.",
                "Wrote the checklist ({n} pages) to {file}. The dates are estimates: confirm them with your hospital.",
                pages,
            ).replace("{file}", str(output))
        )
    return 0


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    checklist = commands.add_parser("checklist", help=tr("the checklist of what to do and bring, as text or PDF"))
    add_request_options(checklist)
    add_language_option(checklist, argparse.SUPPRESS)
    output = checklist.add_mutually_exclusive_group()
    output.add_argument("--pdf", metavar="FILE", help=tr("write the printable checklist as a PDF"))
    output.add_argument("--format", choices=["text", "markdown"], default="text")
    add_paper_option(checklist)
    return checklist


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return _checklist(args, plan, journey, reference)
