"""A journey as readable text and as documented JSON, for the command line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from carte_planner import __version__
from carte_planner.domain.checklist import ChecklistEntry, assumptions_used
from carte_planner.domain.journey import Category, Journey, JourneyItem, Occurrence, Severity
from carte_planner.domain.office_days import provisional_note
from carte_planner.domain.people import ROLE_WORDS, ROUTE_WORDS, Route
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n import current_language, ntr, tr, tr_noop
from carte_planner.i18n.dates import DAY_TIME_NO_YEAR, format_day, month_title

JSON_FORMAT = "carte-planner.journey"
JSON_VERSION = 1


def _day(d: date) -> str:
    return format_day(d)


def _when(journey: Journey, line: Occurrence) -> str:
    item = line.item
    if item.depart is not None and item.arrive is not None:
        when = tr("departs {depart} ({depart_zone}), lands {arrive} ({arrive_zone})").format(
            depart=format_day(item.depart, DAY_TIME_NO_YEAR),
            depart_zone=item.depart.tzinfo,
            arrive=format_day(item.arrive, DAY_TIME_NO_YEAR),
            arrive_zone=item.arrive.tzinfo,
        )
        if item.skipped_departure is not None:
            skipped = tr("{time} is skipped by the clocks going forward").format(
                time=item.skipped_departure.strftime("%H:%M")
            )
            when = tr("; ").join((when, skipped))
        return when
    if line.end != line.day:
        days = (line.end - line.day).days + 1
        return ntr("until {date} ({n} day)", "until {date} ({n} days)", days).replace("{date}", _day(line.end))
    return ""


ASSUMED_HEADING = tr_noop(
    "Assumed by Carte Planner (the guide does not give these; change them to what your hospital says):"
)


def assumed_mark(journey: Journey, names: tuple[str, ...]) -> str:
    """ "assumed: Day 0 offset, chemotherapy days", or "" for a date that rests on none."""
    labels = journey.assumption_labels(names)
    return tr("assumed: {labels}").format(labels=tr(", ").join(labels)) if labels else ""


def _status(journey: Journey, line: Occurrence) -> str:
    if line.confirmed:
        status = tr("confirmed by the hospital")
    elif line.set_by_user:
        status = tr("date set by you")
    else:
        status = assumed_mark(journey, line.item.assumptions)
    return tr("; ").join(part for part in (status, provisional_mark(line)) if part)


def provisional_mark(line: Occurrence) -> str:
    """ "provisional: check the official holiday notice for 2027" for a date that rests on a
    year whose holidays are not published, else ""."""
    if line.day not in line.item.provisional_dates:
        return ""
    return str(provisional_note(line.day.year))


QUESTIONS_HEADING = tr_noop("Ask your hospital (questions only: the answers are your hospital's):")
SCENARIOS = {"shortest": tr_noop("shortest"), "typical": tr_noop("typical"), "longest": tr_noop("longest")}


def travellers_text(journey: Journey) -> list[str]:
    """Each traveller's route and dates in China, one line each, under a heading."""
    lines = []
    for plan in journey.travellers:
        person = plan.person
        who = f"{traveller_words(person.name)} ({tr(ROLE_WORDS[person.role])}), {tr(ROUTE_WORDS[person.route])}"
        if person.route is not Route.VISA_FREE and person.visa.type:
            who += f" {person.visa.type}"
        parts = []
        for entry, last in zip(plan.entries, plan.last_permitted_days, strict=True):
            part = tr("In China %1 to %2").replace("%1", _day(entry.arrive)).replace("%2", _day(entry.leave))
            if last is not None:
                part += tr("; ") + tr("last permitted day %1").replace("%1", _day(last))
            parts.append(part)
        if plan.extensions:
            days = tr(", ").join(_day(day) for day in plan.extensions)
            parts.append(tr("Extensions to apply for: %1").replace("%1", days))
        lines.append(f"  * {who}: {tr('; ').join(parts)}")
    return [tr("Travellers:"), *lines, ""] if lines else []


