"""Day ±N wherever a date is: agenda rows (also when the Day column gives way), timeline bars,
and what a screen reader reads for each row, chip and bar."""

from datetime import date

from PySide6.QtCore import Qt

from carte_planner.ui.agenda_model import AgendaModel


def row_of(window, key):
    model = window.agenda.model
    row = model.row_of(key)
    assert row >= 0, key
    return model, row


def test_a_narrow_agenda_keeps_day_numbers_in_its_rows(qtbot, window):
    agenda = window.agenda
    model, row = row_of(window, "milestone:infusion")
    assert model.data(model.index(row, AgendaModel.ITEM)) == "Day 0: CAR-T cell infusion"
    agenda._fit_columns(agenda.item_min_width + 40)  # a laptop's agenda: the Day column gives way
    assert agenda.table.isColumnHidden(AgendaModel.DAY)
    assert model.data(model.index(row, AgendaModel.ITEM)) == "Day 0 · Day 0: CAR-T cell infusion"
    _model, admission = row_of(window, "milestone:admission")
    assert model.data(model.index(admission, AgendaModel.ITEM)).startswith("Day \u22125 · ")
    agenda._fit_columns(2000)
    assert not agenda.table.isColumnHidden(AgendaModel.DAY)
    assert not model.data(model.index(admission, AgendaModel.ITEM)).startswith("Day")


def test_agenda_rows_read_out_their_day_numbers(window):
    model, row = row_of(window, "milestone:admission")
    spoken = model.data(model.index(row, AgendaModel.ITEM), Qt.ItemDataRole.AccessibleTextRole)
    assert "Day \u22125" in spoken
    _model, prep = row_of(window, "prep:records")
    before = model.data(model.index(prep, AgendaModel.ITEM), Qt.ItemDataRole.AccessibleTextRole)
    assert "Day" not in before, "nothing is counted before admission"


def test_month_chips_and_timeline_bars_are_read_with_their_day_numbers(window):
    window.month.grid.set_month(date(2027, 4, 1))
    chips = {item.name for item in window.month.grid.accessible_items()}
    assert any(name.startswith("Day 0: CAR-T cell infusion") and name.endswith("Day 0") for name in chips)
    bars = [item.name for item in window.timeline.canvas.accessible_items()]
    monitoring = next(name for name in bars if name.startswith("Post-infusion monitoring"))
    assert monitoring.endswith("Day 0 – Day +21")
    stay = next(name for name in bars if name.startswith("Accommodation"))
    assert "Day" not in stay, "a span begun before admission is not counted by its end"


def test_timeline_bars_start_with_their_day_number(qtbot, window):
    canvas = window.timeline.canvas
    window.tabs.setCurrentWidget(window.timeline)
    drawn = []
    original = canvas.paintEvent

    def record(event):
        from PySide6.QtGui import QPainter

        real = QPainter.drawText

        def spy(painter, *args):
            drawn.append(args[-1])
            return real(painter, *args)

        QPainter.drawText = spy
        try:
            original(event)
        finally:
            QPainter.drawText = real

    canvas.paintEvent = record
    canvas.grab()
    assert any(str(text).startswith("Day 0 · ") for text in drawn)
