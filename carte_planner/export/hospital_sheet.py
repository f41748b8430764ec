"""The one-page sheet for China: in Chinese, with the family's language beside it, for the
hospital, a taxi driver or the police. Every label comes from the catalogue in both languages."""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from carte_planner.domain.journey import Journey
from carte_planner.domain.travellers import is_placeholder, split_names
from carte_planner.export.checklist_document import Block, PrintDocument
from carte_planner.i18n import current_language, tr, tr_noop, use_language
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.i18n.dates import format_day

CHINESE = "zh_CN"
EMERGENCY = "120"

SHEET_STYLE = """
body { font-size: 10.5pt; }
h1 { font-size: 15pt; margin: 0 0 4pt 0; }
td { padding: 3pt; vertical-align: top; }
.big { font-size: 20pt; font-weight: bold; }
.label { font-weight: bold; }
.other { color: #333333; }
.note { font-size: 9pt; }
"""


class Row(NamedTuple):
    chinese: str
    other: str
    value: str
    big: bool = False


def _both(text: str, other_language: str) -> tuple[str, str]:
    with use_language(CHINESE):
        chinese = tr(text)
    with use_language(other_language):
        other = tr(text)
    return chinese, "" if other_language == CHINESE else other


def _day_both(journey: Journey, key: str, other_language: str, landing: bool = False) -> str:
    """An item's day in Chinese and in the family's language; a flight's landing day with `landing`."""
    item = journey.item(key)
    day = item.end if landing else item.start
    with use_language(CHINESE):
        chinese = format_day(day)
    with use_language(other_language):
        other = format_day(day)
    return chinese if other_language == CHINESE else f"{chinese}\n{other}"


def _in_direction(markup: str, language: str) -> str:
    """A line in `language`'s own direction: the Chinese one left to right even in an Arabic
    sheet, the family's right to left in Arabic. Qt would otherwise give a paragraph the
    window's direction or its first letter's, and put a sentence's full stop at its start."""
    direction = "rtl" if is_right_to_left(language) else "ltr"
    return f"<div dir='{direction}'>{markup}</div>"


def _isolated(text: str) -> str:
    """`text` as a first-strong isolate: it keeps its own direction inside a line of another."""
    return f"\u2068{text}\u2069"


def sheet_rows(journey: Journey, other_language: str | None = None) -> list[Row]:
    """The sheet's rows, in the order of a Chinese patient information form: a Chinese label,
    the same label in the family's language, the value."""
    language = other_language or current_language()
    request = journey.request
    # Role words are no names: a cell left empty is written in by hand.
    typed = [name for name in request.travellers if not is_placeholder(name)]
    names = list(split_names(request.passport_names)) or typed
    rows: list[Row] = []

    def add(label: str, value: str, big: bool = False) -> None:
        chinese, other = _both(label, language)
        rows.append(Row(chinese, other, value, big))

    add(tr_noop("Patient's name (as in the passport)"), names[0] if names else "")
    add(tr_noop("Date of birth"), request.birth_date)
    if request.passport_numbers:
        add(tr_noop("Passport number"), request.passport_numbers)
    add(tr_noop("Diagnosis"), request.diagnosis)
    add(tr_noop("Allergies"), request.allergies)
    add(tr_noop("Languages spoken"), request.languages)
    if len(names) > 1:
        add(tr_noop("Companions (names as in the passports)"), ", ".join(names[1:]))
    add(
        tr_noop("Treating hospital"),
        "\n".join(p for p in (request.hospital_name_zh, request.hospital_name) if p),
        big=True,
    )
    add(
        tr_noop("Hospital address"),
        "\n".join(p for p in (request.hospital_address_zh, request.hospital_address) if p),
        big=bool(request.hospital_address_zh),
    )
    add(
        tr_noop("Address in China"),
        "\n".join(p for p in (request.stay_address_zh, request.stay_address) if p),
        big=bool(request.stay_address_zh),
    )
    add(tr_noop("Date of arrival in China"), _day_both(journey, "flight:outbound", language, landing=True))
    add(tr_noop("Admission date"), _day_both(journey, "milestone:admission", language))
    add(tr_noop("Infusion date (Day 0)"), _day_both(journey, "milestone:infusion", language))
    add(tr_noop("Expected discharge date"), _day_both(journey, "milestone:discharge", language))
    add(tr_noop("Expected return flight"), _day_both(journey, "flight:return", language))
    add(tr_noop("Attending medical team's 24-hour phone"), request.team_phone or request.hospital_phone)
    add(tr_noop("Interpreter's phone number"), request.interpreter_phone)
    add(tr_noop("Family's phone numbers in China"), request.family_phones)
    add(tr_noop("Emergency (ambulance) in mainland China"), EMERGENCY, big=True)
    return rows


def hospital_sheet(journey: Journey, other_language: str | None = None) -> PrintDocument:
    """The sheet as a printable document of one block, so that it stays on one page."""
    language = other_language or current_language()
    title_zh, title_other = _both(tr_noop("Patient information sheet"), language)
    note_zh, note_other = _both(
        tr_noop("The dates are estimates: the hospital's own schedule always comes first."), language
    )
    cells = []
    for row in sheet_rows(journey, language):
        first, _newline, rest = row.value.partition("\n")
        # Only the Chinese line is large (for a taxi driver); the family's own line stays small.
        value_html = (f"<span class='big'>{escape(first)}</span>" if row.big else escape(first)) or "&nbsp;"
        if rest:
            # Values are mostly numbers and names: left as they are, a phone number keeps its order.
            value_html += "<br>" + escape(rest).replace("\n", "<br>")
        label = _in_direction(f"<span class='label'>{escape(row.chinese)}</span>", CHINESE)
        other = _in_direction(f"<span class='other'>{escape(row.other)}</span>", language) if row.other else ""
        cells.append(f"<tr><td width='34%'>{label}{other}</td><td><div dir='ltr'>{value_html}</div></td></tr>")
    heading = escape(title_zh) + (f" · {_isolated(escape(title_other))}" if title_other else "")
    notes = _in_direction(escape(note_zh), CHINESE) + (
        _in_direction(escape(note_other), language) if note_other else ""
    )
    html = (
        f"<h1 dir='ltr'>{heading}</h1>"
        f"<table width='100%' border='1' cellspacing='0' cellpadding='3'>{''.join(cells)}</table>"
        f"<p class='note'>{notes}</p>"
    )
    # The footer is one line of plain text: each sentence is an isolate that runs its own way.
    footer = note_zh if language == CHINESE else f"{_isolated(note_zh)} {_isolated(note_other)}"
    with use_language(CHINESE):
        title = tr("Patient information sheet")
    return PrintDocument(title=title, blocks=(Block(html),), footer=footer, style=SHEET_STYLE)
