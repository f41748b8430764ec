"""The agenda list with a detail pane for the selected line: what to do, when, and its status."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.checklist import checklist_items
from carte_planner.domain.journey import Category, Journey, Occurrence
from carte_planner.domain.travel import CHINA_TZ
from carte_planner.i18n import tr, tr_noop
from carte_planner.i18n.text import Words
from carte_planner.ui.agenda_model import KEY_ROLE, AgendaModel
from carte_planner.ui.dates import from_qdate, long_date, medium_date, time_in_zone, to_qdate
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.editing import edit_request
from carte_planner.ui.fields import DateField
from carte_planner.ui.palette import category_name
from carte_planner.ui.plain_text import InertBrowser
from carte_planner.ui.script_text import emphasis
from carte_planner.ui.step_names import TitleOf, step

ITEM_MIN_CHARS = 22


def detail_html(journey: Journey, line: Occurrence) -> str:
    """The detail pane's text for one agenda line."""
    item = line.item
    parts = [f"<h3>{html.escape(line.title)}</h3>"]
    when = long_date(line.day) if line.end == line.day else f"{long_date(line.day)} – {long_date(line.end)}"
    parts.append(f"<p><b>{html.escape(when)}</b>")
    label = journey.day_label(line.day)
    if label:
        parts.append(f" · {html.escape(label)}")
    parts.append(f" · {html.escape(category_name(item.category))}</p>")
    if item.depart is not None and item.arrive is not None:
        home = journey.request.home_tz
        parts.append("<table cellspacing='4'>")
        parts.append(
            f"<tr><th></th><th align='left'>{html.escape(tr('Local time'))}</th>"
            f"<th align='left'>{html.escape(tr('At the same moment'))}</th></tr>"
        )
        for name, moment in ((tr("Departs"), item.depart), (tr("Lands"), item.arrive)):
            elsewhere = _other_zone(moment, home)
            parts.append(
                f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(time_in_zone(moment))}</td>"
                f"<td>{html.escape(time_in_zone(elsewhere))}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<p>{html.escape(item.description).replace(chr(10), '<br>')}</p>")
    if line.confirmed:
        parts.append(f"<p>✓ <b>{html.escape(tr('Confirmed by the hospital.'))}</b></p>")
    elif line.set_by_user:
        parts.append(
            f"<p>{html.escape(tr('Date set by you; planned for %1.').replace('%1', medium_date(line.planned)))}</p>"
        )
    elif item.assumptions:
        labels = tr(", ").join(journey.assumption_labels(item.assumptions))
        text = tr(
            "Assumed date (%1): the guide is silent, so Carte Planner assumed it. Change it to what your hospital says."
        )
        parts.append(f"<p>{emphasis(html.escape(text.replace('%1', labels)))}</p>")
    else:
        parts.append(f"<p>{emphasis(html.escape(tr('Estimated date: confirm it with your hospital.')))}</p>")
    if item.earliest and item.latest:
        parts.append(
            "<p>"
            + html.escape(
                tr("With the guide's usual length this phase would end between %1 and %2.")
                .replace("%1", medium_date(item.earliest))
                .replace("%2", medium_date(item.latest))
            )
            + "</p>"
        )
    return "".join(parts)


def _other_zone(moment: datetime, home: str) -> datetime:
    """The same instant in China's zone if it is given in the home zone, and the other way round."""
    other = home if str(moment.tzinfo) == CHINA_TZ else CHINA_TZ
    return moment.astimezone(ZoneInfo(other))


