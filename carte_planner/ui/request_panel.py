"""The side panel: every request field, each change re-planned at once through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.fields import FIELDS, REQUEST_FIELDS, Section, limits
from carte_planner.domain.request import EARLIEST_START, LATEST_START, MAX_TEXT, Scenario
from carte_planner.domain.travellers import DEFAULT_TRAVELLERS, split_names, travellers_words
from carte_planner.i18n import current_language, ntr, tr
from carte_planner.i18n.dates import country_name
from carte_planner.i18n.text import Words, say
from carte_planner.tz_tables import country_names, zone_countries
from carte_planner.ui.assumed_values import AssumedValuesBox
from carte_planner.ui.counted import counted_suffix
from carte_planner.ui.dates import from_qdate, to_qdate
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.editing import try_edit
from carte_planner.ui.fields import DateField, FieldError, TimeField, show_value
from carte_planner.ui.phase_row import PhaseRow
from carte_planner.ui.plain_text import as_text
from carte_planner.ui.travellers_box import TravellersBox
from carte_planner.ui.zones import ZoneCombo, resolve_zone


def _searchable(combo: QComboBox) -> None:
    """An editable combo whose completer finds entries by any part of their text. It does
    not widen to its longest entry: the panel must fit a small laptop's screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)


def _traveller_text(travellers: tuple[str, ...]) -> str:
    """The names typed, or nothing while the plan has only the placeholders."""
    return "" if travellers == DEFAULT_TRAVELLERS else ", ".join(travellers)


def _set_text(edit: QLineEdit, text: str) -> None:
    """Set a line edit only when its text differs: setting it moves the cursor to the end."""
    if edit.text() != text:
        edit.setText(text)


