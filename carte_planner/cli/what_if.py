"""`carte-planner what-if`: a plan file's journey if screening, manufacturing or recovery do not
go to plan, beside the plan itself; the plan file changes only with --apply --save."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from carte_planner.cli.output import UsageError
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.reference import Reference


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    command = commands.add_parser(
        "what-if",
        help=tr("what a delay would move and break in a plan file, before anything changes"),
        description=tr(
            "Your own question, not a forecast: the days are yours to choose. The plan file is not changed "
            "unless you give --apply --save FILE."
        ),
    )
    command.add_argument("--plan", required=True, metavar="FILE", help=tr("the .carteplan file to ask about"))
    command.add_argument(
        "--delay",
        action="append",
        default=[],
        metavar="PHASE=DAYS",
        help=tr("days later or longer: screening, manufacturing, infusion or recovery (repeatable)"),
    )
    command.add_argument(
        "--recollect",
        action="store_true",
        help=tr("manufacturing fails: the cells are collected again and made again"),
    )
    command.add_argument("--readmission", type=int, default=0, metavar="DAYS", help=tr("a readmission after discharge"))
    command.add_argument(
        "--transplant", type=int, default=0, metavar="DAYS", help=tr("a donor transplant follows, of this many days")
    )
    command.add_argument(
        "--transplant-at-home", action="store_true", help=tr("the donor transplant is done at home, not in China")
    )
    command.add_argument(
        "--not-eligible",
        action="store_true",
        help=tr("screening finds the patient not eligible: the journey ends there"),
    )
    command.add_argument("--format", choices=["text", "json"], default="text")
    command.add_argument("--apply", action="store_true", help=tr("write the changed plan (with --save)"))
    command.add_argument("--save", metavar="FILE", help=tr("the .carteplan file to write the changed plan to"))
    command.add_argument("--today", help=tr("plan as if today were this date (YYYY-MM-DD)"))
    add_language_option(command, argparse.SUPPRESS)
    return command


def _delays(values: list[str]) -> tuple[tuple[str, int], ...]:
    delays = []
    for value in values:
        name, sep, days = value.partition("=")
        try:
            delays.append((name.strip(), int(days)))
        except ValueError:
            raise UsageError(
                "--delay: " + tr("write PHASE=DAYS, such as {example}").format(example="manufacturing=14")
            ) from None
        if not sep:
            raise UsageError("--delay: " + tr("write PHASE=DAYS, such as {example}").format(example="manufacturing=14"))
    return tuple(delays)


def run_what_if(args: argparse.Namespace, today: date, reference: Reference) -> int:
    from carte_planner.cli.output import write_out
    from carte_planner.domain.contingency import WhatIf, request_after
    from carte_planner.domain.eligibility import not_eligible
    from carte_planner.domain.planner import plan_journey
    from carte_planner.domain.what_if import compare
    from carte_planner.storage.planfile import load_plan, save_plan

    plan = load_plan(args.plan, reference)
    before = plan_journey(plan.request, today, reference)
    if args.not_eligible:
        if args.apply:
            raise UsageError("--apply: " + tr("the not-eligible path is shown, not applied to the plan"))
        path = not_eligible(before)
        write_out(_not_eligible_json(path) if args.format == "json" else _not_eligible_text(path))
        return 0
    what_if = WhatIf(
        delays=_delays(args.delay),
        recollect=args.recollect,
        readmission_days=args.readmission,
        transplant_days=args.transplant,
        transplant_at_home=args.transplant_at_home,
    )
    if what_if.empty:
        raise UsageError(
            tr("say what to ask about: {options}").format(
                options="--delay, --recollect, --readmission, --transplant, --not-eligible"
            )
        )
    if args.apply and not args.save:
        raise UsageError("--apply: " + tr("give --save FILE to write the changed plan to"))
    changed = request_after(plan.request, reference.protocol, what_if)
    after = plan_journey(changed, today, reference)
    comparison = compare(before, after, what_if.transplant_days if what_if.transplant_at_home else 0)
    if args.apply:
        save_plan(args.save, replace(plan, request=changed))
    write_out(_json(comparison) if args.format == "json" else _text(comparison))
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _summary(journey: Any) -> dict[str, Any]:
    summary = journey.summary
    return {
        "arrival": summary.arrival.isoformat(),
        "days_in_china": summary.days_in_china,
        "day_zero": journey.day_zero.isoformat(),
        "clearance": summary.clearance.isoformat(),
        "return": summary.return_date.isoformat(),
        "phase_days": dict(summary.phase_lengths),
    }


def _json(comparison: Any) -> str:
    document = {
        "format": "carte-planner.what-if",
        "version": 1,
        "note": tr("Your own question, not a forecast: the days are yours to choose."),
        "moved": [
            {
                "key": m.key,
                "title": str(m.title) if not isinstance(m.title, str) else m.title,
                "old": _iso(m.old),
                "new": _iso(m.new),
            }
            for m in comparison.moved
        ],
        "broken": [{"code": b.code, "item": b.item_key, "message": str(b.message_words)} for b in comparison.broken],
        "lodging_nights": {"before": comparison.lodging_nights[0], "after": comparison.lodging_nights[1]},
        "summary_before": _summary(comparison.before),
        "summary_after": _summary(comparison.after),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(comparison: Any) -> str:
    from carte_planner.i18n.dates import DATE, format_day

    def day(value: date | None) -> str:
        return format_day(value, DATE) if value else "—"

    before, after = comparison.before.summary, comparison.after.summary
    lines = [
        tr("What if — your own question, not a forecast."),
        tr("Return: {old} → {new}").format(old=day(before.return_date), new=day(after.return_date)),
        "",
        tr("What breaks:") if comparison.broken else tr("Nothing breaks."),
    ]
    lines += [f"  ! {b.message_words}" for b in comparison.broken]
    lines += ["", tr("Dates that move:") if comparison.moved else tr("No date moves.")]
    lines += [f"  {day(m.old)} → {day(m.new)}  {m.title}" for m in comparison.moved]
    return "\n".join(lines) + "\n"


def _not_eligible_json(path: Any) -> str:
    document = {
        "format": "carte-planner.what-if",
        "version": 1,
        "not_eligible": {
            "decision_day": path.decision_day.isoformat(),
            "earliest_return": path.earliest_return.isoformat(),
            "nights_needed": path.nights_needed,
            "nights_planned": path.nights_planned,
            "cancelled": [item.key for item in path.cancelled],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _not_eligible_text(path: Any) -> str:
    from carte_planner.i18n.dates import DATE, format_day

    lines = [
        tr("If screening finds the patient not eligible (known by {day}):").format(
            day=format_day(path.decision_day, DATE)
        ),
        tr("Earliest return: {day}").format(day=format_day(path.earliest_return, DATE)),
        tr("Lodging nights needed: {needed} of the {planned} planned").format(
            needed=path.nights_needed, planned=path.nights_planned
        ),
        tr("No longer happens:"),
    ]
    lines += [f"  {item.title}" for item in path.cancelled]
    return "\n".join(lines) + "\n"
