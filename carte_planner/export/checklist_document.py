"""The printable checklist as HTML blocks, one per item so that a page break never splits one."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta

from carte_planner.domain.checklist import Checklist, ChecklistEntry, assumptions_used
from carte_planner.domain.journey import Category, Journey, JourneyItem
from carte_planner.domain.office_days import provisional_note
from carte_planner.domain.travellers import travellers_words
from carte_planner.export.agenda import ASSUMED_HEADING, SCENARIOS, assumed_mark
from carte_planner.i18n import current_language, ntr, tr
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.i18n.dates import DAY_NO_YEAR, DAY_TIME, MONTH, country_name, format_day

BOX_EMPTY = "☐"
BOX_TICKED = "☑"

_PHASE_COLOURS = {
    "screening": "#F3C467",
    "manufacturing": "#F7D894",
    "admission": "#E69F00",
    "monitoring": "#D98A00",
    "outpatient": "#9CCFF0",
}

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 12.5pt; margin-top: 10pt; margin-bottom: 2pt; }
p { margin: 0; }
.facts td { padding: 1pt 8pt 1pt 0; }
.small { font-size: 8.5pt; color: #333333; }
.item { margin-top: 4pt; }
.due { color: #222222; }
.overdue { color: #9C2A00; font-weight: bold; }
.note { font-style: italic; }
.warning { color: #9C2A00; }
.assumed { color: #5A4A8A; font-style: italic; }
table.gantt td { font-size: 7pt; padding: 1pt; }
"""


def day_text(day: date) -> str:
    return format_day(day)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def phone_number(text: str) -> str:
    """A phone number that reads left to right on one line, whatever the text around it.

    After Arabic words the bidi algorithm treats the digits as right-to-left numbers: "+86 21
    6437 0045" would print as "0045 6437 21 86+". A left-to-right isolate (U+2066...U+2069)
    keeps its groups in order, and non-breaking spaces keep them on one line."""
    return "\u2066" + text.replace(" ", "\u00a0") + "\u2069"


# The shipped font has Arabic letters upright only: notes and marks keep their colour instead.
RTL_STYLE = """
.note, .assumed { font-style: normal; }
"""


def keep_together(text: str) -> str:
    """Escaped, with non-breaking spaces, and a gap after: for a date column that must not wrap
    (Qt's rich text ignores `nowrap` and cell padding)."""
    return esc(text).replace(" ", "&nbsp;") + "&nbsp;&nbsp;&nbsp;"


@dataclass(frozen=True)
class Block:
    """A piece of the document that is never split across pages."""

    html: str
    keep_with_next: bool = False
    new_page: bool = False


@dataclass(frozen=True)
class PrintDocument:
    title: str
    blocks: tuple[Block, ...]
    footer: str
    style: str = STYLE
    right_to_left: bool = False

    def full_html(self) -> str:
        """All blocks as one HTML document, for a preview or a plain export."""
        body = "".join(block.html for block in self.blocks)
        direction = " dir='rtl'" if self.right_to_left else ""
        return (
            f"<html{direction}><head><meta charset='utf-8'><style>{self.style}</style></head>"
            f"<body{direction}>{body}</body></html>"
        )


