"""The top of the window: the journey in one paragraph, the estimate note and the notices."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from carte_planner.domain.eligibility import go_no_go, not_eligible
from carte_planner.domain.journey import Journey, Severity
from carte_planner.domain.return_odds import ReturnOdds
from carte_planner.i18n import current_language, ntr, tr
from carte_planner.ui.accessible import announce
from carte_planner.ui.dates import medium_date, to_qdate
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.fields import edit_date_format
from carte_planner.ui.palette import focus_colour
from carte_planner.ui.plain_text import InertDocument
from carte_planner.ui.script_text import emphasis, paragraph

# Background, text and border: dark text on light tints, readable in light and dark themes.
WARNING_COLOURS = ("#FFF3CD", "#4D3800", "#E0B000")
CHECK_COLOURS = ("#E3F0FB", "#0B3558", "#7FB2DD")
NOTICE_LINES = 3  # shown at once; more scroll
# How long the text must have needed fewer lines, with no edit in between, before the summary
# gives back the height it held: long enough that a family dragging a value sees nothing move.
SHRINK_AFTER_MS = 4000


class RichText(QWidget):
    fitted = Signal()  # the height now follows the text at this width

    """Rich text in a fixed-height box that repaints itself and nothing else.

    A QLabel asks its parent to re-lay out whenever its text changes; the summary changes on
    every edit, and that request reached the main window and repainted all of it.
    """

    def __init__(self, lines: int, padding: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = InertDocument(self)
        self._document.setDocumentMargin(padding)
        self._style = ""
        # What was set and what it reads as: the summary sets the same text after most edits.
        self._html = ""
        self._plain = ""
        self.outlined = False  # drawn with a focus frame: its scroll area has the focus
        # The tallest the text has needed since the last release. The numbers in the text wrap
        # it to a line more or less from one edit to the next; holding the height keeps the
        # views below from jumping while a value is dragged.
        self._held = 0
        self._needed = 0
        # Released by its own owner when false: a scroll bar appearing beside it narrows it.
        self.release_on_resize = True
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * padding + 6)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _fit_height(self) -> None:
        """At least as tall as the text at this width, so the estimate note is never cut off.
        Set only when it changes: a new height re-lays out the window."""
        width = max(self.width(), 50)
        if self._document.textWidth() != width:
            self._document.setTextWidth(width)
        self._needed = max(int(self._document.size().height()) + 2, self.fontMetrics().lineSpacing())
        self._held = max(self._held, self._needed)
        if self._held != self.height():
            self.setFixedHeight(self._held)
        self.fitted.emit()

    def release(self) -> None:
        """Give back the height held for a longer text: as tall as this text needs, no more."""
        self._held = 0
        self._fit_height()

    def holds_more(self) -> bool:
        """Taller than its text needs, for a text that needed more before."""
        return self._needed < self._held

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            if self.release_on_resize:
                self._held = 0
            self._fit_height()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Another font wraps the text differently: lay it out in this one and fit it afresh.
            self._document.setDefaultFont(self.font())
            self.release()

    def height_of_lines(self, count: int) -> int:
        """The height that shows the first `count` lines whole and nothing of the next."""
        seen = 0
        block = self._document.begin()
        layout_of = self._document.documentLayout()
        while block.isValid():
            lines = block.layout()
            top = layout_of.blockBoundingRect(block).top()
            for index in range(lines.lineCount()):
                seen += 1
                if seen == count:
                    line = lines.lineAt(index)
                    # Cut at the line's foot: a margin below it would show part of the next.
                    return int(top + line.y() + line.height())
            block = block.next()
        return self.height()

    def text(self) -> str:
        return self._plain

    def html_text(self) -> str:
        return self._html

    def setText(self, html_text: str) -> None:
        if self._document.defaultFont() != self.font():
            self._document.setDefaultFont(self.font())
        self._document.setHtml(html_text)
        self._html = html_text
        self._plain = self._document.toPlainText()
        self.setAccessibleDescription(self._plain)
        self._fit_height()
        self.update()

    def set_colours(self, background: str | None, text: str | None, border: str | None) -> None:
        self._colours = (background, text, border)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        background, text, border = getattr(self, "_colours", (None, None, None))
        if background:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(border or background))
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 4, 4)
        if self._document.textWidth() != self.width():
            # Set only when it changed: setting it lays the whole text out again.
            self._document.setTextWidth(self.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(text) if text else self.palette().text().color())
        self._document.documentLayout().draw(painter, context)
        if self.outlined:
            painter.setPen(QPen(focus_colour(self.palette()), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()


class NoticesArea(QScrollArea):
    """The warnings, scrolled within a few lines: a Tab stop of its own, so that a keyboard or
    screen reader user reaches them and scrolls them with the arrows; outlined while it has
    the focus."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._outline()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._outline()

    def _outline(self) -> None:
        text = self.widget()
        if isinstance(text, RichText):
            text.outlined = self.hasFocus()
            text.update()


