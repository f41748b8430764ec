"""`carte-planner handover`: the going-home packet for the home oncologist, as a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option, add_paper_option
from carte_planner.i18n import ntr, tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    handover = commands.add_parser("handover", help=tr("the going-home packet for the home oncologist, as a PDF"))
    add_request_options(handover)
    add_language_option(handover, argparse.SUPPRESS)
    handover.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    add_paper_option(handover)
    return handover


def run_handover(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.cli.output import pdf_output, tell, write_pdf
    from carte_planner.domain.checklist import build_checklist
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.handover import handover_document

    checklist = build_checklist(journey, reference.checklist_template, plan.checklist)
    documents = build_documents(journey, reference.documents_template, plan.papers)
    output = pdf_output(args)
    pages = write_pdf(handover_document(journey, checklist, documents), output, args.paper, args.plan)
    if output is not None:
        tell(
            ntr(
                "Wrote the going-home packet ({n} page) to {file}. The dates are estimates.",
                "Wrote the going-home packet ({n} pages) to {file}. The dates are estimates.",
                pages,
            ).replace("{file}", str(output))
        )
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return run_handover(args, plan, journey, reference)
