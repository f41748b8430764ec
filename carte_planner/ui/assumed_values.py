"""The request's values the guide does not give: each shown as assumed until the user sets it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time

from PySide6.QtCore import QSignalBlocker, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from carte_planner.domain.assumptions import (
    CHEMOTHERAPY_DAYS,
    DAY0_OFFSET,
    EARLY_HOME_FOLLOWUP,
    HANDOVER_OVERLAP,
    HOME_FOLLOWUP_RHYTHM,
    RETURN_FLIGHT_TIME,
    VISA_PROCESSING_DAYS,
    VISIT_RHYTHM,
    Settings,
    day_number_text,
    followup_rhythm_text,
    resolve_settings,
)
from carte_planner.domain.people import HANDOVER_LIMITS
from carte_planner.domain.protocol import VISIT_RHYTHMS, FollowupStage
from carte_planner.domain.request import (
    CHEMOTHERAPY_DAY_LIMITS,
    DAY0_OFFSET_LIMITS,
    VISA_PROCESSING_LIMITS,
    WEEKDAY_CHOICES,
    TripRequest,
)
from carte_planner.i18n import ntr, tr
from carte_planner.i18n.text import Words, say
from carte_planner.ui.counted import counted_suffix, refresh_unit
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.fields import TimeField

Commit = Callable[[Callable[[TripRequest], TripRequest], Words], bool]

# Home follow-up rhythms offered besides the data file's, as (every months, until month) stages.
FOLLOWUP_PRESETS: tuple[tuple[tuple[int, int], ...], ...] = (
    ((1, 6), (3, 24), (12, 240)),
    ((1, 12), (3, 24), (12, 240)),
    ((1, 3), (3, 24), (12, 240)),
    ((1, 6), (6, 24), (12, 240)),
    ((3, 24), (12, 240)),
)


def _rhythm_names() -> dict[str, str]:
    return {
        "twice-weekly": tr("Twice a week"),
        "weekly": tr("Once a week"),
        "every-two-weeks": tr("Every two weeks"),
    }


def _weekday_names() -> dict[str, str]:
    names = [tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday")]
    names += [tr("Friday"), tr("Saturday"), tr("Sunday")]
    return dict(zip(WEEKDAY_CHOICES, names, strict=True))


def _stages_text(stages: tuple[tuple[int, int], ...]) -> str:
    text = str(followup_rhythm_text(tuple(FollowupStage(every, until, "") for every, until in stages)))
    return text[:1].upper() + text[1:]


def stages_key(stages: tuple[tuple[int, int], ...]) -> str:
    """ "1:6,3:24,12:240": a combo box's data, since Qt compares Python tuples by identity."""
    return ",".join(f"{every}:{until}" for every, until in stages)


def stages_from_key(key: str) -> tuple[tuple[int, int], ...]:
    pairs = (part.split(":") for part in key.split(","))
    return tuple((int(every), int(until)) for every, until in pairs)


def fit_weekdays(weekdays: tuple[str, ...] | None, rhythm: str) -> tuple[str, ...] | None:
    """The user's weekdays cut to what a rhythm takes, so changing the rhythm is never refused."""
    if weekdays is None:
        return None
    needed = VISIT_RHYTHMS[rhythm]
    return weekdays[:needed] if len(weekdays) >= needed else None


