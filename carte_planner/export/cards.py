"""Credit-card-sized cards for China, and where they go on a sheet with cut marks.

A taxi card for the hospital and one for the lodging: the Chinese name and address large, for
the driver, the family's own words small beneath. A wallet card: the patient's name, the day
of the CAR-T cell infusion and the treating team's 24-hour number, in Chinese and in the
family's language, and 120. Every fixed sentence is a catalogue entry reviewed in each
language; nothing medical is translated by machine, and the family's typed text is printed as
typed."""

from __future__ import annotations

from dataclasses import dataclass

from carte_planner.domain.journey import Journey
from carte_planner.domain.travellers import is_placeholder, split_names
from carte_planner.i18n import current_language, tr, tr_noop, use_language
from carte_planner.i18n.dates import DATE, format_day

CHINESE = "zh_CN"
EMERGENCY = "120"
# ISO/IEC 7810 ID-1, the size of a bank card.
CARD_WIDTH_MM = 85.6
CARD_HEIGHT_MM = 54.0
GAP_MM = 12.0
# A line to fill in by hand where the family has not typed the text yet.
BLANK = "________________________"


@dataclass(frozen=True)
class CardLine:
    text: str
    language: str
    size: float  # points
    bold: bool = False


@dataclass(frozen=True)
class Card:
    title: str
    lines: tuple[CardLine, ...]


def _in(language: str, source: str) -> str:
    with use_language(language):
        return tr(source)


def _pair(source: str, language: str, chinese_size: float, other_size: float, bold: bool = False) -> list[CardLine]:
    """A catalogue sentence in Chinese, then in the family's language (once, if that is Chinese)."""
    lines = [CardLine(_in(CHINESE, source), CHINESE, chinese_size, bold)]
    if language != CHINESE:
        lines.append(CardLine(_in(language, source), language, other_size))
    return lines


def _taxi_card(heading: str, chinese: list[str], own: str, language: str) -> Card:
    lines = _pair(heading, language, 9, 7)
    lines.extend(CardLine(text or BLANK, CHINESE, 14, True) for text in chinese)
    if own:
        lines.append(CardLine(own, language, 7))
    return Card(_in(language, heading), tuple(lines))


def taxi_cards(journey: Journey, language: str | None = None) -> tuple[Card, Card]:
    """To the hospital, and back to where the family stays (the plan knows its address only)."""
    language = language or current_language()
    request = journey.request
    hospital = _taxi_card(
        tr_noop("Please take me to this hospital:"),
        [request.hospital_name_zh, request.hospital_address_zh],
        ", ".join(part for part in (request.hospital_name, request.hospital_address) if part),
        language,
    )
    lodging = _taxi_card(
        tr_noop("Please take me to this address, where I am staying:"),
        [request.stay_address_zh],
        request.stay_address,
        language,
    )
    return hospital, lodging


def patient_name(journey: Journey) -> str:
    request = journey.request
    names = list(split_names(request.passport_names))
    if not names:
        names = [name for name in request.travellers if not is_placeholder(name)]
    return names[0] if names else ""


def wallet_card(journey: Journey, language: str | None = None) -> Card:
    language = language or current_language()
    request = journey.request
    infusion = journey.item("milestone:infusion").start
    with use_language(CHINESE):
        day_zh = format_day(infusion, DATE)
    with use_language(language):
        day_own = format_day(infusion, DATE)
    team = request.team_phone or request.hospital_phone or BLANK
    lines = [CardLine(patient_name(journey) or BLANK, language, 11, True)]
    received = tr_noop("Received CAR-T cell therapy on {date}")
    lines.append(CardLine(_in(CHINESE, received).format(date=day_zh), CHINESE, 9, True))
    if language != CHINESE:
        lines.append(CardLine(_in(language, received).format(date=day_own), language, 7))
    lines.extend(_pair(tr_noop("Treating team, 24 hours:"), language, 8, 7))
    lines.append(CardLine(team, "en", 10, True))
    lines.extend(_pair(tr_noop("Emergency (ambulance) in mainland China"), language, 8, 7))
    lines.append(CardLine(EMERGENCY, "en", 12, True))
    return Card(_in(language, tr_noop("Wallet card")), tuple(lines))


def all_cards(journey: Journey, language: str | None = None) -> tuple[Card, ...]:
    return (*taxi_cards(journey, language), wallet_card(journey, language))


def sheet_of_cards(cards: tuple[Card, ...], slots: int, columns: int) -> list[Card]:
    """One row for each card, as many copies as a row holds (one for each person carrying it);
    the sheet's rows are filled in that order and the rest left empty."""
    sheet = [card for card in cards for _copy in range(columns)]
    return sheet[:slots]


def card_slots(page_width_mm: float, page_height_mm: float) -> list[tuple[float, float]]:
    """Top-left corners of the cards that fit the page in columns and rows, centred, with room
    between them for the cut marks."""
    columns = max(int((page_width_mm - 20 + GAP_MM) // (CARD_WIDTH_MM + GAP_MM)), 1)
    rows = max(int((page_height_mm - 30 + GAP_MM) // (CARD_HEIGHT_MM + GAP_MM)), 1)
    width = columns * CARD_WIDTH_MM + (columns - 1) * GAP_MM
    height = rows * CARD_HEIGHT_MM + (rows - 1) * GAP_MM
    left = (page_width_mm - width) / 2
    top = (page_height_mm - height) / 2
    return [
        (left + column * (CARD_WIDTH_MM + GAP_MM), top + row * (CARD_HEIGHT_MM + GAP_MM))
        for row in range(rows)
        for column in range(columns)
    ]


def cut_marks(x: float, y: float, gap: float = 1.5, length: float = 4.0) -> list[tuple[float, float, float, float]]:
    """Short lines just outside each corner of the card at (x, y), in line with its edges."""
    right, bottom = x + CARD_WIDTH_MM, y + CARD_HEIGHT_MM
    marks = []
    for cx, dx in ((x, -1), (right, 1)):
        for cy, dy in ((y, -1), (bottom, 1)):
            marks.append((cx + dx * gap, cy, cx + dx * (gap + length), cy))  # along the horizontal edge
            marks.append((cx, cy + dy * gap, cx, cy + dy * (gap + length)))  # along the vertical edge
    return marks