def _facts(journey: Journey) -> str:
    request, summary, city = journey.request, journey.summary, journey.city
    low, high = summary.return_range
    rows = [
        (
            tr("Hospital city"),
            tr("{city}, airport {airports}").format(
                city=city.local_label(current_language()), airports=tr(", ").join(city.airports)
            ),
        ),
        (tr("Scenario"), tr(SCENARIOS[request.scenario.value])),
        (tr("Arrival in China"), day_text(summary.arrival)),
        (tr("First hospital day"), day_text(request.start)),
        (tr("Day 0 (infusion)"), day_text(journey.day_zero)),
        (
            tr("Return flight (estimated)"),
            tr("{date} (between {low} and {high})").format(
                date=day_text(summary.return_date), low=day_text(low), high=day_text(high)
            ),
        ),
        (
            tr("Days in China"),
            ntr(
                "{china}, of which {n} in hospital", "{china}, of which {n} in hospital", summary.inpatient_days
            ).replace("{china}", str(summary.days_in_china)),
        ),
        (tr("Travellers"), str(travellers_words(request.travellers))),
        (tr("Emergency in mainland China"), tr("120, and the treating team")),
        (
            tr("Emergency at home"),
            tr("{number}, and the home medical team").format(number=journey.home_emergency_text()),
        ),
    ]
    hospital = [request.hospital_name, request.hospital_name_zh, request.hospital_address, request.hospital_address_zh]
    if any(hospital) or request.hospital_phone:
        text = tr(", ").join(part for part in hospital if part)
        if request.hospital_phone:
            text += f" · {phone_number(request.hospital_phone)}"
        rows.append((tr("Hospital"), text))
    cells = "".join(f"<tr><td><b>{keep_together(name)}</b></td><td>{esc(value)}</td></tr>" for name, value in rows)
    return f"<table class='facts' cellpadding='2'>{cells}</table>"