def _line_edit(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "the combo box is editable"
    return edit


class RequestPanel(QWidget):
    """Edits the document's request. Refreshes itself from the document after every change,
    so undo, redo and opening a file show at once. A refused value stays in its field, with
    the reason beside it, until it is fixed or the plan changes under it (undo, open)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("requestPanel")
        # Each field's way of applying what is typed in it before focus leaves it.
        self._pending: dict[QWidget, Callable[[], object]] = {}
        self._errors: dict[QWidget, FieldError] = {}
        self._committing = False
        layout = QVBoxLayout(self)

        trip = QGroupBox(tr("Trip"))
        form = QFormLayout(trip)
        self.start = DateField()
        self.start.setDateRange(to_qdate(EARLIEST_START), to_qdate(LATEST_START))
        self.start.setAccessibleName(tr("First hospital day"))
        self.start.setToolTip(tr("The first day at the hospital: screening begins."))
        self._add(form, tr("First hospital &day:"), self.start)

        self.city = QComboBox()
        for city in document.reference.cities:
            local = city.name_in(current_language())
            # A Chinese reader finds the Chinese name first; the others find the English one.
            if local == city.name_zh:
                shown = f"{city.name_zh} — {city.name}"
            else:
                shown = f"{city.name} — {city.name_zh}" + (f" — {local}" if local else "")
            self.city.addItem(f"{shown} ({', '.join(city.airports)})", city.key)
        _searchable(self.city)
        self.city.setAccessibleName(tr("Hospital city"))
        self._add(form, tr("Hospital ci&ty:"), self.city)

        self.scenario = QComboBox()
        self.scenario.addItem(tr("Shortest"), Scenario.SHORTEST.value)
        self.scenario.addItem(tr("Typical"), Scenario.TYPICAL.value)
        self.scenario.addItem(tr("Longest"), Scenario.LONGEST.value)
        self.scenario.setAccessibleName(tr("Scenario"))
        self.scenario.setToolTip(tr("Which end of the usual ranges to plan the phases with."))
        self._add(form, tr("&Scenario:"), self.scenario)
        layout.addWidget(trip)

        travel = QGroupBox(tr("Travel"))
        form = QFormLayout(travel)
        self.home_tz = ZoneCombo()
        _searchable(self.home_tz)
        self.home_tz.setAccessibleName(tr("Home time zone"))
        _line_edit(self.home_tz).setPlaceholderText(tr("Your city or country"))
        self.home_tz.setToolTip(tr("Type your city or country, such as New York or Germany, and pick it."))
        self._add(form, tr("Home time &zone:"), self.home_tz)
        self.home_country = QComboBox()
        self.home_country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.home_country.setMinimumContentsLength(12)
        self.home_country.addItem("", "")  # named after the time zone's country in refresh()
        names = {code: country_name(code, english) for code, english in country_names().items()}
        for code, name in sorted(names.items(), key=lambda pair: pair[1].casefold()):
            self.home_country.addItem(f"{name} ({code})", code)
        self.home_country.setAccessibleName(tr("Home country"))
        self.home_country.setToolTip(
            tr("The consulate closes on your country's public holidays: visa dates avoid them.")
        )
        self._add(form, tr("Home country:"), self.home_country)
        self.home_airport = QLineEdit()
        self.home_airport.setMaxLength(4)
        self.home_airport.setPlaceholderText(tr("e.g. JFK"))
        self.home_airport.setAccessibleName(tr("Home airport"))
        self._add(form, tr("Home &airport:"), self.home_airport)
        self.flight_hours = QDoubleSpinBox()
        self.flight_hours.setRange(*FIELDS["flight_hours"].limits)  # type: ignore[misc]
        self.flight_hours.setSingleStep(0.5)
        self.flight_hours.setDecimals(1)
        # A whole number of hours takes its plural form (Arabic: 2 ساعتان, 5 ساعات); a fraction
        # takes the unit's short form, which every language writes the same after any number.
        counted_suffix(
            self.flight_hours, lambda hours: ntr(" hour", " hours", int(hours)) if hours == int(hours) else tr(" h")
        )
        self.flight_hours.setAccessibleName(tr("Flight length in hours"))
        self._add(form, tr("Flight &length:"), self.flight_hours)
        self.departure = TimeField()
        self.departure.setAccessibleName(tr("Outbound departure time, home time"))
        self._add(form, tr("Depart&ure (home time):"), self.departure)
        self.arrive_early = QSpinBox()
        self.arrive_early.setRange(*limits("arrive_days_before"))
        counted_suffix(self.arrive_early, lambda n: ntr(" day", " days", n))
        self.arrive_early.setAccessibleName(tr("Days to arrive before the first hospital day"))
        self._add(form, tr("Arrive earl&y by:"), self.arrive_early)
        self.go_home = QCheckBox(tr("Go home during cell &manufacturing\n(only if your hospital agrees)"))
        self.go_home.setAccessibleName(tr("Go home during cell manufacturing, only if your hospital agrees"))
        form.addRow(self.go_home)
        self.travellers = QLineEdit()
        self.travellers.setPlaceholderText(
            tr("%1 (type their names, separated by commas)").replace("%1", str(travellers_words(DEFAULT_TRAVELLERS)))
        )
        self.travellers.setAccessibleName(tr("Travellers, separated by commas"))
        self.travellers.setToolTip(tr("The patient and each companion, 1 to 6 people, separated by commas."))
        self._add(form, tr("T&ravellers:"), self.travellers)
        self.visa_stay = QSpinBox()
        self.visa_stay.setRange(*limits("visa_stay_days"))
        counted_suffix(self.visa_stay, lambda n: ntr(" day", " days", n))
        self.visa_stay.setAccessibleName(tr("Visa's permitted stay per entry in days"))
        self._add(form, tr("Visa's &permitted stay:"), self.visa_stay)
        self.followup_years = QSpinBox()
        self.followup_years.setRange(*limits("followup_years"))
        counted_suffix(self.followup_years, lambda n: ntr(" year", " years", n))
        self.followup_years.setAccessibleName(tr("Years of follow-up at home"))
        self._add(form, tr("Follo&w-up at home:"), self.followup_years)
        layout.addWidget(travel)

        phases = QGroupBox(tr("Treatment phases (ask your hospital)"))
        grid = QGridLayout(phases)
        grid.setColumnStretch(2, 1)
        self.phase_rows = [
            PhaseRow(self, grid, 3 * row, spec.key) for row, spec in enumerate(document.reference.protocol.phases)
        ]
        for row in self.phase_rows:
            self._pending[row.days] = row.days.interpretText
        layout.addWidget(phases)
        self.assumed = AssumedValuesBox(self.commit)
        for box in self.assumed.typed_fields():
            self._pending[box] = box.interpretText
        layout.addWidget(self.assumed)
        self.people = TravellersBox(self.commit)
        self._pending.update(self.people.typed_fields())
        layout.addWidget(self.people)

        hospital = QGroupBox(tr("Hospital"))
        self.hospital: dict[str, QLineEdit] = {}
        self._add_text_fields(QFormLayout(hospital), Section.HOSPITAL)
        layout.addWidget(hospital)

        sheet = QGroupBox(tr("For the sheet in China"))
        sheet.setToolTip(
            tr("Printed on the sheet for the hospital (File ▸ Print sheet for the hospital); never sent anywhere.")
        )
        self._add_text_fields(QFormLayout(sheet), Section.SHEET)
        layout.addWidget(sheet)
        layout.addStretch(1)
        # The widget that edits each request field, by the field's id (the rows of the phase
        # box, the assumed values and the travellers' box edit theirs).
        self.fields: dict[str, QWidget] = {
            "start": self.start,
            "city": self.city,
            "scenario": self.scenario,
            "home_tz": self.home_tz,
            "home_country": self.home_country,
            "home_airport": self.home_airport,
            "flight_hours": self.flight_hours,
            "departure_time": self.departure,
            "arrive_days_before": self.arrive_early,
            "go_home": self.go_home,
            "travellers": self.travellers,
            "visa_stay_days": self.visa_stay,
            "followup_years": self.followup_years,
            "phase_days": phases,
            **self.hospital,
            **self.assumed.fields,
            "people": self.people,
            "team": self.people,
        }
        self._connect()
        document.journeyChanged.connect(self.refresh)
        document.fileChanged.connect(self._plan_replaced)
        document.undo_stack.indexChanged.connect(self._history_moved)
        self.refresh()

    def _add_text_fields(self, form: QFormLayout, section: Section) -> None:
        """The section's one-line text fields of the request, as their descriptions caption
        them, each applied when typing ends or before the plan is read."""
        for described in REQUEST_FIELDS:
            if described.section is not section:
                continue
            assert described.caption is not None, described.id
            assert described.accessible is not None, described.id
            field, label = described.id, tr(described.caption)
            edit = QLineEdit()
            edit.setAccessibleName(tr(described.accessible))
            edit.setMaxLength(MAX_TEXT)
            apply = lambda f=field, e=edit: self._text_field(f, e)  # noqa: E731
            edit.editingFinished.connect(apply)
            self._pending[edit] = apply
            self.hospital[field] = edit
            self._add(form, label, edit)

    def _add(self, form: QFormLayout, label: str, field: QWidget) -> None:
        """A labelled field with the line for its refusal under it."""
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(label, field)
        error = FieldError(field)
        form.addRow("", error)
        self._errors[field] = error
        field.installEventFilter(self)
        if isinstance(field, QAbstractSpinBox):
            field.setKeyboardTracking(False)
            self._pending.setdefault(field, field.interpretText)

    def _connect(self) -> None:
        self.start.dateChanged.connect(
            lambda d: self.commit(
                lambda r: replace(r, start=from_qdate(d)), say("Change first hospital day"), field=self.start
            )
        )
        self.city.activated.connect(self._city_chosen)
        _line_edit(self.city).editingFinished.connect(self._city_typed)
        self._pending[self.city] = self._city_typed
        self.scenario.activated.connect(
            lambda i: self.commit(lambda r: replace(r, scenario=self.scenario.itemData(i)), say("Change scenario"))
        )
        self.home_country.activated.connect(
            lambda i: self.commit(
                lambda r: replace(r, home_country=self.home_country.itemData(i)), say("Change home country")
            )
        )
        self.home_tz.activated.connect(lambda _i: self._zone_typed())
        _line_edit(self.home_tz).editingFinished.connect(self._zone_typed)
        self._pending[self.home_tz] = self._zone_typed
        self.home_airport.editingFinished.connect(self._airport_typed)
        self._pending[self.home_airport] = self._airport_typed
        self.flight_hours.valueChanged.connect(
            lambda v: self.commit(
                lambda r: replace(r, flight_hours=v), say("Change flight length"), "flight", self.flight_hours
            )
        )
        self.departure.timeChanged.connect(
            lambda t: self.commit(
                lambda r: replace(r, departure_time=time(t.hour(), t.minute())),
                say("Change departure time"),
                field=self.departure,
            )
        )
        self.arrive_early.valueChanged.connect(
            lambda v: self.commit(
                lambda r: replace(r, arrive_days_before=v), say("Change arrival"), "arrive", self.arrive_early
            )
        )
        self.go_home.toggled.connect(lambda on: self.commit(lambda r: replace(r, go_home=on), say("Change going home")))
        self.travellers.editingFinished.connect(self._travellers_typed)
        self._pending[self.travellers] = self._travellers_typed
        self.visa_stay.valueChanged.connect(
            lambda v: self.commit(
                lambda r: replace(r, visa_stay_days=v), say("Change visa stay"), "visa", self.visa_stay
            )
        )
        self.followup_years.valueChanged.connect(
            lambda v: self.commit(
                lambda r: replace(r, followup_years=v), say("Change follow-up"), "years", self.followup_years
            )
        )

    # -- committing -----------------------------------------------------------------------
    def commit(self, change: Callable, text: Words, merge_key: str | None = None, field: QWidget | None = None) -> bool:
        """Apply one edit. A refused value stays in `field` with the reason beside it."""
        self._committing = True
        try:
            reason = try_edit(self.document, change, text, merge_key)
        finally:
            self._committing = False
        if field is not None and field in self._errors:
            if reason is None:
                self._errors[field].clear_reason()
            else:
                self._errors[field].show_reason(reason)
                return False
        if reason is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, tr("Value not accepted"), as_text(reason))
            self.refresh()
            return False
        return True

    def commit_pending(self) -> bool:
        """Apply what is typed in the field that has the focus, as leaving it would. False when
        that value, or one typed earlier, is refused: its field shows why and keeps the focus."""
        focus = QApplication.focusWidget()
        while focus is not None and focus is not self and focus not in self._pending:
            focus = focus.parentWidget()
        if focus is not None and focus in self._pending:
            self._pending[focus]()
        refused = self.refused_field()
        if refused is not None:
            refused.setFocus()
            return False
        return True

    def fields_with_reasons(self) -> list[QWidget]:
        return list(self._errors)

    def reason_line(self, field: QWidget) -> FieldError | None:
        """The line under `field` that says why its value was refused, if it has one."""
        return self._errors.get(field)

    def refused_field(self) -> QWidget | None:
        return next((field for field, error in self._errors.items() if error.text()), None)

    def refusal(self, field: QWidget) -> str:
        """Why the value in `field` was refused, or ""."""
        error = self._errors.get(field)
        return error.text().removeprefix("⚠ ") if error is not None else ""

    def eventFilter(self, watched, event) -> bool:
        """Escape in a field whose value was refused puts the plan's value back."""
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and watched in self._errors
            and self._errors[watched].text()
        ):
            self._errors[watched].clear_reason()
            self.refresh()
            return True
        return super().eventFilter(watched, event)

    def _history_moved(self, _index: int) -> None:
        """Undo, redo or an edit elsewhere: the fields show the plan again, refusals go."""
        if self._committing:
            return
        self.discard_refusals()

    def _plan_replaced(self) -> None:
        if self.document.undo_stack.count() == 0:
            self.discard_refusals()

    def discard_refusals(self) -> None:
        if self.refused_field() is None:
            return
        for error in self._errors.values():
            error.clear_reason()
        self.refresh()

    def _text_field(self, field: str, edit: QLineEdit) -> None:
        if edit.text() != getattr(self.document.request, field) or edit in self._refused():
            text = say("Change hospital details") if field.startswith("hospital") else say("Change the sheet for China")
            self.commit(lambda r: replace(r, **{field: edit.text()}), text, field=edit)

    def _airport_typed(self) -> None:
        text = self.home_airport.text()
        if text.strip().upper() != self.document.request.home_airport or self.home_airport in self._refused():
            self.commit(lambda r: replace(r, home_airport=text), say("Change home airport"), field=self.home_airport)

    def _refused(self) -> list[QWidget]:
        return [field for field, error in self._errors.items() if error.text()]

    def _city_chosen(self, index: int) -> None:
        key = self.city.itemData(index)
        if key == self.document.journey.city.key:
            # The city the plan has, perhaps typed differently ("Beijing"): no change to make.
            self._errors[self.city].clear_reason()
        elif key:
            self.commit(lambda r: replace(r, city=key), say("Change city"), field=self.city)

    def _city_typed(self) -> None:
        text = self.city.currentText().strip()
        index = self.city.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self._city_chosen(index)
        elif text and text != self._city_label():
            # Let the planner's matching (English, Chinese, misspelt) decide and explain.
            self.commit(lambda r: replace(r, city=text), say("Change city"), field=self.city)
        else:
            self._errors[self.city].clear_reason()
        self.refresh()

    def _zone_typed(self) -> None:
        zone = self.home_tz.zone()
        reason = ""
        if zone is None:
            zone, reason = resolve_zone(self.home_tz.currentText())
        if zone is None:
            self._errors[self.home_tz].show_reason(reason)
            return
        if zone != self.document.request.home_tz:
            self.commit(lambda r: replace(r, home_tz=zone), say("Change home time zone"), field=self.home_tz)
        else:
            self._errors[self.home_tz].clear_reason()
        self.refresh()

    def _travellers_typed(self) -> None:
        # An empty field means the placeholders ("Patient, Caregiver"), shown greyed in it.
        names = split_names(self.travellers.text())
        names = names or DEFAULT_TRAVELLERS
        if names != self.document.request.travellers:
            self.commit(lambda r: r.with_travellers(names), say("Change travellers"), field=self.travellers)
        else:
            self._errors[self.travellers].clear_reason()
        self.refresh()

    def _show_home_country(self) -> None:
        """The country chosen, or the time zone's, named in the first entry."""
        request = self.document.request
        code = zone_countries().get(request.home_tz, "")
        name = country_name(code, country_names().get(code, ""))
        automatic = tr("%1, from the time zone").replace("%1", name) if name else tr("None (from the time zone)")
        self.home_country.setItemText(0, automatic)
        self.home_country.setCurrentIndex(max(self.home_country.findData(request.home_country), 0))

    def _city_label(self) -> str:
        index = self.city.findData(self.document.journey.city.key)
        return self.city.itemText(index)

    # -- showing --------------------------------------------------------------------------
    def _show_whole_values(self) -> None:
        """A value longer than its field ("Shanghai — 上海 — Шанхай (PVG, SHA)", a long list of
        travellers) is read whole in the field's tooltip, above what the field is for."""
        if not hasattr(self, "_help"):
            self._help = {w: w.toolTip() for w in (self.city, self.home_tz, self.home_country, self.travellers)}
        for widget, help_text in self._help.items():
            value = widget.text() if isinstance(widget, QLineEdit) else widget.currentText()
            widget.setToolTip(f"{value}\n\n{help_text}" if value and help_text else value or help_text)

    def refresh(self) -> None:
        request = self.document.request
        widgets = [
            self.start,
            self.city,
            self.scenario,
            self.home_tz,
            self.home_country,
            self.home_airport,
            self.flight_hours,
            self.departure,
            self.arrive_early,
            self.go_home,
            self.travellers,
            self.visa_stay,
            self.followup_years,
            *self.hospital.values(),
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        # A refused value stays in its field until it is fixed or undone.
        keep = set(self._refused())
        shown: list[tuple[QWidget, Callable[[], object]]] = [
            (self.start, lambda: self.start.setDate(to_qdate(request.start))),
            (self.city, lambda: self.city.setCurrentIndex(self.city.findData(self.document.journey.city.key))),
            (self.scenario, lambda: self.scenario.setCurrentIndex(self.scenario.findData(request.scenario.value))),
            (self.home_tz, lambda: self.home_tz.show_zone(request.home_tz)),
            (self.home_country, self._show_home_country),
            (self.home_airport, lambda: _set_text(self.home_airport, request.home_airport)),
            (self.flight_hours, lambda: show_value(self.flight_hours, request.flight_hours)),
            (
                self.departure,
                lambda: self.departure.setTime(QTime(request.departure_time.hour, request.departure_time.minute)),
            ),
            (self.arrive_early, lambda: show_value(self.arrive_early, request.arrive_days_before)),
            (self.go_home, lambda: self.go_home.setChecked(request.go_home)),
            (self.travellers, lambda: _set_text(self.travellers, _traveller_text(request.travellers))),
            (self.visa_stay, lambda: show_value(self.visa_stay, request.visa_stay_days)),
            (self.followup_years, lambda: show_value(self.followup_years, request.followup_years)),
        ]
        shown += [
            (edit, lambda f=field, e=edit: _set_text(e, getattr(request, f)))  # type: ignore[misc]
            for field, edit in self.hospital.items()
        ]
        for widget, show in shown:
            if widget not in keep:
                show()
        for combo in (self.city, self.home_tz):
            # The start of a long entry is what names it, not its end.
            if combo not in keep and not combo.hasFocus():
                _line_edit(combo).setCursorPosition(0)
        if self.travellers not in keep and not self.travellers.hasFocus():
            self.travellers.setCursorPosition(0)
        self._show_whole_values()
        del blockers
        for row in self.phase_rows:
            row.refresh(self.document)
        self.assumed.refresh(self.document)
        self.people.refresh(self.document)
