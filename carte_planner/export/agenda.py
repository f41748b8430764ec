"""A journey as readable text and as documented JSON, for the command line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from carte_planner import __version__
from carte_planner.domain.checklist import ChecklistEntry, assumptions_used
from carte_planner.domain.journey import Category, Journey, JourneyItem, Occurrence

JSON_FORMAT = "carte-planner.journey"
JSON_VERSION = 1


def _day(d: date) -> str:
    return d.strftime("%a %d %b %Y")


def _when(journey: Journey, line: Occurrence) -> str:
    item = line.item
    if item.depart is not None and item.arrive is not None:
        return (
            f"departs {item.depart:%a %d %b %H:%M} ({item.depart.tzinfo}), "
            f"lands {item.arrive:%a %d %b %H:%M} ({item.arrive.tzinfo})"
        )
    if line.end != line.day:
        return f"until {_day(line.end)} ({(line.end - line.day).days + 1} days)"
    return ""


ASSUMED_HEADING = "Assumed by Carte Planner (the guide does not give these; change them to what your hospital says):"


def assumed_mark(journey: Journey, names: tuple[str, ...]) -> str:
    """ "assumed: Day 0 offset, chemotherapy days", or "" for a date that rests on none."""
    labels = journey.assumption_labels(names)
    return f"assumed: {', '.join(labels)}" if labels else ""


def _status(journey: Journey, line: Occurrence) -> str:
    if line.confirmed:
        return "confirmed by the hospital"
    if line.set_by_user:
        return "date set by you"
    return assumed_mark(journey, line.item.assumptions)


QUESTIONS_HEADING = "Ask your hospital (questions only: the answers are your hospital's):"


def journey_text(journey: Journey, questions: Sequence[ChecklistEntry] = ()) -> str:
    """The agenda a patient reads: a header, the notices, the assumptions, the questions to ask
    the hospital, then every dated line by month."""
    request, summary, city = journey.request, journey.summary, journey.city
    low, high = summary.clearance_range
    out = [
        f"CAR-T journey to {city.label}: {request.scenario.value} scenario",
        f"First hospital day: {_day(request.start)}   Day 0 (infusion): {_day(journey.day_zero)}",
        f"Arrival in China: {_day(summary.arrival)}   Estimated return flight: {_day(summary.return_date)}",
        f"Days in China: {summary.days_in_china}   Days in hospital (inpatient): {summary.inpatient_days}",
        f"Fit-to-fly check, estimated: {_day(summary.clearance)} "
        f"(between {_day(low)} and {_day(high)} from the shortest to the longest scenario)",
        "",
        journey.estimate_note,
        "",
    ]
    if journey.warnings:
        out.append("Warnings:")
        out += [f"  ! {notice.message}" for notice in journey.warnings]
        out.append("")
    checks = [notice for notice in journey.notices if notice.severity != "warning"]
    if checks:
        out.append("Please check:")
        out += [f"  - {notice.message}" for notice in checks]
        out.append("")
    used = assumptions_used(journey, questions)
    if used:
        out.append(ASSUMED_HEADING)
        out += [f"  ~ {assumption.text}" for assumption in used]
        out.append("")
    if questions:
        out.append(QUESTIONS_HEADING)
        for entry in questions:
            due = f"by {_day(entry.due)}" if entry.due else ""
            parts = (due, entry.when, assumed_mark(journey, entry.assumptions))
            out.append(f"  ? {entry.title}  [{'; '.join(part for part in parts if part)}]")
        out.append("")
    month = None
    holidays = list(journey.holidays)
    for line in journey.occurrences():
        while holidays and holidays[0].day <= line.day:
            month = _month_heading(out, holidays[0].day, month)
            out.append(f"  {_day(holidays[0].day)}  {'':<9} {holidays.pop(0).label}")
        month = _month_heading(out, line.day, month)
        day_label = journey.day_label(line.day) if line.item.category is not Category.HOME_FOLLOWUP else ""
        details = "; ".join(part for part in (_when(journey, line), _status(journey, line)) if part)
        text = f"  {_day(line.day)}  {day_label:<9} {line.title}"
        out.append(f"{text}  [{details}]" if details else text)
    for holiday in holidays:
        month = _month_heading(out, holiday.day, month)
        out.append(f"  {_day(holiday.day)}  {'':<9} {holiday.label}")
    return "\n".join(out).rstrip() + "\n"


def _month_heading(out: list[str], day: date, current: str | None) -> str:
    heading = day.strftime("%B %Y")
    if heading != current:
        out += ["", heading, "-" * len(heading)]
    return heading


def _item_json(journey: Journey, item: JourneyItem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": item.key,
        "category": item.category.value,
        "title": item.title,
        "description": item.description,
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
        "day": journey.day_number(item.start),
        "confirmed": item.confirmed,
        "date_set_by_user": item.user_moved,
        "busy": item.busy,
        "deadline": item.deadline,
        "traveller": item.traveller,
        "assumed": bool(item.assumptions),
        "assumptions": list(item.assumptions),
    }
    if item.depart is not None and item.arrive is not None:
        data["depart"] = {"time": item.depart.isoformat(), "time_zone": str(item.depart.tzinfo)}
        data["arrive"] = {"time": item.arrive.isoformat(), "time_zone": str(item.arrive.tzinfo)}
    if item.recurrence is not None:
        data["recurrence"] = {
            "rule": item.recurrence.rule,
            "dates": [shown.isoformat() for _, _, shown in item.occurrence_dates()],
            "moved": {planned.isoformat(): shown.isoformat() for planned, shown in item.moved},
        }
    return data


def journey_json(journey: Journey, questions: Sequence[ChecklistEntry] = ()) -> str:
    """The journey as JSON (format `carte-planner.journey`, version 1; README describes it)."""
    request, summary = journey.request, journey.summary
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "generator": f"Carte Planner {__version__}",
        "estimate_note": journey.estimate_note,
        "city": {"key": journey.city.key, "name": journey.city.name, "name_zh": journey.city.name_zh},
        "scenario": request.scenario.value,
        "home_time_zone": request.home_tz,
        "home_country": journey.home_country,
        "start": request.start.isoformat(),
        "day_zero": journey.day_zero.isoformat(),
        "summary": {
            "arrival": summary.arrival.isoformat(),
            "days_in_china": summary.days_in_china,
            "inpatient_days": summary.inpatient_days,
            "clearance": summary.clearance.isoformat(),
            "return": summary.return_date.isoformat(),
            "clearance_range": [d.isoformat() for d in summary.clearance_range],
            "return_range": [d.isoformat() for d in summary.return_range],
            "weeks_to_clearance": summary.weeks_to_clearance,
            "phase_days": dict(summary.phase_lengths),
        },
        "notices": [
            {"severity": n.severity, "code": n.code, "message": n.message, "field": n.field, "item": n.item_key}
            for n in journey.notices
        ],
        "assumptions": [
            {"name": a.name, "label": a.label, "text": a.text} for a in assumptions_used(journey, questions)
        ],
        "questions": [
            {
                "key": entry.key,
                "question": entry.title,
                "due": entry.due.isoformat() if entry.due else None,
                "when": entry.when,
                "assumed": bool(entry.assumptions),
                "assumptions": list(entry.assumptions),
            }
            for entry in questions
        ],
        "items": [_item_json(journey, item) for item in journey.items],
        "holidays": [
            {"date": h.day.isoformat(), "name": h.name, "country": h.country, "provisional": h.provisional}
            for h in journey.holidays
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