def journey_text(journey: Journey, questions: Sequence[ChecklistEntry] = ()) -> str:
    """The agenda a patient reads: a header, the notices, the assumptions, the questions to ask
    the hospital, then every dated line by month."""
    request, summary, city = journey.request, journey.summary, journey.city
    low, high = summary.clearance_range
    out = [
        tr("CAR-T journey to {city}: {scenario} scenario").format(
            city=city.local_label(current_language()), scenario=tr(SCENARIOS[request.scenario.value])
        ),
        tr("First hospital day: {start}   Day 0 (infusion): {day_zero}").format(
            start=_day(request.start), day_zero=_day(journey.day_zero)
        ),
        tr("Arrival in China: {arrival}   Estimated return flight: {flight}").format(
            arrival=_day(summary.arrival), flight=_day(summary.return_date)
        ),
        tr("Days in China: {china}   Days in hospital (inpatient): {hospital}").format(
            china=summary.days_in_china, hospital=summary.inpatient_days
        ),
        tr(
            "Fit-to-fly check, estimated: {date} (between {low} and {high} from the shortest to the longest scenario)"
        ).format(date=_day(summary.clearance), low=_day(low), high=_day(high)),
        *_odds_text(journey),
        *_go_no_go_text(journey),
        "",
        journey.estimate_note,
        "",
    ]
    if journey.warnings:
        out.append(tr("Warnings:"))
        out += [f"  ! {notice.message}" for notice in journey.warnings]
        out.append("")
    checks = [notice for notice in journey.notices if notice.severity is not Severity.WARNING]
    if checks:
        out.append(tr("Please check:"))
        out += [f"  - {notice.message}" for notice in checks]
        out.append("")
    out += travellers_text(journey)
    used = assumptions_used(journey, questions)
    if used:
        out.append(tr(ASSUMED_HEADING))
        out += [f"  ~ {assumption.text}" for assumption in used]
        out.append("")
    if questions:
        out.append(tr(QUESTIONS_HEADING))
        for entry in questions:
            due = tr("by {date}").format(date=_day(entry.due)) if entry.due else ""
            parts = (due, entry.when, assumed_mark(journey, entry.assumptions))
            out.append(f"  ? {entry.title}  [{tr('; ').join(part for part in parts if part)}]")
        out.append("")
    month = None
    holidays = list(journey.holidays)
    for line in journey.occurrences():
        while holidays and holidays[0].day <= line.day:
            month = _month_heading(out, holidays[0].day, month)
            out.append(f"  {_day(holidays[0].day)}  {'':<9} {holidays.pop(0).label}")
        month = _month_heading(out, line.day, month)
        day_label = journey.day_label(line.day) if line.item.category is not Category.HOME_FOLLOWUP else ""
        details = tr("; ").join(part for part in (_when(journey, line), _status(journey, line)) if part)
        # The column is padded by what shows: an Arabic label's left-to-right mark takes no room.
        shown = len(day_label.replace("\u200e", ""))
        text = f"  {_day(line.day)}  {day_label}{' ' * max(9 - shown, 0)} {line.title}"
        out.append(f"{text}  [{details}]" if details else text)
    for holiday in holidays:
        month = _month_heading(out, holiday.day, month)
        out.append(f"  {_day(holiday.day)}  {'':<9} {holiday.label}")
    return "\n".join(out).rstrip() + "\n"


def _odds_text(journey: Journey) -> list[str]:
    from carte_planner.domain.return_odds import return_odds

    odds = return_odds(journey)
    return [
        tr("Return flight, odds: P50 {p50}, P80 {p80}, P95 {p95}").format(
            p50=_day(odds.p50), p80=_day(odds.p80), p95=_day(odds.p95)
        ),
        f"  {odds.advice_words}",
        f"  ~ {odds.assumption_words}",
    ]


def _go_no_go_text(journey: Journey) -> list[str]:
    from carte_planner.domain.eligibility import go_no_go, not_eligible

    point, path = go_no_go(journey), not_eligible(journey)
    lines = [
        tr("Eligibility is confirmed at screening, by {day}. Until then keep these changeable:").format(
            day=_day(point.decision_day)
        )
    ]
    lines += [f"  - {item.title}" for item in point.keep_changeable]
    lines.append(
        "  "
        + tr("If not eligible: return from {day}, {needed} of the {planned} lodging nights needed.").format(
            day=_day(path.earliest_return), needed=path.nights_needed, planned=path.nights_planned
        )
    )
    return lines