def _gantt(journey: Journey) -> str:
    """Weeks across, phases down: a one-glance overview that prints as text and colour."""
    first = journey.summary.arrival - timedelta(days=journey.summary.arrival.weekday())
    last = journey.summary.return_date
    weeks = (last - first).days // 7 + 1
    step = 1 if weeks <= 22 else 2
    columns = [first + timedelta(days=7 * step * i) for i in range((weeks + step - 1) // step)]
    head = "".join(f"<td align='center'>{c.day}<br>{esc(format_day(c, MONTH))}</td>" for c in columns)
    rows = [f"<tr><td><b>{esc(tr('Week from') if step == 1 else tr('Two weeks from'))}</b></td>{head}</tr>"]
    # One row for the stay, whichever entry into China each week falls in, then one per phase.
    stays = [item for item in journey.items if item.category is Category.ACCOMMODATION and item.traveller is None]
    lines = [(tr("Stay near the hospital"), "#C9BBAE", stays)]
    for item in journey.items:
        if item.category is Category.PHASE:
            name = tr("Admission") if item.phase == "admission" else item.title
            lines.append((name, _PHASE_COLOURS.get(item.phase or "", "#C9BBAE"), [item]))
    for name, colour, items in lines:
        cells = []
        for column in columns:
            end = column + timedelta(days=7 * step - 1)
            active = any(item.start <= end and item.end >= column for item in items)
            cells.append(f"<td bgcolor='{colour}'>&nbsp;</td>" if active else "<td>&nbsp;</td>")
        rows.append(f"<tr><td>{keep_together(_short(name))}</td>{''.join(cells)}</tr>")
    return "<table class='gantt' border='1' cellspacing='0' cellpadding='1' width='100%'>" + "".join(rows) + "</table>"


def _short(title: str) -> str:
    """A phase's name up to its colon: the overview's rows stay one line each."""
    return title.split(":")[0].split("：")[0]


def _span_text(start: date, end: date) -> str:
    if start == end:
        return day_text(start)
    if start.year == end.year:
        return f"{format_day(start, DAY_NO_YEAR)} – {day_text(end)}"
    return f"{day_text(start)} – {day_text(end)}"


def _key_dates(journey: Journey) -> str:
    rows = []
    for item in journey.items:
        if item.category in {Category.PHASE, Category.MILESTONE, Category.FLIGHT}:
            when = _span_text(item.start, item.end)
            title = item.title
            if item.depart is not None:
                when = format_day(item.depart, DAY_TIME)
                title += " " + tr("(leaves {time} {zone} time)").format(
                    time=f"{item.depart:%H:%M}", zone=item.depart.tzinfo
                )
            label = esc(journey.day_label(item.start)).replace(" ", "&nbsp;")
            mark = " ✓ " + tr("confirmed") if item.confirmed else ""
            notes = _assumed_html(journey, item.assumptions) + _provisional_html(item)
            rows.append(
                f"<tr><td width='40%'>{keep_together(when)}</td><td width='12%'>{label}</td>"
                f"<td>{esc(title)}{esc(mark)}{notes}</td></tr>"
            )
    return "<table class='facts' cellpadding='2'>" + "".join(rows) + "</table>"


def _assumed_html(journey: Journey, names: tuple[str, ...]) -> str:
    mark = assumed_mark(journey, names)
    return f" <span class='assumed'>({esc(mark)})</span>" if mark else ""


def _provisional_html(item: JourneyItem) -> str:
    if item.provisional_year is None:
        return ""
    return f" <span class='assumed'>({esc(str(provisional_note(item.provisional_year)))})</span>"


def _deadlines(journey: Journey) -> str:
    lines = [
        f"<tr><td>{BOX_EMPTY}&nbsp;{keep_together(day_text(item.start))}</td>"
        f"<td>{esc(item.title)}{_assumed_html(journey, item.assumptions)}{_provisional_html(item)}</td></tr>"
        for item in journey.items
        if item.deadline and item.category is not Category.FLIGHT
    ]
    return "<table class='facts' cellpadding='2'>" + "".join(lines) + "</table>"


def _warnings(journey: Journey) -> str:
    """The plan's warnings, where a family reads first: the top of the first page."""
    lines = "".join(f"<p class='warning'><b>{esc(tr('Warning:'))}</b> {esc(n.message)}</p>" for n in journey.warnings)
    return f"<h2>{esc(tr('Warnings'))}</h2>{lines}" if lines else ""


def _assumptions(journey: Journey, checklist: Checklist) -> str:
    """What the app assumed where the guide is silent, so a family can tell these dates from
    the guide's and from those their hospital confirmed."""
    used = assumptions_used(journey, checklist.entries)
    if not used:
        return ""
    lines = "".join(f"<p class='small'>• {esc(a.text)}</p>" for a in used)
    return (
        f"<h2>{esc(tr('Assumptions'))}</h2><p>{esc(tr(ASSUMED_HEADING))}</p>{lines}"
        "<p class='small'>"
        + esc(
            tr(
                "Dates marked “assumed” rest on these; dates marked “✓ confirmed” your hospital confirmed; the "
                "phase lengths are the guide's usual ranges unless you set them."
            )
        )
        + "</p>"
    )


def _holidays(journey: Journey) -> str:
    """Public holidays around the trip: offices close, and the consulate and Exit-Entry dates
    in this plan already avoid them."""
    rows = []
    for holiday in journey.holidays:
        name = f"{holiday.name} ({country_name(holiday.country, holiday.country_name)})"
        if holiday.provisional:
            name = tr("{holiday} (provisional: check the official holiday notice for {year})").format(
                holiday=name, year=holiday.day.year
            )
        rows.append(f"<tr><td>{keep_together(day_text(holiday.day))}</td><td>{esc(name)}</td></tr>")
    if not rows:
        return ""
    published = journey.holidays_published_until
    return (
        f"<h2>{esc(tr('Public holidays'))}</h2><p class='small'>"
        + esc(tr("Offices close on these days."))
        + (
            " "
            + esc(
                tr(
                    "China has published its holiday arrangements up to {year}; later years use the breaks offices "
                    "usually close for, marked provisional until the official notice is out."
                ).format(year=published)
            )
            if published is not None
            else ""
        )
        + "</p>"
        f"<table class='facts' cellpadding='2'>{''.join(rows)}</table>"
    )


def _entry_block(entry: ChecklistEntry, today: date) -> Block:
    """One checklist item; a date that rests on an assumption says so."""
    box = BOX_TICKED if entry.done else BOX_EMPTY
    if entry.due is not None:
        css = "overdue" if entry.overdue(today) else "due"
        due = tr("due {date}").format(date=day_text(entry.due)) + (f" ({entry.when})" if entry.when else "")
        if entry.assumptions:
            due += " — " + tr("assumed date")
        if entry.overdue(today):
            due += " — " + tr("overdue")
        due_html = f" <span class='{css}'>· {esc(due)}</span>"
    else:
        due_html = ""
    parts = [f"<p><b>{box} {esc(entry.title)}</b>{due_html}</p>"]
    if entry.details:
        parts.append(f"<p class='small'>{esc(entry.details)}</p>")
    if entry.note:
        parts.append(f"<p class='note'>{esc(tr('Note: {note}').format(note=entry.note))}</p>")
    return Block(f"<div class='item'>{''.join(parts)}</div>")


def checklist_document(journey: Journey, checklist: Checklist) -> PrintDocument:
    """Header, one-page overview, reminders and the checklist by stage."""
    city = journey.city
    local = city.local_label(current_language())
    title = tr("CAR-T journey to {city}: checklist").format(city=local)
    blocks = [
        Block(
            f"<h1>{esc(tr('CAR-T journey checklist'))}</h1><p><b>{esc(local)}</b> · "
            f"{esc(_span_text(journey.summary.arrival, journey.summary.return_date))}</p>"
            f"<p class='small'>{esc(journey.estimate_note)}</p>{_warnings(journey)}"
        ),
        Block(f"<h2>{esc(tr('The trip'))}</h2>{_facts(journey)}"),
        Block(f"<h2>{esc(tr('Overview'))}</h2>{_gantt(journey)}"),
        Block(f"<h2>{esc(tr('Key dates'))}</h2>{_key_dates(journey)}"),
        Block(
            f"<h2>{esc(tr('Deadlines and reminders'))}</h2><p class='small'>"
            + esc(tr("Some calendar apps ignore imported reminders: these are the dates to watch."))
            + f"</p>{_deadlines(journey)}",
            new_page=False,
        ),
    ]
    if assumptions_used(journey, checklist.entries):
        blocks.append(Block(_assumptions(journey, checklist)))
    if journey.holidays:
        blocks.append(Block(_holidays(journey), new_page=False))
    first_stage = True
    for stage, entries in checklist.by_stage():
        blocks.append(Block(f"<h2>{esc(stage.title)}</h2>", keep_with_next=True, new_page=first_stage))
        first_stage = False
        blocks += [_entry_block(entry, journey.today) for entry in entries]
    footer = journey.estimate_note + " " + tr("Printed for {city}.").format(city=local)
    rtl = is_right_to_left()
    style = STYLE + RTL_STYLE if rtl else STYLE
    return PrintDocument(title=title, blocks=tuple(blocks), footer=footer, style=style, right_to_left=rtl)


def checklist_text(journey: Journey, checklist: Checklist, markdown: bool = False) -> str:
    """The checklist as plain text or Markdown, for the command line."""
    city = journey.city
    out = []
    heading = tr("CAR-T journey to {city}: checklist").format(city=city.local_label(current_language()))
    out.append(f"# {heading}" if markdown else heading)
    out += ["", journey.estimate_note, ""]
    for notice in journey.warnings:
        warning = tr("Warning:")
        out.append(f"**{warning}** {notice.message}" if markdown else f"! {warning} {notice.message}")
    if journey.warnings:
        out.append("")
    used = assumptions_used(journey, checklist.entries)
    if used:
        out.append("## " + tr("Assumptions") if markdown else tr("Assumptions"))
        out.append(tr(ASSUMED_HEADING))
        out += [f"- {a.text}" for a in used]
        out.append("")
    for stage, entries in checklist.by_stage():
        out.append(f"## {stage.title}" if markdown else stage.title)
        if not markdown:
            out.append("-" * len(stage.title))
        for entry in entries:
            box = "[x]" if entry.done else "[ ]"
            due = ""
            if entry.due is not None:
                due = " (" + tr("due {date}").format(date=day_text(entry.due))
                due += tr(", ") + assumed_mark(journey, entry.assumptions) if entry.assumptions else ""
                due += (tr(", ") + tr("OVERDUE") if entry.overdue(journey.today) else "") + ")"
            out.append(f"- {box} {entry.title}{due}")
            if entry.details:
                out.append(f"  {entry.details}")
            if entry.note:
                out.append("  " + tr("Note: {note}").format(note=entry.note))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
