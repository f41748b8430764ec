"""The going-home packet: what to bring home and ask for, the follow-up schedule with its dates
from the plan and the treating team's contacts for the home oncologist, and the warning signs
at home with the home emergency number. Printable; it holds no amount and no attachment."""

from __future__ import annotations

from carte_planner.domain.checklist import Checklist
from carte_planner.domain.documents import DocumentEntry, in_packet, state_title, whose
from carte_planner.domain.journey import Category, Journey
from carte_planner.export.cards import patient_name
from carte_planner.export.checklist_document import (
    BOX_EMPTY,
    BOX_TICKED,
    RTL_STYLE,
    STYLE,
    Block,
    PrintDocument,
    day_text,
    esc,
    keep_together,
    phone_number,
)
from carte_planner.i18n import current_language, tr
from carte_planner.i18n.catalog import is_right_to_left

HOME_PACKETS = ("home-oncologist", "insurer")
MEDICINES_QUESTION = "home-medicines-letter"
WARNING_SIGNS = "home-warning-signs"


def documents_to_bring(documents: tuple[DocumentEntry, ...]) -> list[DocumentEntry]:
    """The papers the home oncologist wants, then the trip's papers the insurer wants (not the
    passports and visas everyone carries anyway), each once, in list order."""
    seen: set[str] = set()
    chosen = []
    for packet in HOME_PACKETS:
        for entry in in_packet(documents, packet):
            if entry.key not in seen and (packet == "home-oncologist" or entry.traveller_number == 0):
                seen.add(entry.key)
                chosen.append(entry)
    return chosen


def followup_dates(journey: Journey) -> list[tuple[str, str, str]]:
    """(date, Day ±N, what) for every follow-up visit at home the plan dates."""
    rows = []
    for item in journey.items:
        if item.category != Category.HOME_FOLLOWUP:
            continue
        for occurrence in journey.occurrences_of(item):
            rows.append((occurrence.day, journey.day_label(occurrence.day), occurrence.title))
    rows.sort(key=lambda row: row[0])
    return [(day_text(day), label, title) for day, label, title in rows]


def _contacts(journey: Journey) -> str:
    request = journey.request
    rows = [
        (tr("Patient"), patient_name(journey)),
        (tr("Hospital"), " · ".join(p for p in (request.hospital_name, request.hospital_name_zh) if p)),
        (tr("Hospital address"), " · ".join(p for p in (request.hospital_address, request.hospital_address_zh) if p)),
        (tr("Hospital phone"), phone_number(request.hospital_phone) if request.hospital_phone else ""),
        (tr("Treating team"), phone_number(request.team_phone) if request.team_phone else ""),
        (tr("Interpreter"), phone_number(request.interpreter_phone) if request.interpreter_phone else ""),
    ]
    cells = "".join(f"<tr><td><b>{esc(label)}</b></td><td>{esc(value) or '&nbsp;'}</td></tr>" for label, value in rows)
    return f"<table class='facts'>{cells}</table>"


def handover_document(journey: Journey, checklist: Checklist, documents: tuple[DocumentEntry, ...]) -> PrintDocument:
    title = tr("Going home: the packet for the home oncologist")
    estimates = tr("The dates are estimates: the hospital's own schedule always comes first.")
    blocks = [
        Block(
            f"<h1>{esc(title)}</h1>"
            f"<p class='small'>{esc(estimates)}</p>"
            f"<h2>{esc(tr('The treating team in China'))}</h2>{_contacts(journey)}"
        )
    ]
    bring = documents_to_bring(documents)
    lines = "".join(
        f"<p class='item'>{BOX_TICKED if entry.state in ('received', 'copied') else BOX_EMPTY} "
        f"{esc(entry.title)} — {esc(whose(entry))} ({esc(state_title(entry.state))})</p>"
        for entry in bring
    )
    blocks.append(Block(f"<h2>{esc(tr('Documents to bring home'))}</h2>{lines}"))
    entries = {entry.key: entry for entry in checklist.entries}
    question = entries.get(MEDICINES_QUESTION)
    if question is not None:
        blocks.append(
            Block(
                f"<h2>{esc(tr('Ask the treating team before leaving'))}</h2>"
                f"<p class='item'>{BOX_TICKED if question.done else BOX_EMPTY} {esc(question.title)}</p>"
                f"<p class='small'>{esc(question.details)}</p>"
            )
        )
    confirm = tr("From the plan: confirm each date and what is checked with the treating team.")
    rows = "".join(
        f"<tr><td>{keep_together(day)}</td><td>{keep_together(label)}</td><td>{esc(what)}</td></tr>"
        for day, label, what in followup_dates(journey)
    )
    blocks.append(
        Block(
            f"<h2>{esc(tr('Follow-up schedule at home'))}</h2>"
            f"<p class='small'>{esc(confirm)}</p>"
            f"<table class='facts'>{rows}</table>"
        )
    )
    signs = entries.get(WARNING_SIGNS)
    if signs is not None:
        blocks.append(Block(f"<h2>{esc(signs.title)}</h2><p class='warning'>{esc(signs.details)}</p>"))
    rtl = is_right_to_left(current_language())
    return PrintDocument(
        title=title,
        blocks=tuple(blocks),
        footer=tr("Dates are estimates: confirm every date with your hospital."),
        style=STYLE + (RTL_STYLE if rtl else ""),
        right_to_left=rtl,
    )
