"""Each traveller's papers, route and turns, and the treating team's rules, edited in the
window; the dates they give are the plan's, shown under the fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import RULE_FIELDS, limits
from carte_planner.domain.people import (
    ENTRIES_CHOICES,
    ROUTE_WORDS,
    Person,
    Role,
    Route,
    TeamRules,
    Turn,
    people_of,
    with_role,
)
from carte_planner.domain.request import TripRequest
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n import tr, tr_noop
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, Words, say
from carte_planner.ui.document import PlanDocument

Commit = Callable[[Callable[[TripRequest], TripRequest], Words], bool]

_TURN_SEPARATOR = ";"


def _roles() -> dict[Role, str]:
    return {Role.PATIENT: tr("Patient"), Role.CAREGIVER: tr("Caregiver"), Role.COMPANION: tr("Companion")}


def _routes() -> dict[Route, str]:
    return {route: tr(words) for route, words in ROUTE_WORDS.items()}


def _day_or_none(text: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanInputError(
            label, tr_noop("must be a date such as {example}, or empty"), example="2027-03-01"
        ) from None


def turns_text(turns: tuple[Turn, ...]) -> str:
    return f"{_TURN_SEPARATOR} ".join(f"{turn.first.isoformat()}..{turn.last.isoformat()}" for turn in turns)


def parse_turns(text: str) -> tuple[Turn, ...]:
    """ "2027-03-01..2027-03-20; 2027-04-10..2027-05-01", or "" for the whole journey."""
    turns = []
    for part in text.split(_TURN_SEPARATOR):
        if not part.strip():
            continue
        first, sep, last = part.strip().partition("..")
        try:
            if not sep:
                raise ValueError(part)
            turns.append(Turn(date.fromisoformat(first.strip()), date.fromisoformat(last.strip())))
        except ValueError:
            raise PlanInputError(
                tr_noop("turn"),
                tr_noop("write each turn as {example}, turns separated by semicolons"),
                example="2027-03-01..2027-03-20",
            ) from None
    return tuple(turns)


def with_person(request: TripRequest, index: int, person: Person) -> TripRequest:
    people = list(people_of(request))
    people[index] = person
    return replace(request, people=tuple(people))


class TravellersBox(QGroupBox):
    """One traveller at a time, chosen from a list: role, nationality, passport expiry, route
    into China, visa, turns; then the dates the plan gives them. Below, the team's rules, each
    "not set" until the family fills it in (the plan asks the hospital meanwhile)."""

    def __init__(self, commit: Commit, parent: QWidget | None = None) -> None:
        super().__init__(tr("Travellers and the team's rules"), parent)
        self.setObjectName("travellersBox")
        self._commit = commit
        self._request: TripRequest | None = None
        self._document: PlanDocument | None = None
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.person = QComboBox()
        self.person.setAccessibleName(tr("Traveller"))
        form.addRow(tr("Traveller:"), self.person)
        self.role = QComboBox()
        for role, name in _roles().items():
            self.role.addItem(name, role.value)
        self.role.setAccessibleName(tr("Role"))
        form.addRow(tr("Role:"), self.role)
        self.nationality = QLineEdit()
        self.nationality.setMaxLength(2)
        self.nationality.setPlaceholderText(tr("two letters, such as DE"))
        self.nationality.setAccessibleName(tr("Nationality, a two-letter country code"))
        form.addRow(tr("Nationality:"), self.nationality)
        self.passport_expiry = QLineEdit()
        self.passport_expiry.setPlaceholderText(tr("a date such as %1").replace("%1", "2030-01-31"))
        self.passport_expiry.setAccessibleName(tr("Passport expiry date"))
        form.addRow(tr("Passport expires:"), self.passport_expiry)
        self.home_country = QLineEdit()
        self.home_country.setMaxLength(2)
        self.home_country.setPlaceholderText(tr("the plan's"))
        self.home_country.setAccessibleName(tr("Traveller's home country, a two-letter code"))
        form.addRow(tr("Home country:"), self.home_country)
        self.home_tz = QLineEdit()
        self.home_tz.setPlaceholderText(tr("the plan's"))
        self.home_tz.setAccessibleName(tr("Traveller's home time zone, such as Europe/Berlin"))
        form.addRow(tr("Home time zone:"), self.home_tz)
        self.route = QComboBox()
        for route, name in _routes().items():
            self.route.addItem(name, route.value)
        self.route.setAccessibleName(tr("Entry route"))
        form.addRow(tr("Entry route:"), self.route)
        self.visa_type = QLineEdit()
        self.visa_type.setMaxLength(12)
        self.visa_type.setPlaceholderText(tr("as printed, such as S2 or L"))
        self.visa_type.setAccessibleName(tr("Visa type as printed"))
        form.addRow(tr("Visa type:"), self.visa_type)
        self.visa_stay = QSpinBox()
        self.visa_stay.setRange(0, limits("visa.stay_days")[1])
        self.visa_stay.setSpecialValueText(tr("the plan's visa stay"))
        self.visa_stay.setSuffix(tr(" days"))
        self.visa_stay.setKeyboardTracking(False)
        self.visa_stay.setAccessibleName(tr("Visa's permitted stay per entry, in days"))
        form.addRow(tr("Stay per entry:"), self.visa_stay)
        self.entries = QComboBox()
        self.entries.addItem(tr("not known"), "")
        for choice, name in zip(ENTRIES_CHOICES, (tr("single"), tr("double"), tr("multiple")), strict=True):
            self.entries.addItem(name, choice)
        self.entries.setAccessibleName(tr("Entries the visa allows"))
        form.addRow(tr("Entries:"), self.entries)
        self.use_by = QLineEdit()
        self.use_by.setPlaceholderText(tr("a date such as %1").replace("%1", "2027-03-31"))
        self.use_by.setAccessibleName(tr("Date by which the visa must be used"))
        form.addRow(tr("Use visa by:"), self.use_by)
        self.turns = QLineEdit()
        self.turns.setPlaceholderText(tr("the whole journey"))
        self.turns.setToolTip(tr("The days in China, such as 2027-03-01..2027-03-20; several turns separated by ;"))
        self.turns.setAccessibleName(tr("Turns in China"))
        form.addRow(tr("In China:"), self.turns)
        # Codes and ISO dates read left to right in every language.
        for edit in (
            self.nationality,
            self.passport_expiry,
            self.home_country,
            self.home_tz,
            self.visa_type,
            self.use_by,
            self.turns,
        ):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.dates = QLabel()
        self.dates.setObjectName("travellerDates")
        self.dates.setWordWrap(True)
        form.addRow(self.dates)
        team = QLabel(tr("The treating team's rules, as Day numbers after the infusion:"))
        team.setWordWrap(True)
        form.addRow(team)
        self.rules: dict[str, QSpinBox] = {}
        for rule in RULE_FIELDS:
            name, (low, high) = rule.id, limits(rule.id)
            assert rule.caption is not None, name
            assert rule.accessible is not None, name
            label, accessible = tr(rule.caption), tr(rule.accessible)
            box = QSpinBox()
            box.setRange(low - 1, high)
            box.setSpecialValueText(tr("not set: ask your hospital"))
            # A left-to-right mark keeps "+28" from reading "28+" in a right-to-left window.
            box.setPrefix("" if name == "max_travel_minutes" else "\u200e+")
            if name == "max_travel_minutes":
                box.setSuffix(tr(" min"))
            box.setKeyboardTracking(False)
            box.setAccessibleName(accessible)
            form.addRow(label, box)
            self.rules[name] = box
        # The widget that edits each traveller's field and each team rule, by the field's id.
        self.fields: dict[str, QWidget] = {
            "name": self.person,
            "role": self.role,
            "nationality": self.nationality,
            "passport_expiry": self.passport_expiry,
            "home_country": self.home_country,
            "home_tz": self.home_tz,
            "route": self.route,
            "visa.type": self.visa_type,
            "visa.stay_days": self.visa_stay,
            "visa.entries": self.entries,
            "visa.use_by": self.use_by,
            "turns": self.turns,
            **self.rules,
        }
        self._connect()

    def typed_fields(self) -> dict[QWidget, Callable[[], None]]:
        """The fields whose typed text counts only once applied (on leaving them, or on save),
        each with what applies it."""
        return dict(self._typed)

    # -- editing ---------------------------------------------------------------------------
    def _connect(self) -> None:
        self.person.currentIndexChanged.connect(lambda _i: self._show_person())
        self.role.activated.connect(lambda _i: self._role(Role(self.role.currentData())))
        self.route.activated.connect(lambda _i: self._person(say("Change entry route"), route=self.route.currentData()))
        self.entries.activated.connect(
            lambda _i: self._visa(say("Change visa entries"), entries=self.entries.currentData())
        )
        self.visa_stay.valueChanged.connect(lambda v: self._visa(say("Change the visa's stay"), stay_days=v or None))
        typed: dict[QWidget, Callable[[], None]] = {
            self.nationality: lambda: self._person(say("Change nationality"), nationality=self.nationality.text()),
            self.passport_expiry: lambda: self._person_with(
                say("Change passport expiry"),
                lambda p: replace(
                    p, passport_expiry=_day_or_none(self.passport_expiry.text(), tr_noop("passport expiry"))
                ),
            ),
            self.home_country: lambda: self._person(say("Change home country"), home_country=self.home_country.text()),
            self.home_tz: lambda: self._person(say("Change home time zone"), home_tz=self.home_tz.text().strip()),
            self.visa_type: lambda: self._visa(say("Change visa type"), type=self.visa_type.text()),
            self.use_by: lambda: self._person_with(
                say("Change visa use-by date"),
                lambda p: replace(
                    p, visa=replace(p.visa, use_by=_day_or_none(self.use_by.text(), tr_noop("visa use-by date")))
                ),
            ),
            self.turns: lambda: self._person_with(
                say("Change turns"), lambda p: replace(p, turns=parse_turns(self.turns.text()))
            ),
        }
        for edit, apply in typed.items():
            assert isinstance(edit, QLineEdit)
            edit.editingFinished.connect(apply)
        self._typed = {**typed, self.visa_stay: self.visa_stay.interpretText}
        for name, box in self.rules.items():
            box.valueChanged.connect(lambda v, n=name: self._rule(n, v))
            self._typed[box] = box.interpretText

    def _index(self) -> int:
        return max(self.person.currentIndex(), 0)

    def _person_with(self, text: Words, change: Callable[[Person], Person]) -> None:
        if self._request is None:
            return
        index = self._index()
        self._commit(lambda r: with_person(r, index, change(people_of(r)[index])), text)

    def _role(self, role: Role) -> None:
        index = self._index()
        self._commit(lambda r: replace(r, people=with_role(people_of(r), index, role)), say("Change role"))

    def _person(self, text: Words, **values: object) -> None:
        self._person_with(text, lambda p: replace(p, **values))  # type: ignore[arg-type]

    def _visa(self, text: Words, **values: object) -> None:
        self._person_with(text, lambda p: replace(p, visa=replace(p.visa, **values)))  # type: ignore[arg-type]

    def _rule(self, name: str, value: int) -> None:
        low = self.rules[name].minimum()
        self._commit(
            lambda r: replace(r, team=replace(r.team, **{name: None if value == low else value})),
            say("Change the team's rules"),
        )

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, document: PlanDocument) -> None:
        self._document = document
        self._request = request = document.request
        people = people_of(request)
        names = [str(traveller_words(person.name)) for person in people]
        blocker = QSignalBlocker(self.person)
        index = min(self._index(), len(people) - 1)
        if [self.person.itemText(i) for i in range(self.person.count())] != names:
            self.person.clear()
            self.person.addItems(names)
        self.person.setCurrentIndex(index)
        del blocker
        self._show_person()
        self._show_rules(request.team)

    def _show_person(self) -> None:
        if self._request is None:
            return
        person = people_of(self._request)[self._index()]
        widgets = [self.role, self.route, self.entries, self.visa_stay]
        blockers = [QSignalBlocker(widget) for widget in widgets]
        self.role.setCurrentIndex(self.role.findData(person.role.value))
        self.route.setCurrentIndex(self.route.findData(person.route.value))
        self.entries.setCurrentIndex(self.entries.findData(person.visa.entries))
        self.visa_stay.setValue(person.visa.stay_days or 0)
        del blockers
        for edit, text in (
            (self.nationality, person.nationality),
            (self.passport_expiry, person.passport_expiry.isoformat() if person.passport_expiry else ""),
            (self.home_country, person.home_country),
            (self.home_tz, person.home_tz),
            (self.visa_type, person.visa.type),
            (self.use_by, person.visa.use_by.isoformat() if person.visa.use_by else ""),
            (self.turns, turns_text(person.turns)),
        ):
            if not edit.hasFocus() and edit.text() != text:
                edit.setText(text)
        visa_fields = person.route is not Route.VISA_FREE
        for widget in (self.visa_type, self.visa_stay, self.entries, self.use_by):
            widget.setEnabled(visa_fields)
        if self._document is not None:
            self._show_dates(self._document, self._index())

    def _show_dates(self, document: PlanDocument, index: int) -> None:
        plans = document.journey.travellers
        if index >= len(plans):
            self.dates.setText("")
            return
        plan = plans[index]
        lines = []
        for entry, last in zip(plan.entries, plan.last_permitted_days, strict=True):
            line = (
                tr("In China %1 to %2")
                .replace("%1", str(Day(entry.arrive, DATE)))
                .replace("%2", str(Day(entry.leave, DATE)))
            )
            if last is not None:
                line += "; " + tr("last permitted day %1").replace("%1", str(Day(last, DATE)))
            lines.append(line)
        if plan.extensions:
            days = ", ".join(str(Day(day, DATE)) for day in plan.extensions)
            lines.append(tr("Extensions to apply for: %1").replace("%1", days))
        self.dates.setText("\n".join(lines))

    def _show_rules(self, team: TeamRules) -> None:
        for name, box in self.rules.items():
            value = getattr(team, name)
            shown = box.minimum() if value is None else value
            # Shown even while the box has the focus: after an undo from the menu it must show
            # the plan's rule, not the value it had (a value typed is the plan's at once).
            if box.value() != shown:
                blocker = QSignalBlocker(box)
                box.setValue(shown)
                del blocker
