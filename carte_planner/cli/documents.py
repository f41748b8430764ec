"""`carte-planner documents`: the family's documents of a plan file, packet by packet."""

from __future__ import annotations

import argparse
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
    add_paper_option(documents)
    return documents


def run_documents(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.cli.output import pdf_output, tell, write_out, write_pdf
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.documents_list import documents_document, documents_text

    template = reference.documents_template
    documents = build_documents(journey, template, plan.papers)
    if not args.pdf:
        write_out(documents_text(documents, template, args.packet))
        return 0
    output = pdf_output(args)
    write_pdf(documents_document(documents, template, args.packet), output, args.paper, args.plan)
    if output is not None:
        tell(tr("Wrote the documents list to {file}.").format(file=output))
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return run_documents(args, plan, journey, reference)
