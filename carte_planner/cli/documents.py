"""`carte-planner documents`: the family's documents of a plan file, packet by packet."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    documents = commands.add_parser(
        "documents", help=tr("the family's documents of a plan file, packet by packet, as text or PDF")
    )
    add_request_options(documents)
    add_language_option(documents, argparse.SUPPRESS)
    documents.add_argument(
        "--packet",
        choices=["consulate", "hospital", "exit-entry", "insurer", "home-oncologist"],
        help=tr("only the documents for this place"),
    )
    documents.add_argument("--pdf", metavar="FILE", help=tr("write the list as a PDF"))
    documents.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))
    return documents


def run_documents(args: argparse.Namespace, plan: Plan, journey: Journey) -> int:
    from carte_planner.cli.output import pdf_output, tell, write_out, write_pdf
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.documents_list import documents_document, documents_text
    from carte_planner.resources import load_documents_template

    template = load_documents_template()
    documents = build_documents(journey, template, plan.papers)
    if not args.pdf:
        write_out(documents_text(documents, template, args.packet))
        return 0
    output = pdf_output(args)
    write_pdf(documents_document(documents, template, args.packet), output, args.paper, args.plan)
    if output is not None:
        tell(tr("Wrote the documents list to {file}.").format(file=output))
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date) -> int:
    return run_documents(args, plan, journey)
