"""The tz database's own tables of countries and zones (iso3166.tab, zone.tab), read from the
tzdata package: where a zone's country and a country's name come from."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from carte_planner.domain.zones import ZoneNames

# The zone folder the tables come from; by default the tzdata package's
# (see carte_planner/tz_database.py).
_folder: Path | None = None


def use_table_folder(folder: Path) -> None:
    global _folder
    _folder = folder
    tz_table.cache_clear()
    country_names.cache_clear()
    zone_countries.cache_clear()


@cache
def tz_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of one table, comments left out. A plain path, not importlib.resources: the
    zip imports that would load cost start-up time for nothing here."""
    text = _read(name)
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#"))


def _read(name: str) -> str:
    folder = _folder
    if folder is None:
        import tzdata

        folder = Path(tzdata.__file__).parent / "zoneinfo"
    return (folder / name).read_text(encoding="utf-8")


@cache
def country_names() -> dict[str, str]:
    """Country names by their two-letter ISO 3166 code."""
    return {row[0]: row[1].strip() for row in tz_table("iso3166.tab")}


@cache
def zone_countries() -> dict[str, str]:
    """The country of each zone: how the home country follows the home time zone."""
    return {row[2]: row[0] for row in tz_table("zone.tab")}


def zone_names() -> ZoneNames:
    """The zone names of the database: `Z` lines of tzdata.zi are zones, `L` lines links, and
    zone.tab's names for a country's places are zones even where tzdata.zi links them."""
    zones: set[str] = set()
    links: dict[str, str] = {}
    for line in _read("tzdata.zi").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "Z":
            zones.add(parts[1])
        elif len(parts) >= 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    for row in tz_table("zone.tab"):
        if len(row) >= 3:
            zones.add(row[2])
            links.pop(row[2], None)
    return ZoneNames(frozenset(zones), links)