def _go_no_go_json(journey: Journey) -> dict[str, Any]:
    from carte_planner.domain.eligibility import go_no_go, not_eligible

    point, path = go_no_go(journey), not_eligible(journey)
    return {
        "decision_day": point.decision_day.isoformat(),
        "keep_changeable": [item.key for item in point.keep_changeable],
        "not_eligible": {
            "earliest_return": path.earliest_return.isoformat(),
            "nights_needed": path.nights_needed,
            "nights_planned": path.nights_planned,
            "cancelled": [item.key for item in path.cancelled],
        },
    }


def _odds_json(journey: Journey) -> dict[str, Any]:
    from carte_planner.domain.return_odds import return_odds

    odds = return_odds(journey)
    return {
        "p50": odds.p50.isoformat(),
        "p80": odds.p80.isoformat(),
        "p95": odds.p95.isoformat(),
        "earliest": odds.earliest.isoformat(),
        "latest": odds.latest.isoformat(),
        "extension_needed_share": round(odds.extension_needed_share, 4),
        "fixed_phases": list(odds.fixed),
        "assumed": True,
        "assumption": str(odds.assumption_words),
        "advice": str(odds.advice_words),
    }


def _month_heading(out: list[str], day: date, current: str | None) -> str:
    heading = month_title(day)
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
        "provisional": item.provisional_year is not None,
    }
    if item.depart is not None and item.arrive is not None:
        data["depart"] = {"time": item.depart.isoformat(), "time_zone": str(item.depart.tzinfo)}
        if item.skipped_departure is not None:
            # The local time asked for, which the clocks skip that night.
            data["depart"]["skipped_local_time"] = item.skipped_departure.strftime("%H:%M")
        data["arrive"] = {"time": item.arrive.isoformat(), "time_zone": str(item.arrive.tzinfo)}
    if item.recurrence is not None:
        data["recurrence"] = {
            "rule": item.recurrence.rule,
            "dates": [shown.isoformat() for _, _, shown in item.occurrence_dates()],
            "moved": {planned.isoformat(): shown.isoformat() for planned, shown in item.moved},
            "shifted": {planned.isoformat(): shown.isoformat() for planned, shown in item.shifted},
        }
    return data


def travellers_json(journey: Journey) -> list[dict[str, Any]]:
    """Each person's role, route, turns and dates, as planned."""
    return [
        {
            "name": plan.person.name,
            "role": plan.person.role.value,
            "nationality": plan.person.nationality,
            "route": plan.person.route.value,
            "visa": {
                "type": plan.person.visa.type,
                "stay_days": plan.person.visa.stay_days or journey.request.visa_stay_days,
                "entries": plan.person.visa.entries,
                "use_by": plan.person.visa.use_by.isoformat() if plan.person.visa.use_by else None,
            },
            "whole_journey": plan.person.whole_journey,
            "turns": [{"arrive": e.arrive.isoformat(), "leave": e.leave.isoformat()} for e in plan.entries],
            "arrivals": [e.arrive.isoformat() for e in plan.entries],
            "last_permitted_days": [day.isoformat() if day else None for day in plan.last_permitted_days],
            "extensions": [day.isoformat() for day in plan.extensions],
        }
        for plan in journey.travellers
    ]


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
        "return_odds": _odds_json(journey),
        "go_no_go": _go_no_go_json(journey),
        "notices": [
            {"severity": n.severity.value, "code": n.code, "message": n.message, "field": n.field, "item": n.item_key}
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
        "travellers": travellers_json(journey),
        "coverage": [
            {"date": gap.day.isoformat(), "reason": gap.reason, "traveller": gap.traveller} for gap in journey.coverage
        ],
        "holidays": [
            {"date": h.day.isoformat(), "name": h.name, "country": h.country, "provisional": h.provisional}
            for h in journey.holidays
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
