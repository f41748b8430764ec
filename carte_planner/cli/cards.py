"""`carte-planner cards`: credit-card-sized cards for China, as a PDF."""

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
    cards = commands.add_parser(
        "cards", help=tr("credit-card-sized cards for China (taxi and wallet cards) with cut marks, as a PDF")
    )
    add_request_options(cards)
    add_language_option(cards, argparse.SUPPRESS)
    cards.add_argument("--pdf", metavar="FILE", required=True, help=tr("the PDF to write"))
    add_paper_option(cards)
    return cards


def run_cards(args: argparse.Namespace, journey: Journey) -> int:
    """The taxi and wallet cards as a PDF: Qt paints them, with no display."""
    import os

    from carte_planner.cli.output import pdf_output, tell, write_out
    from carte_planner.export.cards import all_cards
    from carte_planner.i18n import current_language

    output = pdf_output(args)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    from carte_planner.storage.atomic import WriteError, atomic_write
    from carte_planner.ui.cards_print import render_cards_pdf

    _app = QApplication.instance() or QApplication(["carte-planner"])
    size = QPageSize.PageSizeId.Letter if args.paper == "letter" else QPageSize.PageSizeId.A4
    try:
        data = render_cards_pdf(all_cards(journey, current_language()), size, output)
        if output is None:
            write_out(data)
            return 0
        atomic_write(output, data, protect=[args.plan] if args.plan else [])
    except OSError as error:
        raise WriteError(f"--pdf: {error}") from None
    tell(tr("Wrote the cards to {file}. Print them at actual size, not fitted to the page.").format(file=output))
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    return run_cards(args, journey)