def _narrow(combo: QComboBox, characters: int = 12) -> None:
    """A combo that does not widen the request panel to its longest entry (the panel must fit
    a small laptop's screen); its list still shows every entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.currentTextChanged.connect(combo.setToolTip)
    _popup_fits(combo)


def _popup_fits(combo: QComboBox) -> None:
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 24)


class AssumedValuesBox(QGroupBox):
    """Day 0, the chemotherapy days, the visit rhythm and weekdays, the first visits and the
    rhythm at home, and the return flight's time. Each shows the value in effect, "assumed"
    beside it while it comes from the data file, and ↺ to go back to the assumption. Only
    Day 0 has an Alt letter (Alt+0): the window's other letters are taken."""

    def __init__(self, commit: Commit, parent: QWidget | None = None) -> None:
        # A short title: a group box is at least as wide as its title, and the panel is narrow.
        super().__init__(tr("Assumed values"), parent)
        self.setObjectName("assumedValues")
        self._commit = commit
        self._settings: Settings | None = None
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        intro = QLabel(tr("Change them to what your hospital says."))
        intro.setWordWrap(True)
        self._grid.addWidget(intro, 0, 0, 1, 4)
        self.status: dict[str, QLabel] = {}
        self.reset: dict[str, QToolButton] = {}

        self.day0 = QSpinBox()
        self.day0.setRange(*DAY0_OFFSET_LIMITS)
        counted_suffix(self.day0, lambda n: ntr(" day after admission", " days after admission", n))
        self.day0.setKeyboardTracking(False)
        self.chemo_first = QSpinBox()
        self.chemo_last = QSpinBox()
        for box in (self.chemo_first, self.chemo_last):
            box.setRange(*CHEMOTHERAPY_DAY_LIMITS)
            box.setPrefix(tr("Day "))
            box.setKeyboardTracking(False)
        chemo = QWidget()
        chemo_row = QHBoxLayout(chemo)
        chemo_row.setContentsMargins(0, 0, 0, 0)
        chemo_row.addWidget(self.chemo_first)
        chemo_row.addWidget(QLabel(tr("to")))
        chemo_row.addWidget(self.chemo_last)
        chemo_row.addStretch(1)
        self.visit_rhythm = QComboBox()
        for key, name in _rhythm_names().items():
            self.visit_rhythm.addItem(name, key)
        self.weekday_first = QComboBox()
        self.weekday_second = QComboBox()
        for combo in (self.weekday_first, self.weekday_second):
            for code, name in _weekday_names().items():
                combo.addItem(name, code)
            _narrow(combo, 5)
        weekdays = QWidget()
        weekdays_row = QHBoxLayout(weekdays)
        weekdays_row.setContentsMargins(0, 0, 0, 0)
        weekdays_row.addWidget(self.weekday_first)
        weekdays_row.addWidget(self.weekday_second)
        # A label of its own, never shown (the row's title says it for the eye): on Linux a
        # screen reader names a list box by the label whose buddy it is, and the row's label is
        # the first weekday's; without one the second was read only as "Thursday".
        self.weekday_second_label = QLabel(tr("Second visit weekday"), weekdays)
        self.weekday_second_label.setBuddy(self.weekday_second)
        self.weekday_second_label.hide()
        self.early = QComboBox()
        self.early.addItem(tr("Once a week"), "weekly")
        self.early.addItem(tr("Every two weeks"), "every-two-weeks")
        self.followup = QComboBox()
        for combo in (self.visit_rhythm, self.early, self.followup):
            _narrow(combo)
        self.return_time = TimeField()
        self.return_time.setKeyboardTracking(False)
        self.visa_processing = QSpinBox()
        self.visa_processing.setRange(*VISA_PROCESSING_LIMITS)
        counted_suffix(self.visa_processing, lambda n: ntr(" working day", " working days", n))
        self.visa_processing.setKeyboardTracking(False)
        self.handover = QSpinBox()
        self.handover.setRange(*HANDOVER_LIMITS)
        counted_suffix(self.handover, lambda n: ntr(" day", " days", n))
        self.handover.setKeyboardTracking(False)

        rows = [
            (DAY0_OFFSET, tr("Day &0 (infusion):"), self.day0, tr("Day 0, days after admission")),
            (CHEMOTHERAPY_DAYS, tr("Chemotherapy:"), chemo, tr("Chemotherapy days")),
            (VISIT_RHYTHM, tr("Outpatient visits:"), self.visit_rhythm, tr("Outpatient visit rhythm")),
            ("visit-weekdays", tr("Visit weekdays:"), weekdays, tr("Outpatient visit weekdays")),
            (EARLY_HOME_FOLLOWUP, tr("First weeks at home:"), self.early, tr("Visits in the first weeks at home")),
            (HOME_FOLLOWUP_RHYTHM, tr("Then at home:"), self.followup, tr("Follow-up rhythm at home")),
            (RETURN_FLIGHT_TIME, tr("Return flight (China time):"), self.return_time, tr("Return flight time")),
            (
                VISA_PROCESSING_DAYS,
                tr("Visa processing at the consulate:"),
                self.visa_processing,
                tr("Visa processing time, in the consulate's working days"),
            ),
            (
                HANDOVER_OVERLAP,
                tr("Caregivers' hand-over overlap:"),
                self.handover,
                tr("Days one caregiver's turn overlaps the next"),
            ),
        ]
        for row, (name, label, widget, accessible) in enumerate(rows):
            self._add_row(row, name, label, widget, accessible)
        self.chemo_first.setAccessibleName(tr("First chemotherapy day, counted from Day 0"))
        self.chemo_last.setAccessibleName(tr("Last chemotherapy day, counted from Day 0"))
        self.weekday_first.setAccessibleName(tr("First visit weekday"))
        self.weekday_second.setAccessibleName(tr("Second visit weekday"))
        self._connect()

    def _add_row(self, row: int, name: str, label: str, widget: QWidget, accessible: str) -> None:
        title = QLabel(label)
        title.setBuddy(widget.findChild(QSpinBox) or widget.findChild(QComboBox) or widget)
        widget.setAccessibleName(accessible)
        status = QLabel()
        status.setObjectName("assumedStatus")
        status.setWordWrap(True)  # a narrow panel wraps it rather than scrolling sideways
        reset = QToolButton()
        reset.setText("↺")
        reset.setToolTip(tr("Back to Carte Planner's assumption"))
        reset.setAccessibleName(tr("Reset %1 to the assumption").replace("%1", accessible))
        reset.clicked.connect(lambda _checked=False, n=name: self._reset(n))
        self._grid.addWidget(title, 2 * row + 1, 0, 1, 3)
        self._grid.addWidget(widget, 2 * row + 2, 0, 1, 2)
        self._grid.addWidget(reset, 2 * row + 2, 2)
        self._grid.addWidget(status, 2 * row + 2, 3)
        self.status[name] = status
        self.reset[name] = reset

    def _connect(self) -> None:
        self.day0.valueChanged.connect(lambda v: self._set(say("Change Day 0"), day0_offset=v))
        self.chemo_first.valueChanged.connect(lambda _v: self._chemotherapy(first_moved=True))
        self.chemo_last.valueChanged.connect(lambda _v: self._chemotherapy(first_moved=False))
        self.visit_rhythm.activated.connect(lambda _i: self._visit_rhythm())
        self.weekday_first.activated.connect(lambda _i: self._weekdays())
        self.weekday_second.activated.connect(lambda _i: self._weekdays())
        self.early.activated.connect(
            lambda _i: self._set(say("Change the first visits at home"), early_rhythm=self.early.currentData())
        )
        self.followup.activated.connect(
            lambda _i: self._set(
                say("Change the follow-up at home"), followup_rhythm=stages_from_key(self.followup.currentData())
            )
        )
        self.return_time.timeChanged.connect(
            lambda t: self._set(say("Change the return flight time"), return_time=time(t.hour(), t.minute()))
        )
        self.visa_processing.valueChanged.connect(
            lambda v: self._set(say("Change the visa processing time"), visa_processing_days=v)
        )
        self.handover.valueChanged.connect(
            lambda v: self._set(say("Change the hand-over overlap"), handover_overlap_days=v)
        )

    @property
    def fields(self) -> dict[str, QWidget]:
        """The widget that edits each of these request fields, by the field's id."""
        return {
            "day0_offset": self.day0,
            "chemotherapy_days": self.chemo_first,
            "visit_rhythm": self.visit_rhythm,
            "visit_weekdays": self.weekday_first,
            "early_rhythm": self.early,
            "followup_rhythm": self.followup,
            "return_time": self.return_time,
            "visa_processing_days": self.visa_processing,
            "handover_overlap_days": self.handover,
        }

    def typed_fields(self) -> list[QSpinBox | QTimeEdit]:
        """The fields whose typed text counts only once applied (on leaving them, or on save)."""
        return [self.day0, self.chemo_first, self.chemo_last, self.return_time, self.visa_processing, self.handover]

    # -- editing ---------------------------------------------------------------------------
    def _set(self, text: Words, **values: object) -> None:
        self._commit(lambda r: replace(r, **values), text)  # type: ignore[arg-type]

    def _chemotherapy(self, first_moved: bool) -> None:
        first, last = self.chemo_first.value(), self.chemo_last.value()
        # Moving one end past the other moves both: the pair is never refused half-way.
        if first > last:
            first, last = (first, first) if first_moved else (last, last)
        self._set(say("Change the chemotherapy days"), chemotherapy_days=(first, last))

    def _visit_rhythm(self) -> None:
        rhythm = self.visit_rhythm.currentData()
        self._commit(
            lambda r: replace(r, visit_rhythm=rhythm, visit_weekdays=fit_weekdays(r.visit_weekdays, rhythm)),
            say("Change the visit rhythm"),
        )

    def _weekdays(self) -> None:
        days = (self.weekday_first.currentData(), self.weekday_second.currentData())
        needed = VISIT_RHYTHMS[self._settings.visit_rhythm] if self._settings else len(days)
        self._set(say("Change the visit weekdays"), visit_weekdays=days[:needed])

    def _reset(self, name: str) -> None:
        fields = {
            DAY0_OFFSET: {"day0_offset": None},
            CHEMOTHERAPY_DAYS: {"chemotherapy_days": None},
            VISIT_RHYTHM: {"visit_rhythm": None, "visit_weekdays": None},
            "visit-weekdays": {"visit_weekdays": None},
            EARLY_HOME_FOLLOWUP: {"early_rhythm": None},
            HOME_FOLLOWUP_RHYTHM: {"followup_rhythm": None},
            RETURN_FLIGHT_TIME: {"return_time": None},
            VISA_PROCESSING_DAYS: {"visa_processing_days": None},
            HANDOVER_OVERLAP: {"handover_overlap_days": None},
        }[name]
        self._set(say("Back to the assumption"), **fields)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, document: PlanDocument) -> None:
        request = document.request
        self._settings = settings = resolve_settings(request, document.reference.protocol)
        own = {
            DAY0_OFFSET: request.day0_offset is not None or request.moved_date("milestone:infusion") is not None,
            CHEMOTHERAPY_DAYS: request.chemotherapy_days is not None,
            VISIT_RHYTHM: request.visit_rhythm is not None,
            "visit-weekdays": request.visit_weekdays is not None,
            EARLY_HOME_FOLLOWUP: request.early_rhythm is not None,
            HOME_FOLLOWUP_RHYTHM: request.followup_rhythm is not None,
            RETURN_FLIGHT_TIME: request.return_time is not None,
            VISA_PROCESSING_DAYS: request.visa_processing_days is not None,
            HANDOVER_OVERLAP: request.handover_overlap_days is not None,
        }
        widgets = [self.day0, self.chemo_first, self.chemo_last, self.visit_rhythm, self.weekday_first]
        widgets += [self.weekday_second, self.early, self.followup, self.return_time, self.visa_processing]
        widgets.append(self.handover)
        blockers = [QSignalBlocker(widget) for widget in widgets]
        offset = (document.journey.day_zero - document.journey.item("milestone:admission").start).days
        self._show_spin(self.day0, offset)
        self._show_spin(self.chemo_first, settings.chemotherapy_days[0])
        self._show_spin(self.chemo_last, settings.chemotherapy_days[1])
        self.visit_rhythm.setCurrentIndex(self.visit_rhythm.findData(settings.visit_rhythm))
        self.weekday_first.setCurrentIndex(self.weekday_first.findData(settings.visit_weekdays[0]))
        twice = len(settings.visit_weekdays) > 1
        self.weekday_second.setVisible(twice)
        if twice:
            self.weekday_second.setCurrentIndex(self.weekday_second.findData(settings.visit_weekdays[1]))
        self.early.setCurrentIndex(self.early.findData(settings.early_rhythm))
        self._fill_followup(settings)
        departure = settings.return_departure
        if self.return_time.time() != QTime(departure.hour, departure.minute):
            self.return_time.setTime(QTime(departure.hour, departure.minute))
        self._show_spin(self.visa_processing, settings.visa_processing_days)
        self._show_spin(self.handover, settings.handover_overlap_days)
        del blockers
        for name, status in self.status.items():
            text = tr("yours") if own[name] else tr("assumed")
            if status.text() != text:
                status.setText(text)
                status.setToolTip(
                    tr("Set by you.") if own[name] else tr("Carte Planner's assumption: the guide does not give it.")
                )
            self.reset[name].setEnabled(own[name])
        self.chemo_first.setToolTip(
            tr("Days %1 to %2, counted from Day 0.")
            .replace("%1", day_number_text(settings.chemotherapy_days[0]))
            .replace("%2", day_number_text(settings.chemotherapy_days[1]))
        )

    @staticmethod
    def _show_spin(box: QSpinBox, value: int) -> None:
        if box.value() != value:
            box.setValue(value)
            refresh_unit(box)

    def _fill_followup(self, settings: Settings) -> None:
        current = tuple((stage.every_months, stage.until_month) for stage in settings.followup_stages)
        choices = list(dict.fromkeys((*FOLLOWUP_PRESETS, current)))
        keys = [stages_key(stages) for stages in choices]
        if [self.followup.itemData(i) for i in range(self.followup.count())] != keys:
            self.followup.clear()
            for stages, key in zip(choices, keys, strict=True):
                self.followup.addItem(_stages_text(stages), key)
            _popup_fits(self.followup)
        self.followup.setCurrentIndex(keys.index(stages_key(current)))