class AgendaView(QWidget):
    """Every dated line of the journey in a table; the selected one explained below it, with
    the controls to move its date or mark it confirmed by the hospital."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._shown_html = ""
        self.model = AgendaModel(document.journey, self._extra_lines(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Widths from the font, not from the contents: measuring every row on every re-plan
        # costs more than the re-plan itself.
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AgendaModel.ITEM, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(AgendaModel.DATE, metrics.horizontalAdvance("Wed, 30 Sep 2027") + 16)
        header.resizeSection(AgendaModel.DAY, metrics.horizontalAdvance("Day +100") + 16)
        header.resizeSection(AgendaModel.STATUS, metrics.horizontalAdvance("Set by you") + 20)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.setAccessibleName(tr("Agenda"))
        # Tab leaves the table for the next control; the arrow keys move within it.
        self.table.setTabKeyNavigation(False)
        self._widths = {
            AgendaModel.DATE: header.sectionSize(AgendaModel.DATE),
            AgendaModel.DAY: header.sectionSize(AgendaModel.DAY),
            AgendaModel.STATUS: header.sectionSize(AgendaModel.STATUS),
        }
        self.item_min_width = metrics.horizontalAdvance("x" * ITEM_MIN_CHARS) + 24
        self.table.viewport().installEventFilter(self)
        scroll_bar = self.table.style().pixelMetric(self.table.style().PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(self._widths[AgendaModel.DATE] + self.item_min_width + scroll_bar + 8)

        self.detail = InertBrowser()
        self.detail.setAccessibleName(tr("Details of the selected item"))
        self.detail.setTabChangesFocus(True)
        self.move_label = QLabel(tr("&New date:"))
        self.move_date = DateField()
        self.move_date.setKeyboardTracking(True)
        self.move_date.setAccessibleName(tr("New date for the selected item"))
        self.move_label.setBuddy(self.move_date)
        self.move_button = QPushButton(tr("Chan&ge date"))
        self.reset_button = QPushButton(tr("&Back to plan"))
        self.confirmed = QCheckBox(tr("C&onfirmed by the hospital"))
        # Two short rows rather than one long one: the agenda may be narrow.
        when = QHBoxLayout()
        when.addWidget(self.move_label)
        when.addWidget(self.move_date, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addLayout(when)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.confirmed)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agendaSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.move_button.clicked.connect(self._move)
        self.reset_button.clicked.connect(self._reset)
        self.confirmed.toggled.connect(self._confirm)
        document.planChanged.connect(self._journey_changed)
        document.selectionChanged.connect(self.reveal)
        self._show_detail()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """Keep the item's title readable: give up the status, then the day, before it."""
        room = width - self.item_min_width
        for column in (AgendaModel.DATE, AgendaModel.DAY, AgendaModel.STATUS):
            self.table.setColumnHidden(column, False)
        needed = sum(self._widths.values())
        for column in (AgendaModel.STATUS, AgendaModel.DAY):
            if needed > room:
                self.table.setColumnHidden(column, True)
                needed -= self._widths[column]
        self.model.set_day_in_item(self.table.isColumnHidden(AgendaModel.DAY))

    def current_line(self) -> Occurrence | None:
        row = self.model.row_of(self.document.selected)
        return self.model.line(row) if row >= 0 else None

    def _journey_changed(self) -> None:
        self.model.set_journey(self.document.journey, self._extra_lines())
        # Rows that came or went are laid out now, not on the view's next timer: the agenda is
        # repainted with the calendar, in the same turn of the event loop.
        self.table.doItemsLayout()
        self.reveal(self.document.selected)

    def _extra_lines(self) -> list:
        """Beside the plan's items: the dated checklist entries and the public holidays."""
        return [*checklist_items(self.document.checklist), *self.document.journey.holiday_items()]

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.document.select(self.model.data(current, KEY_ROLE))

    def reveal(self, key: str) -> None:
        row = self.model.row_of(key)
        blocker = QSignalBlocker(self.table.selectionModel())
        if row >= 0:
            index = self.model.index(row, AgendaModel.ITEM)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.horizontalScrollBar().setValue(0)
        else:
            self.table.clearSelection()
        del blocker
        self._show_detail()

    def _show_detail(self) -> None:
        line = self.current_line()
        movable = line is not None and (line.item.movable or line.item.recurrence is not None)
        for widget in (self.move_label, self.move_date, self.move_button):
            widget.setVisible(movable)
        self.reset_button.setVisible(movable and line is not None and line.set_by_user)
        self.confirmed.setEnabled(line is not None)
        self.confirmed.setVisible(line is None or line.item.category not in (Category.CHECKLIST, Category.HOLIDAY))
        with QSignalBlocker(self.confirmed):
            self.confirmed.setChecked(bool(line and line.confirmed))
        if line is None:
            self._shown_html = ""
            self.detail.setHtml(
                "<p>"
                + tr(
                    "Select an item in the agenda, the calendar or the timeline to see what to do "
                    "and bring, and to move its date or mark it confirmed by the hospital."
                )
                + "</p>"
            )
            return
        html_text = detail_html(self.document.journey, line)
        if html_text != self._shown_html:
            self._shown_html = html_text
            self.detail.setHtml(html_text)
        self.move_date.setDate(to_qdate(line.day))

    def _edit(self, change, text: Words) -> None:
        edit_request(self, self.document, change, text)

    def commit_pending(self) -> None:
        """A new date typed for the selected item, not yet set with the button: set it now,
        before the plan is saved or exported without it."""
        line = self.current_line()
        if line is None or not self.move_date.isVisible() or not self.move_date.hasFocus():
            return
        self.move_date.interpretText()
        if from_qdate(self.move_date.date()) != line.day:
            self._move()

    def _move(self) -> None:
        line = self.current_line()
        if line is not None:
            when = from_qdate(self.move_date.date())
            self._edit(lambda r: r.with_moved(line.key, when), step(tr_noop("Move %1"), TitleOf(line)))

    def _reset(self) -> None:
        line = self.current_line()
        if line is not None:
            self._edit(lambda r: r.with_moved(line.key, None), step(tr_noop("Move %1 back"), TitleOf(line)))

    def _confirm(self, checked: bool) -> None:
        line = self.current_line()
        if line is None:
            return
        key = line.key
        text = tr_noop("Mark %1 as confirmed") if checked else tr_noop("Mark %1 as estimated")
        self._edit(lambda r: r.with_confirmed(key, checked), step(text, TitleOf(line)))
