"""The versions of the data the dates rest on, for --version and the About box."""

from __future__ import annotations

import json
from functools import cache

from carte_planner.i18n import tr
from carte_planner.resources import resource_root


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
    year = china_published_until()
    if year is None:
        return []
    return [
        tr(
            "China's public holidays: official arrangements published up to {year}; later years use modelled breaks "
            "and are marked provisional."
        ).format(year=year)
    ]
