"""`carte-planner sheet`: the one-page sheet for China, as a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from carte_planner.cli.output import pdf_output, tell, write_pdf
from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option, add_paper_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference


def _sheet(args: argparse.Namespace, journey: Journey) -> int:
    from carte_planner.export.hospital_sheet import hospital_sheet

    output = pdf_output(args)
    write_pdf(hospital_sheet(journey), output, args.paper, args.plan)
    if output is not None:
        tell(tr("Wrote the sheet for the hospital to {file}. The dates are estimates.").format(file=output))
    return 0


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    sheet = commands.add_parser(
        "sheet", help=tr("the one-page sheet for China, in Chinese with your language beside it")
    )
    add_request_options(sheet)
    add_language_option(sheet, argparse.SUPPRESS)
    sheet.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    add_paper_option(sheet)
    return sheet


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return _sheet(args, journey)
