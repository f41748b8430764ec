"""One answer to "which time zone is this?", the same for the request, the command line and the window.

Only canonical IANA names are kept in a plan. Parsers disagree about everything else: the
`posix/` and `right/` trees (`right/` counts leap seconds), `posixrules`, `localtime` and
`Factory` are files of a system's zone folder, not zones; an old alias (`US/Eastern`,
`Asia/Calcutta`) is read by some clients and not by others, so it is replaced by the zone it
stands for; and an abbreviation such as `EST` or `CET` has no place, so it may miss daylight
saving: it is refused with a suggestion. The names come from tzdata's own files, the database
the planner reads: `tzdata.zi` (`Z` lines are zones, `L` lines are links) and `zone.tab`, whose
names for a country's places (Africa/Accra, Europe/Oslo) are kept as they are even where the
database now links them to another country's city.
"""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS
from carte_planner.i18n import tr_noop

FIELD = FIELDS["home_tz"]
# Zones that are abbreviations or rule names rather than places, with the place a user most
# likely means. (Several are links to one city in recent tzdata: EST to Panama, which has no
# daylight saving, is not what someone in New York means.)
_ABBREVIATIONS = {
    "EST": "America/New_York",
    "EST5EDT": "America/New_York",
    "CST6CDT": "America/Chicago",
    "MST": "America/Denver",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "CET": "Europe/Berlin",
    "MET": "Europe/Berlin",
    "EET": "Europe/Athens",
    "WET": "Europe/Lisbon",
}
_NOT_ZONES = ("posixrules", "localtime", "Factory")
# Every spelling of universal time is kept as plain UTC, the request's default.
_UTC_NAMES = {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"}
_UTC_NAMES |= {"GMT0", "GMT+0", "GMT-0", "Greenwich", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich"}


# The zone folder the names come from; by default the tzdata package's. The composition root
# points it at the database whose offsets zoneinfo reads (carte_planner/tz_database.py).
_folder: Path | None = None


def use_zone_folder(folder: Path) -> None:
    """Read the zone names from `folder` (a zoneinfo folder with tzdata.zi and zone.tab)."""
    global _folder
    _folder = folder
    _database.cache_clear()


@cache
def _database() -> tuple[frozenset[str], dict[str, str]]:
    zones: set[str] = set()
    links: dict[str, str] = {}
    folder: Path | Traversable = _folder or resources.files("tzdata").joinpath("zoneinfo")
    for line in folder.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "Z":
            zones.add(parts[1])
        elif len(parts) >= 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    for line in folder.joinpath("zone.tab").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and not line.startswith("#"):
            zones.add(parts[2])
            links.pop(parts[2], None)
    return frozenset(zones), links


def canonical_zones() -> list[str]:
    """The zone names a user can choose, sorted: canonical zones and UTC."""
    zones, _links = _database()
    return sorted((zones - _UTC_NAMES - set(_ABBREVIATIONS) - set(_NOT_ZONES)) | {"UTC"})


def canonical_zone(name: object) -> str:
    """The canonical IANA name for `name`, or PlanInputError saying what to write instead."""
    if not isinstance(name, str) or not name.strip():
        raise PlanInputError(FIELD, tr_noop("must be given (use a name such as {example})"), example="Europe/Berlin")
    text = name.strip()
    if text in _UTC_NAMES:
        return "UTC"
    if text in _ABBREVIATIONS:
        suggestion = _ABBREVIATIONS[text]
        if text in {"EST", "MST", "HST"}:
            raise PlanInputError(
                FIELD, tr_noop("{zone} has no daylight saving; did you mean {hint}?"), zone=text, hint=suggestion
            )
        raise PlanInputError(
            FIELD, tr_noop("{zone} is an abbreviation, not a place; did you mean {hint}?"), zone=text, hint=suggestion
        )
    if text in _NOT_ZONES or text.startswith(("posix/", "right/")):
        inner = text.split("/", 1)[1] if "/" in text else ""
        if inner and _known(inner):
            raise PlanInputError(
                FIELD,
                tr_noop("'{zone}' is a file of the zone database, not a time zone; did you mean {hint}?"),
                zone=text,
                hint=canonical_zone(inner),
            )
        raise PlanInputError(
            FIELD,
            tr_noop("'{zone}' is a file of the zone database, not a time zone (use a name such as {example})"),
            zone=text,
            example="Europe/Berlin",
        )
    zones, links = _database()
    if text in zones:
        return text
    if text in links:
        return canonical_zone(links[text])
    choices = canonical_zones()
    by_folded = {choice.casefold(): choice for choice in choices}
    if text.casefold() in by_folded:
        return by_folded[text.casefold()]
    close = difflib.get_close_matches(text.casefold(), list(by_folded), n=1, cutoff=0.75)
    if close:
        raise PlanInputError(
            FIELD,
            tr_noop("'{zone}' is not a known time zone. Did you mean {hint}?"),
            zone=text[:60],
            hint=by_folded[close[0]],
        )
    raise PlanInputError(
        FIELD,
        tr_noop("'{zone}' is not a known time zone. Use a name such as {example}."),
        zone=text[:60],
        example="Europe/Berlin",
    )


def _known(name: str) -> bool:
    try:
        canonical_zone(name)
    except PlanInputError:
        return False
    return True
