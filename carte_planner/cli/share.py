"""`carte-planner share`: the read-only page for relatives, one self-contained HTML file."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from carte_planner.cli.output import UsageError, output_path
from carte_planner.cli.request_options import add_request_options
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan


def add_share_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    share = commands.add_parser(
        "share",
        help=tr("a page for relatives: the trip's dates without the treatment, as one HTML file"),
        description=tr(
            "Write a page relatives can open on any phone or computer, even offline: when the family leaves, "
            "arrives, is away and comes back, with the same discreet words as the relatives' calendar. "
            "The address and phones are on it only if you add them."
        ),
    )
    share.add_argument("--html", metavar="FILE", required=True, help=tr("the .html file to write"))
    share.add_argument("--with-address", action="store_true", help=tr("show the address where the family stays"))
    share.add_argument("--with-phones", action="store_true", help=tr("show the family's phone numbers"))
    share.add_argument(
        "--with-hospital", action="store_true", help=tr("show the hospital's name (it says what the trip is for)")
    )
    return share


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    share = add_share_command(commands)
    add_request_options(share)
    add_language_option(share, argparse.SUPPRESS)
    return share


def run_share(args: argparse.Namespace, journey: Journey, today: date) -> int:
    from carte_planner.export.relatives_page import PageOptions, relatives_page
    from carte_planner.storage.atomic import atomic_write

    options = PageOptions(address=args.with_address, phones=args.with_phones, hospital=args.with_hospital)
    page = relatives_page(journey, options, today)
    output = Path(args.html)
    atomic_write(output, page.encode("utf-8"), protect=[args.plan] if args.plan else [])
    print(tr("Wrote the page for relatives to {file}.").format(file=output))
    return 0


def run(args: argparse.Namespace, plan: Plan, journey: Journey, today: date) -> int:
    if output_path(args.html, "--html", args) is None:
        raise UsageError("--html: " + tr("give a file name"))
    return run_share(args, journey, today)