class SummaryBar(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = RichText(lines=3)
        self.summary.setAccessibleName(tr("Summary of the journey"))
        self.notices = RichText(lines=3, padding=5)
        self.notices.setObjectName("notices")
        self.notices.setAccessibleName(tr("Warnings and things to check"))
        # Many warnings scroll within a few lines instead of pushing the calendar off a small
        # screen; the summary above, with the estimate note, is always whole.
        self.notices_area = NoticesArea()
        self.notices_area.setAccessibleName(tr("Warnings and things to check"))
        self.notices_area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.notices_area.setWidget(self.notices)
        self.notices_area.setWidgetResizable(True)
        self.notices_area.setFrameShape(QFrame.Shape.NoFrame)
        self.notices_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notices_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.notices.release_on_resize = False
        self._notices_held = 0
        self.notices.fitted.connect(self._fit_notices)
        self._shrink = QTimer(self)
        self._shrink.setSingleShot(True)
        self._shrink.setInterval(SHRINK_AFTER_MS)
        self._shrink.timeout.connect(self.release)
        self._language = current_language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.notices_area)
        self._shown = False
        # A "what if" question open beside the agenda: its words and what it would break.
        self._what_if: tuple[str, list[str]] | None = None
        document.journeyChanged.connect(self.refresh)
        self.refresh()

    def _fit_notices(self) -> None:
        needed = min(self.notices.height(), self.notices.height_of_lines(NOTICE_LINES))
        self._notices_held = max(self._notices_held, needed)
        if self.notices_area.height() != self._notices_held:
            self.notices_area.setFixedHeight(self._notices_held)

    def _notices_hold_more(self) -> bool:
        return min(self.notices.height(), self.notices.height_of_lines(NOTICE_LINES)) < self._notices_held

    def release(self) -> None:
        """As tall as the summary and the notices need now: for a new width, font, language or
        plan, and once their text has needed less for a while."""
        self._shrink.stop()
        self._notices_held = 0
        self.summary.release()
        self.notices.release()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.release()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self.release()

    def refresh(self) -> None:
        self._refresh_text()
        # Another language, or a plan just opened or new (its history is empty): the heights
        # held for the last plan's words mean nothing for these.
        if current_language() != self._language or self.document.undo_stack.count() == 0:
            self._language = current_language()
            self.release()
        elif self.summary.holds_more() or self.notices.holds_more() or self._notices_hold_more():
            self._shrink.start()  # again after every edit: no shrinking while one follows another
        else:
            self._shrink.stop()

    def _refresh_text(self) -> None:
        journey = self.document.journey
        summary = journey.summary
        request = journey.request
        low, high = summary.clearance_range
        scenario = {"shortest": tr("shortest"), "typical": tr("typical"), "longest": tr("longest")}[
            request.scenario.value
        ]
        facts = [
            tr("<b>%1</b> · %2 scenario")
            .replace("%1", html.escape(journey.city.local_label(current_language()), quote=False))
            .replace("%2", scenario),
            tr("First hospital day <b>%1</b>").replace("%1", medium_date(request.start)),
            tr("Day 0 (infusion) <b>%1</b>").replace("%1", medium_date(journey.day_zero)),
            tr("Fit-to-fly check about <b>%1</b> (between %2 and %3)")
            .replace("%1", medium_date(summary.clearance))
            .replace("%2", medium_date(low))
            .replace("%3", medium_date(high)),
            ntr("{n} day in China", "{n} days in China", summary.days_in_china)
            + tr(", ")
            + ntr("{n} day in hospital", "{n} days in hospital", summary.inpatient_days)
            + tr(", ")
            + tr("%1 weeks from the first hospital day to the check").replace(
                "%1", QLocale().toString(summary.weeks_to_clearance, "f", 1)
            ),
        ]
        note = html.escape(journey.estimate_note, quote=False)
        # The return date as odds beside the estimate note, on the line the window already
        # gives it; the assumption they rest on in the tooltip and the spoken description.
        odds = self.document.return_odds
        summary_before = self.summary.text()
        _set_text(self.summary, paragraph(" · ".join(facts) + f"<br>{emphasis(note + ' ' + _odds_line(odds))}"))
        assumption = str(odds.assumption_words)
        if self.summary.toolTip() != assumption:
            self.summary.setToolTip(assumption)
        self.summary.setAccessibleDescription(f"{self.summary.text()}\n{assumption}")
        lines = []
        ordered = sorted(journey.notices, key=lambda n: n.severity is not Severity.WARNING)
        warnings = sum(1 for n in ordered if n.severity is Severity.WARNING)
        for notice in ordered:
            mark = "⚠" if notice.severity is Severity.WARNING else "ℹ"
            lines.append(f"{mark} {html.escape(notice.message, quote=False)}")
        # The go/no-go point, first after the warnings: a family reads it before booking.
        lines.insert(warnings, f"ℹ {html.escape(go_no_go_text(journey), quote=False)}")
        if self._what_if is not None:
            # The question's breaks first, set apart from the plan's own warnings below them.
            question, broken = self._what_if
            heading = tr("What if… {question} (not in the plan):").format(question=question)
            lines = [
                f"<b>{html.escape(heading, quote=False)}</b>",
                *(f"&nbsp;&nbsp;⚠ {html.escape(line, quote=False)}" for line in broken),
                *([] if broken else [f"&nbsp;&nbsp;{html.escape(tr('Nothing breaks.'), quote=False)}"]),
                f"<b>{html.escape(tr('The plan as it is:'), quote=False)}</b>",
                *lines,
            ]
        self.notices_area.setVisible(bool(lines))
        before = self.notices.text()
        _set_text(self.notices, paragraph("<br>".join(lines)))
        self.notices_area.setAccessibleDescription(self.notices.text())
        if self._shown and self.notices.text() != before:
            # Said once per change, only what is new: a screen reader user hears a new warning
            # the moment an edit causes it.
            new = [line for line in self.notices.text().splitlines() if line not in before.splitlines()]
            gone = tr("No more warnings.") if not self.notices.text() else ""
            announce(self.notices, "\n".join(new) or gone)
        elif self._shown and self.summary.text() != summary_before:
            announce(self.summary, self.summary.text().splitlines()[0] if self.summary.text() else "")
        self._shown = True
        has_warning = any(n.severity is Severity.WARNING for n in journey.notices) or bool(
            self._what_if and self._what_if[1]
        )
        # A style sheet on this one label only: an application-wide one slows every widget.
        self.notices.set_colours(*(WARNING_COLOURS if has_warning else CHECK_COLOURS))

    def set_what_if(self, question: tuple[str, list[str]] | None) -> None:
        """Show a question's breaks (none: "Nothing breaks.") above the plan's own warnings; None
        gives the plan's alone."""
        if question != self._what_if:
            self._what_if = question
            self.refresh()


