"""Numbers inside Arabic keep their order: a Day number's sign stays before its digits
("اليوم −5", never "5−"), and a date's or a phone number's parts keep their places, in the
window, in the text plan and in the PDF's text layer."""

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, build_checklist
from carte_planner.export.agenda import journey_text
from carte_planner.export.checklist_document import checklist_document, checklist_text
from carte_planner.i18n import use_language
from carte_planner.resources import load_checklist_template
from tests.journeys import TODAY, planned
from tests.test_outputs_languages import pdf_text

REQUEST = TripRequest(
    start=date(2027, 3, 1), city="guangzhou", home_tz="Asia/Riyadh", family_phones="+86 138 0000 1234"
)
MINUS = "\u2212"


def drawn_x(text: str) -> list[float | None]:
    """Where each character of `text` is drawn on one right-to-left line, as Qt lays it out
    (the left edge of its glyph; None for a character drawn as nothing)."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(4000)
    layout.endLayout()
    places: list[float | None] = []
    for index in range(len(text)):
        xs = [point.x() for run in layout.glyphRuns(index, 1) for point in run.positions()]
        places.append(min(xs) if xs else None)
    return places


def centre(places: list[float | None], start: int, end: int) -> float:
    xs = [x for x in places[start:end] if x is not None]
    return sum(xs) / len(xs)


def read_right_to_left(text: str, words: list[str]) -> list[str]:
    """`words` (found in `text` in this order) in the order an Arabic reader meets them on
    screen: from the right."""
    places, found, start = drawn_x(text), [], 0
    for word in words:
        start = text.index(word, start)
        found.append((centre(places, start, start + len(word)), word))
        start += len(word)
    return [word for _x, word in sorted(found, reverse=True)]


def sign_before_digits(text: str) -> bool:
    """Every signed Day number ("−5", "+12") in `text` is drawn with its sign left of its
    digits, as it is written."""
    places = drawn_x(text)
    numbers = list(re.finditer(rf"[{MINUS}+](\d+)", text))
    assert numbers, text
    return all(centre(places, m.start(), m.start() + 1) < centre(places, m.start(1), m.end(1)) for m in numbers)


@pytest.fixture
def arabic_window(qtbot, settings):
    from carte_planner.ui.language import apply_language
    from tests.test_window_languages import open_window

    apply_language("ar")
    try:
        win = open_window(qtbot, settings)
        from dataclasses import replace

        win.document.change(replace(win.document.request, city="guangzhou", home_tz="Asia/Riyadh"), "Move")
        yield win
    finally:
        apply_language("en")


def test_the_windows_agenda_draws_day_numbers_and_dates_in_order(arabic_window):
    from carte_planner.ui.agenda_model import AgendaModel

    model = arabic_window.agenda.model
    row = next(r for r in range(model.rowCount()) if model.line(r).item.key == "milestone:admission")
    label = str(model.data(model.index(row, AgendaModel.DAY)))
    assert label == f"اليوم \u200e{MINUS}5"
    assert read_right_to_left(label, ["اليوم", f"{MINUS}5"]) == ["اليوم", f"{MINUS}5"]
    assert sign_before_digits(label)
    after = next(r for r in range(model.rowCount()) if model.line(r).item.key == "milestone:discharge")
    assert sign_before_digits(str(model.data(model.index(after, AgendaModel.DAY))))
    shown = str(model.data(model.index(row, AgendaModel.DATE)))
    words = re.findall(r"[^\s،,]+", shown)
    assert len(words) >= 3, shown
    assert read_right_to_left(shown, words) == words


def test_the_text_plan_keeps_day_numbers_dates_and_phone_numbers_in_order():
    journey = planned(REQUEST, TODAY)
    with use_language("ar"):
        plan = journey_text(journey, ())
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        listed = checklist_text(journey, checklist)
    line = next(line for line in plan.splitlines() if "دخول المستشفى" in line and f"{MINUS}5" in line)
    assert f"الخميس، 1 أبريل 2027  اليوم \u200e{MINUS}5" in line
    # As a bidi-aware terminal or editor draws the line: date, then Day number, sign first.
    assert read_right_to_left(line.strip(), ["الخميس", "1", "أبريل", "2027", "اليوم", f"{MINUS}5"]) == [
        "الخميس",
        "1",
        "أبريل",
        "2027",
        "اليوم",
        f"{MINUS}5",
    ]
    assert sign_before_digits(line)
    assert sign_before_digits(next(line for line in listed.splitlines() if "الأيام من" in line))
    assert f"الأيام من \u200e{MINUS}5 إلى \u200e{MINUS}3" in listed
    phrase = "رقم الطوارئ في بلدك (المملكة العربية السعودية: 997)"
    assert phrase in listed
    assert read_right_to_left(phrase, ["رقم", "السعودية", "997"]) == ["رقم", "السعودية", "997"]


def test_the_pdf_text_layer_keeps_day_numbers_dates_and_phone_numbers_in_order(tmp_path, qapp):
    from carte_planner.export.hospital_sheet import hospital_sheet
    from carte_planner.ui.printing import write_pdf

    journey = planned(REQUEST, TODAY)
    with use_language("ar"):
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        write_pdf(checklist_document(journey, checklist), tmp_path / "checklist.pdf")
        write_pdf(hospital_sheet(journey), tmp_path / "sheet.pdf")
    text = " ".join(pdf_text(tmp_path / "checklist.pdf").split())
    # The chemotherapy days in an Arabic sentence: sign before digits, first before last.
    assert re.search(rf"الأيام من {MINUS}5 ?إلى {MINUS}3", text), re.findall("الأيام من.{0,20}", text)
    assert not re.search(rf"\d{MINUS}", text)
    assert f"اليوم {MINUS}5" in text
    assert "اليوم +21" in text
    # A date's parts in reading order (pdftotext places a comma by guess, so it is left out).
    words = text.replace("،", " ").split()
    joined = " ".join(words)
    assert "الثلاثاء 6 أبريل 2027" in joined
    assert re.search(r"السعودية\W*997", text)
    sheet = " ".join(pdf_text(tmp_path / "sheet.pdf").split())
    assert "+86 138 0000 1234" in sheet
