"""Time zones found the way people name them, by city or country ("New York", "Germany"), and
the box that offers them; from the tz database's own tables (zone.tab, iso3166.tab) shipped
with the tzdata package.

Only the canonical zones of those tables are offered. Abbreviations such as EST or CET are
fixed offsets or rules that no place follows all year, so a summer flight would be an hour
off: they are refused, with a place to choose instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from carte_planner.i18n import current_language, tr
from carte_planner.i18n.dates import country_name, zone_city
from carte_planner.tz_tables import country_names, tz_table

# Zones without a place: what to choose instead (the largest place that follows the rule).
ABBREVIATIONS = {
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "EST5EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "CST6CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "MST7MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MET": "Europe/Berlin",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "IST": "Asia/Kolkata",
    "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
}


@dataclass(frozen=True)
class Zone:
    name: str  # the IANA name, such as America/New_York
    city: str  # New York
    country: str  # United States
    note: str  # the table's comment, such as "Eastern (most areas)"
    # The city and the country in the window's language (CLDR's names): "Нью-Йорк", "США".
    local_city: str = ""
    local_country: str = ""

    @property
    def label(self) -> str:
        city, country = self.local_city or self.city, self.local_country or self.country
        return f"{city}{tr(', ')}{country} ({self.name})" if country else self.name

    def matches(self, words: str) -> bool:
        """Every word is in its names, English or local: a family may type either."""
        names = f"{self.city} {self.country} {self.local_city} {self.local_country} {self.name} {self.note}"
        haystack = names.casefold().replace("_", " ")
        return all(word in haystack for word in words.casefold().replace("_", " ").split())

    def is_country(self, typed: str) -> bool:
        return typed.casefold() in (self.country.casefold(), self.local_country.casefold())

    def is_city(self, typed: str) -> bool:
        return typed.casefold() in (self.city.casefold(), self.local_city.casefold())


def all_zones() -> tuple[Zone, ...]:
    """Every canonical zone with a place, by city in the window's language, and UTC."""
    return _zones(current_language())


@cache
def _zones(language: str) -> tuple[Zone, ...]:
    countries = country_names()
    zones = []
    for row in tz_table("zone.tab"):
        city = row[2].rsplit("/", 1)[-1].replace("_", " ")
        country = countries.get(row[0], row[0])
        note = row[3] if len(row) > 3 else ""
        zones.append(Zone(row[2], city, country, note, zone_city(row[2], city), country_name(row[0], country)))
    zones.append(Zone("UTC", "UTC", "", "Coordinated Universal Time"))
    return tuple(sorted(zones, key=lambda zone: (zone.label.casefold(), zone.country)))


def _by_name() -> dict[str, Zone]:
    return _names(current_language())


@cache
def _names(language: str) -> dict[str, Zone]:
    return {zone.name: zone for zone in _zones(language)}


def zone_label(name: str) -> str:
    zone = _by_name().get(name)
    return zone.label if zone is not None else name


def find_zones(words: str) -> list[Zone]:
    """The zones whose city, country, name or note contain every word typed."""
    return [zone for zone in all_zones() if zone.matches(words)] if words.strip() else []


def resolve_zone(text: str) -> tuple[str | None, str]:
    """What the user typed in the picker, as (zone name, "") or (None, why not)."""
    typed = text.strip()
    if not typed:
        return None, tr("Type a city or a country, such as New York or Germany.")
    if typed in _by_name():
        return typed, ""
    for zone in all_zones():
        if typed.casefold() in (zone.label.casefold(), zone.name.casefold()):
            return zone.name, ""
    suggestion = ABBREVIATIONS.get(typed.upper())
    if suggestion is not None:
        return None, tr(
            "“%1” is an abbreviation, not a place: its clock does not follow daylight saving time the way "
            "a place does, and flight times would be an hour off part of the year. Choose your city instead, "
            "such as %2."
        ).replace("%1", typed).replace("%2", zone_label(suggestion))
    found = find_zones(typed)
    if len(found) == 1:
        return found[0].name, ""
    # A country whose zones all keep the same time (Germany: Berlin and Busingen): its first,
    # most populous zone. A country whose clocks differ (the United States) needs a choice.
    in_country = [zone for zone in found if zone.is_country(typed)]
    if in_country and len({_offsets(zone.name) for zone in in_country}) == 1:
        first = next(row[2] for row in tz_table("zone.tab") if row[2] in {z.name for z in in_country})
        return first, ""
    # A city and its country's zone share a name ("Berlin"): the city wins.
    exact = [zone for zone in found if zone.is_city(typed)]
    if len(exact) == 1:
        return exact[0].name, ""
    if found:
        names = ", ".join(zone.label for zone in found[:4])
        return None, tr("“%1” fits several time zones: choose one from the list (%2…).").replace("%1", typed).replace(
            "%2", names
        )
    return None, tr("No time zone found for “%1”: type your city or country, such as New York or Germany.").replace(
        "%1", typed
    )


def _offsets(name: str) -> tuple[object, object]:
    """A zone's UTC offsets in winter and summer: zones that share them keep the same time."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(name)
    return tuple(datetime(2027, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7))  # type: ignore[return-value]


class ZoneCombo(QComboBox):
    """The time zones by city and country ("New York, United States (America/New_York)"),
    listed when the user first opens or types in the box: reading them costs every start
    otherwise. The item data is the zone's IANA name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filled = False

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        current = self.currentData() or self.currentText()
        with QSignalBlocker(self):
            self.clear()
            for zone in all_zones():
                self.addItem(zone.label, zone.name)
            index = self.findData(current)
            if index >= 0:
                self.setCurrentIndex(index)
            else:
                self.setEditText(current)

    def zone(self) -> str | None:
        """The zone shown, or None when the text is not one of the list's."""
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index >= 0 else None

    def show_zone(self, name: str) -> None:
        """Show `name`, listed or not (a plan file may hold a zone this list lacks)."""
        index = self.findData(name)
        if index < 0 and not self._filled:
            self.clear()
            self.addItem(zone_label(name), name)
            index = 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def focusInEvent(self, event) -> None:
        self.fill()
        super().focusInEvent(event)
