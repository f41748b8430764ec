"""Markup in a plan file, a typed text or a server's answer is shown as the characters it holds:
never bold, never an image read from a path (`/dev/zero` would make the window allocate until it
aborts, a FIFO would hang it), in every widget that shows such text and in the printout."""

import io
import os
import struct
import zlib
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QToolTip, QWidget

from carte_planner.domain.checklist_state import CustomItem
from carte_planner.domain.plan import CalendarServer
from carte_planner.storage.planfile import save_plan
from carte_planner.ui.plain_text import InertDocument, as_text

BOLD = "<b>Ana</b>"


def png(path):
    """A real 300×300 image: a document that loads it grows to its size."""
    row = b"\x00" + b"\xff\x00\x00" * 300
    chunk = lambda kind, data: (  # noqa: E731
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )
    header = struct.pack(">IIBBBBB", 300, 300, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * 300)) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
def payloads(tmp_path):
    """The hostile texts: bold, an endless device, a FIFO nobody writes to, a real local image."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    image = png(tmp_path / "x.png")
    return [BOLD, '<img src="/dev/zero">', f'<img src="{fifo}">', f'<img src="{image}">']


def seen(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a user reads in a widget that shows `text` in `text_format` (AutoText: Qt guesses)."""
    if text_format == Qt.TextFormat.PlainText or (
        text_format == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    ):
        return text
    document = InertDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n")


