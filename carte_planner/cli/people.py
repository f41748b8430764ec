"""Command-line options for each traveller's journey (--role, --visa, --turn, …) and the
treating team's rules (what they change: cli/traveller_changes.py)."""

from __future__ import annotations

import argparse

from carte_planner.cli.words import WHOLE_NUMBER
from carte_planner.domain.fields import FIELDS, RULE_FIELDS
from carte_planner.i18n import tr


def add_people_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(tr("each traveller (NAME is a name given with --traveller)"))
    for flag, metavar, text in (
        ("--role", "NAME=ROLE", tr("patient, caregiver or companion")),
        ("--nationality", "NAME=CC", tr("two-letter country code of the passport")),
        ("--passport-expiry", "NAME=YYYY-MM-DD", tr("the passport's expiry date")),
        ("--visa", "NAME=TYPE", tr("the visa type as printed, such as S2, M, F or L")),
        ("--visa-stay", "NAME=DAYS", tr("the visa's permitted stay per entry")),
        ("--visa-entries", "NAME=ENTRIES", tr("entries the visa allows: 1, 2 or multiple")),
        ("--visa-use-by", "NAME=YYYY-MM-DD", tr("the date by which the visa must be used")),
        ("--visa-free", "NAME", tr("enters visa-free (checked against the policies as read)")),
        ("--residence-permit", "NAME", tr("stays on a residence permit for medical treatment, applied for in China")),
        (
            "--turn",
            "NAME=YYYY-MM-DD..YYYY-MM-DD",
            tr("the days a traveller is in China; repeat for several turns (default: the whole journey)"),
        ),
    ):
        group.add_argument(flag, metavar=metavar, help=text, action="append", default=[])
    team = parser.add_argument_group(tr("the treating team's rules (Day numbers after the infusion)"))
    for rule in RULE_FIELDS:
        assert rule.option is not None, rule.id
        assert rule.help is not None, rule.id
        team.add_argument(rule.option, dest=rule.id, metavar=rule.metavar, type=WHOLE_NUMBER, help=tr(rule.help))
    team.add_argument(
        FIELDS["handover_overlap_days"].option,  # type: ignore[arg-type]
        metavar="DAYS",
        type=WHOLE_NUMBER,
        help=tr("days one caregiver's turn overlaps the next (assumed 1)"),
    )
