"""One time-zone database for zone names and UTC offsets: the newer of the system's and the
packaged tzdata.

Python's zoneinfo reads a system zone folder first and the `tzdata` package only after it, while
the zone names and countries came from the package: on a machine whose system data is older
than the package, a zone the rules changed for (Morocco, British Columbia in 2026) got its
name from one release and its offsets from another. So the versions are compared once, at
start, and zoneinfo, the zone names and the zone tables all read the newer one.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from carte_planner.domain.zones import use_zone_names
from carte_planner.tz_tables import use_table_folder, zone_names

# The search path zoneinfo started with, before this module narrowed it.
_SYSTEM_TZPATH = tuple(zoneinfo.TZPATH)
_TABLES = ("tzdata.zi", "zone.tab", "iso3166.tab")


@dataclass(frozen=True)
class ZoneDatabase:
    version: str
    # "packaged" (the tzdata package) or "system" (the computer's zone folder).
    source: str
    folder: Path


def folder_version(folder: Path) -> str | None:
    """The release a zone folder holds, from the first line of its tzdata.zi ("# version 2026a")."""
    try:
        with (folder / "tzdata.zi").open(encoding="utf-8") as file:
            first = file.readline().split()
    except OSError:
        return None
    return first[2] if len(first) >= 3 and first[:2] == ["#", "version"] else None


def version_key(version: str) -> tuple[int, int, str]:
    """Releases in order: 2025b < 2026a < 2026z < 2026za."""
    match = re.fullmatch(r"(\d{4})([a-z]*)", version)
    return (int(match[1]), len(match[2]), match[2]) if match else (0, 0, "")


def choose(system_folders: Iterable[str], packaged: Path, packaged_version: str) -> ZoneDatabase:
    """The packaged data, unless the first system folder zoneinfo would read is newer and has
    the tables the names come from."""
    chosen = ZoneDatabase(packaged_version, "packaged", packaged)
    for name in system_folders:
        folder = Path(name)
        version = folder_version(folder)
        if version is None:
            continue
        if version_key(version) > version_key(packaged_version) and all((folder / t).is_file() for t in _TABLES):
            chosen = ZoneDatabase(version, "system", folder)
        break
    return chosen


_current: ZoneDatabase | None = None


def use_one_database(system_folders: Iterable[str] | None = None) -> ZoneDatabase:
    """Make zoneinfo, the zone names and the zone tables read the newer database, and say which."""
    global _current
    import tzdata

    packaged = Path(tzdata.__file__).parent / "zoneinfo"
    folders = _SYSTEM_TZPATH if system_folders is None else tuple(system_folders)
    chosen = choose(folders, packaged, tzdata.IANA_VERSION)
    # The chosen folder alone on the search path, the package's too: zoneinfo reads the same
    # files by plain path, without importing importlib.resources to reach the package's.
    zoneinfo.reset_tzpath(to=[str(chosen.folder)])
    zoneinfo.ZoneInfo.clear_cache()
    use_table_folder(chosen.folder)
    use_zone_names(zone_names)
    _current = chosen
    return chosen


def current_database() -> ZoneDatabase:
    return _current or use_one_database()
