"""The timeline: the whole journey in lanes, phases with the band of their usual lengths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from carte_planner.domain.journey import Category, Journey, JourneyItem, Occurrence
from carte_planner.domain.office_days import holiday_runs
from carte_planner.domain.people import ROLE_WORDS
from carte_planner.domain.return_odds import ReturnOdds, assumption_words
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n import tr, tr_noop
from carte_planner.i18n.text import Words, say
from carte_planner.ui.accessible import AccessibleCanvas, AccessibleItem, install_accessibility
from carte_planner.ui.canvas import JourneyCanvas, tool_button
from carte_planner.ui.dates import day_span_label, medium_date
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.legend import Legend
from carte_planner.ui.month_view import measured, month_title
from carte_planner.ui.palette import (
    category_colour,
    chip_fill,
    focus_colour,
    holiday_tint,
    readable_on,
    text_colour_on,
)

LANES = (
    (tr_noop("Preparation"), (Category.PREPARATION, Category.VISA)),
    (tr_noop("Travel and stay"), (Category.FLIGHT, Category.ACCOMMODATION)),
    (
        tr_noop("Treatment"),
        (Category.PHASE, Category.MILESTONE, Category.OUTPATIENT_VISIT),
    ),
    (tr_noop("Follow-up at home"), (Category.HOME_FOLLOWUP,)),
)
# A traveller's own lane: their stay, flights, registrations, extensions and held passport.
PERSONAL = (Category.VISA, Category.FLIGHT, Category.ACCOMMODATION)
MIN_DAY_WIDTH = 0.5
LABEL_ROOM = 130  # pixels beside a short bar kept free for its name
MAX_DAY_WIDTH = 80.0
# Pixels beyond the visible part still drawn: antialiased edges and pens reach past a shape.
CULL_MARGIN = 4


def lanes(journey: Journey) -> list[tuple[str | Words, Callable[[JourneyItem], bool]]]:
    """The timeline's lanes: preparation, the shared travel and stay, treatment, one lane per
    traveller for what is their own (the preparation steps stay in the first lane), follow-up.
    The travellers' lanes come after treatment, which stays in view at the top."""
    names = [plan.person.name for plan in journey.travellers]

    def own(item: JourneyItem) -> bool:
        return item.traveller in names and item.category in PERSONAL and not item.key.startswith("prep:")

    def shared(categories: tuple[Category, ...]) -> Callable[[JourneyItem], bool]:
        return lambda item: item.category in categories and not own(item)

    def personal(name: str) -> Callable[[JourneyItem], bool]:
        return lambda item: own(item) and item.traveller == name

    result: list[tuple[str | Words, Callable[[JourneyItem], bool]]] = []
    for title, categories in LANES:
        result.append((say(title), shared(categories)))
        if categories == LANES[2][1]:
            for plan in journey.travellers:
                name = plan.person.name
                role = say(ROLE_WORDS[plan.person.role])
                result.append((say("{traveller} ({role})", traveller=traveller_words(name), role=role), personal(name)))
    return result


@dataclass(frozen=True)
class Bar:
    rect: QRectF
    line: Occurrence