def go_no_go_text(journey: Journey) -> str:
    """When eligibility is known, the bookings to keep changeable until then, and the return
    and lodging nights if the answer is "not eligible"."""
    point, path = go_no_go(journey), not_eligible(journey)
    text = tr("Eligibility is confirmed at screening, by {day}. Until then keep these changeable:").format(
        day=medium_date(point.decision_day)
    )
    if point.keep_changeable:
        text += " " + tr(", ").join(item.title for item in point.keep_changeable)
    return (
        text
        + " · "
        + tr("If not eligible: return from {day}, {needed} of the {planned} lodging nights needed.").format(
            day=medium_date(path.earliest_return), needed=path.nights_needed, planned=path.nights_planned
        )
    )


def _set_text(label: RichText, text: str) -> None:
    """Only a text that changed is set: a new text re-lays out the window around the label."""
    if label.html_text() != text:
        label.setText(text)


def odds_day(day: date) -> str:
    """A date without its weekday: three of them share the estimate note's line."""
    locale = QLocale()
    return locale.toString(to_qdate(day), edit_date_format(locale))


def _odds_line(odds: ReturnOdds) -> str:
    """The return date's P50, P80 and P95 in one short line; one date when every phase is fixed."""
    if odds.p50 == odds.p95:
        return tr("Return date (assumed): <b>%1</b>").replace("%1", odds_day(odds.p50))
    return (
        tr("Return date, assumed odds: P50 <b>%1</b> · P80 <b>%2</b> · P95 <b>%3</b>")
        .replace("%1", odds_day(odds.p50))
        .replace("%2", odds_day(odds.p80))
        .replace("%3", odds_day(odds.p95))
    )
