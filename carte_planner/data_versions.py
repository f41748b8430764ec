"""The versions of the data the dates rest on, for --version and the About box."""

from __future__ import annotations

import json
from functools import cache

from carte_planner.i18n import tr
from carte_planner.resource_folder import resource_root


@cache
def china_published_until() -> int | None:
    """The last year whose holiday arrangement China has published, as the shipped data has it."""
    path = resource_root() / "holidays" / "CN.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("official_until")
    except (OSError, ValueError):
        return None


def data_lines() -> list[str]:
    """One line per data source whose age matters to the dates."""
    from carte_planner.tz_database import current_database

    lines = []
    year = china_published_until()
    if year is not None:
        lines.append(
            tr(
                "China's public holidays: official arrangements published up to {year}; later years use modelled "
                "breaks and are marked provisional."
            ).format(year=year)
        )
    database = current_database()
    source = (
        tr("packaged with Carte Planner")
        if database.source == "packaged"
        else tr("this computer's, newer than the packaged one")
    )
    lines.append(tr("Time zones: tzdata {version} ({source}).").format(version=database.version, source=source))
    return lines