class TimelineCanvas(JourneyCanvas, AccessibleCanvas, QWidget):
    """Paints the journey on a day axis. Reads the journey's lines and the phases' bands.
    `walked_to` carries the key of a bar reached with the keyboard, to scroll to it."""

    walked_to = Signal(str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.day_width = 6.0
        self._bars: list[Bar] = []
        self._lane_tops: list[tuple[str, float, float]] = []
        self._origin = self._last = date.today()
        self._height = 0.0
        self._dirty = True
        # A "what if" question being looked at: the new first day of each line it moves.
        self._what_if: dict[str, date] = {}
        self._odds: ReturnOdds | None = None
        self._laid_out: Journey | None = None  # the journey the bars were laid out for
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(tr("Timeline of the journey"))
        install_accessibility()
        document.journeyChanged.connect(self._invalidate)
        # A method, not lambdas: Qt drops the connection when the canvas goes (another
        # language builds the views again around the same document).
        document.selectionChanged.connect(self._selection_moved)

    def _selection_moved(self, _key: str) -> None:
        self.update()
        self.announce_selection()

    # -- geometry -------------------------------------------------------------------------
    def origin(self) -> date:
        if self._dirty:
            self._layout()
        return self._origin

    def last_day(self) -> date:
        if self._dirty:
            self._layout()
        return self._last

    def forward_x(self, day: date) -> float:
        return (day - self.origin()).days * self.day_width

    def x_of(self, day: date) -> float:
        """Where `day` begins: time runs leftwards in a right-to-left language."""
        forward = self.forward_x(day)
        return self.forward_x(self.last_day()) - forward if self.isRightToLeft() else forward

    def span_x(self, first: date, after: date) -> tuple[float, float]:
        """The left and right edges of the days from `first` up to, not including, `after`."""
        a, b = self.x_of(first), self.x_of(after)
        return min(a, b), max(a, b)

    def _row_height(self) -> float:
        return QFontMetrics(self.font()).height() + 8

    def _header_height(self) -> float:
        return 2 * QFontMetrics(self.font()).height() + 10

    def _invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.adjustSize()
            self.update()

    def showEvent(self, event) -> None:
        # Changes made while the timeline was hidden are laid out when it shows.
        if self._dirty:
            self.adjustSize()
        super().showEvent(event)

    def set_what_if(self, moves: dict[str, date | None]) -> None:
        """Show where the question would move each line, as an outline beside its bar."""
        shown = {key: day for key, day in moves.items() if day is not None}
        if shown != self._what_if:
            self._what_if = shown
            self._invalidate()

    def what_if_rects(self) -> list[tuple[str, QRectF]]:
        """The outlines of the lines a question moves, at their new dates (key, rectangle)."""
        if self._dirty:
            self._layout()
        rects = []
        for bar in self._bars:
            new = self._what_if.get(bar.line.key)
            if new is not None:
                shift = self.x_of(new) - self.x_of(bar.line.day)
                rects.append((bar.line.key, bar.rect.translated(shift, 0)))
        return rects

    def odds_band(self) -> QRectF:
        """The days from the return date's P50 to its P95 (assumed odds), under the header."""
        if self._dirty:
            self._layout()
        assert self._odds is not None
        left, right = self.span_x(self._odds.p50, self._odds.p95 + timedelta(days=1))
        header = self._header_height()
        return QRectF(left, header, right - left, self._height - header)

    def set_day_width(self, width: float) -> None:
        day_width = min(max(width, MIN_DAY_WIDTH), MAX_DAY_WIDTH)
        if day_width == self.day_width and not self._dirty and self._laid_out is self.document.journey:
            return  # this journey is laid out at this width already: a trip moved, its length kept
        self.day_width = day_width
        self._invalidate()

    def _layout(self) -> None:
        """Lanes one under another, each with its title row. Every phase has a row of its own
        (a staircase, with room for its band); other items share rows where they do not meet."""
        journey = self.document.journey
        self._laid_out = journey
        lines = journey.occurrences()
        self._origin = min(item.start for item in journey.items) - timedelta(days=7)
        self._last = max(max(line.end for line in lines), journey.summary.return_range[1], *self._what_if.values())
        self._last += timedelta(days=14)
        self._odds = self.document.return_odds
        self.setAccessibleDescription(
            tr("Shaded: the return date between %1 (P50) and %2 (P95), assumed odds.")
            .replace("%1", medium_date(self._odds.p50))
            .replace("%2", medium_date(self._odds.p95))
        )
        self._dirty = False  # x_of() below reads the origin just set
        row_h = self._row_height()
        title_h = QFontMetrics(self._title_font()).height() + 4
        y = self._header_height()
        self._bars = []
        self._lane_tops = []
        for title, belongs in lanes(journey):
            lane_top = y
            rows: list[date] = []  # the last day taken in each row
            series_rows: dict[str, int] = {}
            in_lane = sorted(
                (line for line in lines if belongs(line.item)),
                key=lambda line: (line.item.category is not Category.PHASE, line.item.recurrence is None, line.day),
            )
            for line in in_lane:
                if line.item.category is Category.PHASE:
                    row = len(rows)
                    rows.append(date.max)
                elif line.item.recurrence is not None:
                    # All visits of one series on one row, like beads on a string.
                    if line.item.key not in series_rows:
                        series_rows[line.item.key] = len(rows)
                        rows.append(date.max)
                    row = series_rows[line.item.key]
                else:
                    # Leave room for a label beside a short bar.
                    end = line.end + timedelta(days=max(int(LABEL_ROOM / self.day_width), 1))
                    row = next((i for i, last in enumerate(rows) if last < line.day), len(rows))
                    if row == len(rows):
                        rows.append(end)
                    else:
                        rows[row] = end
                left, right = self.span_x(line.day, max(line.end, line.day) + timedelta(days=1))
                width = right - left
                rect = QRectF(left, lane_top + title_h + row * row_h + 3, max(width, 4.0), row_h - 6)
                self._bars.append(Bar(rect, line))
            height = title_h + max(len(rows), 1) * row_h + 6
            self._lane_tops.append((str(title), lane_top, height))
            y += height
        self._height = y + 4
        self._dirty = False

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        if self._dirty:
            self._layout()
        return QSize(int(self.forward_x(self.last_day())) + 1, int(self._height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def bars(self) -> list[Bar]:
        if self._dirty:
            self._layout()
        return list(self._bars)

    def accessible_items(self) -> list[AccessibleItem]:
        selected = self.document.selected
        return [
            AccessibleItem.of_line(
                ("✓ " if bar.line.confirmed else "") + bar.line.title,
                bar.line,
                bar.rect,
                selected,
                self.document.journey,
            )
            for bar in self.bars()
        ]

    def bar_at(self, x: float, y: float) -> Bar | None:
        return next((bar for bar in self.bars() if bar.rect.adjusted(-2, 0, 2, 0).contains(QPointF(x, y))), None)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if self._dirty:
            self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        journey = self.document.journey
        painter.fillRect(event.rect(), palette.base())
        metrics = measured(self.font())
        header = self._header_height()
        visible = event.rect()

        # Lane backgrounds, alternating, with the lane's name at the visible left edge.
        for index, (_title, top, height) in enumerate(self._lane_tops):
            if index % 2:
                painter.fillRect(QRectF(visible.left(), top, visible.width(), height), palette.alternateBase())

        self._paint_holidays(painter, header, visible)

        # The return date's P50 to P95: a faint column, behind the bars.
        odds = QColor(category_colour(Category.FLIGHT))
        odds.setAlpha(40)
        painter.fillRect(self.odds_band().intersected(QRectF(visible)), odds)

        # Month boundaries and names.
        painter.setPen(QPen(palette.mid().color()))
        locale = QLocale()
        day = self.origin().replace(day=1)
        # Only what the visible part shows is drawn (Qt would clip the rest): the canvas is
        # years wide, the window months.
        seen_left, seen_right = visible.left() - CULL_MARGIN, visible.right() + CULL_MARGIN
        while day <= self.last_day():
            x = self.x_of(day)
            following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            if max(x, self.x_of(following)) < seen_left or min(x, self.x_of(following)) > seen_right:
                day = following
                continue
            painter.drawLine(QPointF(x, metrics.height() + 4), QPointF(x, self.height()))
            month_room = int(abs(self.x_of(following) - x)) - 6
            name = month_title(locale, day, short=True)
            if metrics.horizontalAdvance(name) > month_room:
                # Zoomed out, or a language with long month names: the month alone, cut short.
                short = locale.monthName(day.month, QLocale.FormatType.ShortFormat)
                name = metrics.elidedText(short, Qt.TextElideMode.ElideRight, max(month_room, 0))
            painter.setPen(palette.text().color())
            if self.isRightToLeft():
                painter.drawText(QPointF(x - 3 - metrics.horizontalAdvance(name), metrics.ascent() + 2), name)
            else:
                painter.drawText(QPointF(x + 3, metrics.ascent() + 2), name)
            painter.setPen(QPen(palette.mid().color()))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)

        # Bars: a band for a phase's usual range, then the planned bar on top.
        selected = self.document.selected
        small = QFont(self.font())
        painter.setFont(small)
        for bar in self._bars:
            line = bar.line
            earliest, latest = line.item.earliest, line.item.latest
            ranged = bool(earliest and latest and not line.confirmed)
            if not self._in_sight(bar, ranged, visible):
                continue
            colour = category_colour(line.item.category)
            if ranged and earliest and latest:
                band = QColor(colour)
                band.setAlpha(70)
                left, right = self.span_x(earliest, latest + timedelta(days=1))
                painter.fillRect(QRectF(left, bar.rect.top(), right - left, bar.rect.height()), band)
            fill = chip_fill(line.item.category, line.item.busy, palette)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(bar.rect, 3, 3)
            if line.key == selected:
                painter.setPen(QPen(focus_colour(palette), 3 if self.hasFocus() else 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(bar.rect.adjusted(-1, -1, 1, 1), 3, 3)
            text = ("✓ " if line.confirmed else "") + line.title
            count = day_span_label(journey, line.day, line.day)
            if count:
                text = f"{count} · {text}"  # the hospital's count first: a bar's start is its Day ±N
            room = bar.rect.width() - 6
            if room > metrics.horizontalAdvance(text) or room > metrics.horizontalAdvance("M") * 8:
                painter.setPen(text_colour_on(fill))
                painter.drawText(
                    bar.rect.adjusted(3, 0, -3, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room)),
                )
            elif line.item.recurrence is None:
                # A short bar: its name beside it, in the room its row leaves.
                room = max(int(LABEL_ROOM / self.day_width), 1) * self.day_width - 4
                painter.setPen(palette.text().color())
                painter.drawText(
                    QRectF(bar.rect.right() + 3, bar.rect.top(), room, bar.rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room)),
                )

        # Where a "what if" question would move each line: a dashed outline at the new date.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.text().color(), 1, Qt.PenStyle.DashLine))
        for _key, rect in self.what_if_rects():
            painter.drawRoundedRect(rect, 3, 3)

        # Today and Day 0.
        for day, label, colour in (
            (journey.today, tr("Today"), palette.highlight().color()),
            (journey.day_zero, tr("Day 0"), category_colour(Category.MILESTONE)),
        ):
            left, right = self.span_x(day, day + timedelta(days=1))
            x = (left + right) / 2
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, header - 4), QPointF(x, self.height()))
            painter.setPen(readable_on(colour, palette.base().color()))
            painter.drawText(QPointF(x + 3, header - 6), label)

        if self.hasFocus() and not selected:
            # Nothing selected yet: the focus shows as a frame round the visible part.
            painter.setPen(QPen(focus_colour(palette), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(visible).adjusted(1, 1, -1, -1))

        # Lane names in their title rows, at the visible left edge.
        painter.setPen(palette.text().color())
        painter.setFont(self._title_font())
        for title, top, _height in self._lane_tops:
            painter.drawText(QPointF(visible.left() + 4, top + QFontMetrics(self._title_font()).ascent() + 2), title)
        painter.end()

    def _in_sight(self, bar: Bar, ranged: bool, visible: QRect) -> bool:
        """Whether any of a bar, its usual range or the name beside it falls in `visible`."""
        rect = bar.rect
        left, right = rect.left(), rect.right() + 3 + max(int(LABEL_ROOM / self.day_width), 1) * self.day_width
        earliest, latest = bar.line.item.earliest, bar.line.item.latest
        if ranged and earliest and latest:
            band_left, band_right = self.span_x(earliest, latest + timedelta(days=1))
            left, right = min(left, band_left), max(right, band_right)
        return not (
            right < visible.left() - CULL_MARGIN
            or left > visible.right() + CULL_MARGIN
            or rect.bottom() < visible.top() - CULL_MARGIN
            or rect.top() > visible.bottom() + CULL_MARGIN
        )

    def _paint_holidays(self, painter: QPainter, header: float, visible: QRect) -> None:
        """Public holidays as a wash over their days, each run of days named at its top."""
        journey = self.document.journey
        if not journey.holidays:
            return
        palette = self.palette()
        metrics = measured(self.font())
        tint = holiday_tint(palette)
        for first, last, name in holiday_runs(journey.holidays):
            left, right = self.span_x(first, last + timedelta(days=1))
            if right < visible.left() - CULL_MARGIN or left > visible.right() + CULL_MARGIN:
                continue
            # Cut to the visible part first: the canvas is as tall as all its lanes, and a
            # translucent fill costs by its whole area, whatever is clipped.
            painter.fillRect(
                QRectF(left, header, right - left, self.height() - header).intersected(QRectF(visible)), tint
            )
            room = right - left - 4
            if room > metrics.averageCharWidth() * 4:
                painter.setPen(palette.text().color())
                painter.drawText(
                    QRectF(left + 2, header, room, metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(room)),
                )

    # -- input ----------------------------------------------------------------------------
    def day_at(self, x: float, y: float) -> date | None:
        if y < self._header_height() or self.day_width <= 0:
            return None
        if self.isRightToLeft():
            x = self.forward_x(self.last_day()) - x
        return self.origin() + timedelta(days=int(x // self.day_width))

    def line_at(self, x: float, y: float) -> Occurrence | None:
        found = self.bar_at(x, y)
        return found.line if found is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left and Right (or Up and Down) walk through the bars in date order; Home and End
        go to the first and the last."""
        keys = [line.key for line in self.document.journey.occurrences()]
        key = event.key()
        current = keys.index(self.document.selected) if self.document.selected in keys else -1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            index = current + 1
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            index = current - 1 if current >= 0 else 0
        elif key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(keys) - 1
        else:
            super().keyPressEvent(event)
            return
        if 0 <= index < len(keys):
            self.document.select(keys[index])
            # Also when the bar was selected already but scrolled out of sight.
            self.walked_to.emit(keys[index])


class TimelinePage(QWidget):
    """The timeline in a scroll area, with zoom buttons and the legend."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = TimelineCanvas(document)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAccessibleName(tr("Timeline"))
        self.zoom_out_button = tool_button("−", tr("Zoom out (Ctrl+minus)"), tr("Zoom out"))
        self.zoom_in_button = tool_button("+", tr("Zoom in (Ctrl+plus)"), tr("Zoom in"))
        self.fit_button = tool_button(tr("Fit the trip"), "", tr("Fit the trip to the window"))
        bar = QHBoxLayout()
        note = QLabel(tr("Lighter bands: the shortest to the longest usual length of each phase."))
        note.setWordWrap(True)
        odds_note = QLabel(tr("Shaded column: the return date from its P50 to its P95 (assumed odds)."))
        odds_note.setWordWrap(True)
        odds_note.setToolTip(str(assumption_words()))
        self.odds_note = odds_note
        bar.addWidget(note, 1)
        bar.addWidget(odds_note, 1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(Legend())
        self.zoom_in_button.clicked.connect(lambda: self.zoom(1.5))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / 1.5))
        self.fit_button.clicked.connect(self.fit)
        document.selectionChanged.connect(self.reveal)
        self.canvas.walked_to.connect(self.reveal)
        document.journeyChanged.connect(self._journey_changed)
        self.scroll_area.viewport().installEventFilter(self)
        self._fitted = False
        self._start = document.request.start

    def _journey_changed(self) -> None:
        """A new first hospital day: show the whole trip again, where it now is."""
        if self.document.request.start != self._start:
            self._start = self.document.request.start
            if self.isVisible():
                self.fit()
            else:
                self._fitted = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit()

    def fit(self) -> None:
        """Show from the first preparation step to the return, filling the width."""
        journey = self.document.journey
        first = min(item.start for item in journey.items) - timedelta(days=3)
        last = journey.summary.return_range[1] + timedelta(days=10)
        width = max(self.scroll_area.viewport().width(), 200)
        self.canvas.set_day_width(width / max((last - first).days, 1))
        self.scroll_area.horizontalScrollBar().setValue(int(self.canvas.forward_x(first)))

    def zoom(self, factor: float) -> None:
        bar = self.scroll_area.horizontalScrollBar()
        centre_day = (bar.value() + self.scroll_area.viewport().width() / 2) / self.canvas.day_width
        self.canvas.set_day_width(self.canvas.day_width * factor)
        bar.setValue(int(centre_day * self.canvas.day_width - self.scroll_area.viewport().width() / 2))

    def reveal(self, key: str) -> None:
        bar = next((b for b in self.canvas.bars() if b.line.key == key), None)
        if bar is not None:
            self.scroll_area.ensureVisible(int(bar.rect.center().x()), int(bar.rect.center().y()), 80, 40)

    def eventFilter(self, watched, event) -> bool:
        if isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            return True
        return super().eventFilter(watched, event)