def rendered_raw(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether a widget would render a payload in `text` as markup."""
    if text_format == Qt.TextFormat.PlainText:
        return False
    rich = text_format == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text)
    return rich and ("<img" in text.lower() or BOLD in text or "<i>Ben" in text)


def assert_no_label_renders_markup(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        assert not rendered_raw(label.text(), label.textFormat()), label.text()


def test_the_helper_shows_markup_as_characters_and_leaves_plain_text_alone(qapp):
    for text in (BOLD, "a <img src='/dev/zero'> b", "Tom & Jerry <x@y.org>", "line\n<i>two</i>"):
        assert seen(as_text(text)) == text
    assert as_text("Plain text & more") == "Plain text & more"


def test_an_inert_document_loads_no_image_while_a_plain_one_would(qapp, tmp_path):
    image = png(tmp_path / "x.png")
    markup = f'<p>x</p><img src="{image}">'
    loading = QTextDocument()
    loading.setHtml(markup)
    inert = InertDocument()
    inert.setHtml(markup)
    # The ordinary document reads the file from disk and grows to the picture's 300 pixels.
    assert loading.size().height() > 250
    assert inert.size().height() < 100


def hostile_plan(window, payloads):
    text = " ".join(payloads)
    request = replace(
        window.document.request,
        travellers=(BOLD, "<i>Ben</i>"),
        hospital_name=text,
        hospital_address=text,
        stay_address=text,
    )
    window.document.change(request, "hostile")
    state = window.document.plan.checklist
    state = state.with_added(CustomItem("custom:1", "before", payloads[1], date(2027, 2, 1), text))
    entries = window.checklist.model
    first = entries.entry(entries.index(0, 0, entries.index(0, 0)))
    state = state.with_note(first.key, text)
    window.document.change_checklist(state, "hostile")
    server = CalendarServer(
        "https://cloud.example.org/dav/", "family", calendar_name=text, published_at=datetime(2027, 1, 4, tzinfo=UTC)
    )
    window.document.record_publish(server)
    return text, first.key


def tooltips_of(canvas: QWidget, shown: list[str], monkeypatch) -> None:
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    for y in range(0, canvas.height(), 12):
        for x in range(0, canvas.width(), 24):
            canvas.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(x, y), canvas.mapToGlobal(QPoint(x, y))))


def test_markup_in_every_field_is_shown_as_characters_in_every_view(qtbot, window, payloads, monkeypatch):
    text, noted = hostile_plan(window, payloads)
    window.grab()  # everything painted once: an image loaded from /dev/zero or the FIFO would never return

    # The status bar's calendar line.
    assert window.published_label.textFormat() == Qt.TextFormat.PlainText
    assert window.published_label.text().startswith(f"Calendar “{text}” published")

    # The agenda: its rows' tooltips and the details of every item.
    model = window.agenda.model
    tips = [str(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) for row in range(model.rowCount())]
    assert any(BOLD in seen(tip) for tip in tips)
    for tip in tips:
        assert "<b>" not in tip or seen(tip) == tip or "&lt;b&gt;" in tip
    details = []
    for row in range(model.rowCount()):
        window.agenda.table.selectRow(row)
        details.append(window.agenda.detail.toPlainText())
        assert "<img" not in window.agenda.detail.toHtml().split("<body", 1)[1]
    assert any(BOLD in detail for detail in details)

    # The checklist: the selected item's details, its tooltip and its note.
    checklist = window.checklist
    window.tabs.setCurrentWidget(checklist)
    checklist.document.select("check:custom:1")
    own = checklist.current()
    assert own is not None
    assert own.title == payloads[1]
    assert checklist.details.textFormat() == Qt.TextFormat.PlainText
    assert checklist.details.text().endswith(text)
    tip = seen(checklist.model.data(checklist.model.index_of("custom:1"), Qt.ItemDataRole.ToolTipRole))
    assert payloads[1] in tip
    assert text in tip
    note = checklist.model.index_of(noted).siblingAtColumn(checklist.model.NOTE)
    assert checklist.model.data(note, Qt.ItemDataRole.DisplayRole) == text

    # The month and the timeline: what their tooltips say.
    window.tabs.setCurrentWidget(window.month)
    window.month.grid.set_month(date(2027, 1, 1))  # the travellers' passport checks
    for canvas in (window.month.grid, window.timeline.canvas):
        window.tabs.setCurrentWidget(canvas.parentWidget())
        shown: list[str] = []
        tooltips_of(canvas, shown, monkeypatch)
        assert any(f"Check passport — {BOLD}" in seen(tip) for tip in shown), canvas
        for tip in shown:
            assert not rendered_raw(tip), tip

    assert_no_label_renders_markup(window)


def test_markup_in_every_field_is_printed_as_characters(qtbot, window, payloads):
    from pypdf import PdfReader

    from carte_planner.export.hospital_sheet import hospital_sheet
    from carte_planner.ui.printing import document_for, render_pdf

    _text, _noted = hostile_plan(window, payloads)
    for source in (document_for(window.document), hospital_sheet(window.document.journey, "en")):
        data, _pages = render_pdf(source)
        printed = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        squeezed = "".join(printed.split())
        for payload in payloads:
            assert "".join(payload.split()) in squeezed


def test_a_file_name_with_markup_is_named_as_it_is_in_the_error(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / '<b>plan <img src="x.png">.carteplan'
    path.write_text("not a plan", encoding="utf-8")
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *_args: said.append(text))
    assert not window.open_plan(str(path))
    assert len(said) == 1
    assert path.name in seen(said[0])
    assert not rendered_raw(said[0])


def test_a_calendar_name_from_the_server_is_shown_as_characters(qtbot, window, radicale, memory_keyring, tmp_path):
    from caldav.davclient import DAVClient

    from tests.caldav_server import PASSWORD, USER

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    hostile = f'<b>Family</b> <img src="/dev/zero"> <img src="{fifo}">'
    with DAVClient(url=radicale.url, username=USER, password=PASSWORD, enable_rfc6764=False) as client:
        client.principal().make_calendar(name=hostile)
    saved = tmp_path / "trip.carteplan"
    save_plan(saved, window.document.plan)  # the window publishes only a plan that keeps its record
    assert window.open_plan(saved)
    dialog = window.publish_to_server()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.find_calendars()
    qtbot.waitUntil(lambda: not dialog.busy() and "found" in dialog.result_line.text(), timeout=60_000)
    dialog.calendar.setCurrentIndex(dialog.calendar.findText(hostile))
    assert dialog.calendar.currentText() == hostile
    with qtbot.waitSignal(dialog.published, timeout=60_000):
        dialog.publish()
    qtbot.waitUntil(lambda: not dialog.busy() and "created" in dialog.result_line.text(), timeout=60_000)
    dialog.grab()
    window.grab()
    assert dialog.result_line.textFormat() == Qt.TextFormat.PlainText
    assert dialog.result_line.text().startswith(f"Published to “{hostile}”")
    assert window.published_label.text().startswith(f"Calendar “{hostile}” published")
    assert_no_label_renders_markup(dialog)
    assert_no_label_renders_markup(window)
