"""Write resources/holidays/*.json from the `holidays` library: the days offices close.

The planner needs China's calendar and the home country's for every plan, the first one too;
importing `holidays` and computing two countries costs about 200 ms, half of start-up. So the
years a plan usually needs are written here once, and the app reads a small file per country.
Years outside these files are computed from the library when a plan needs them
(carte_planner/office_calendars.py), and tests/test_office_calendars.py checks that the files
still match the library that is installed.

Run `make holidays-data` after upgrading `holidays`.
"""

from __future__ import annotations

import json
from pathlib import Path

from carte_planner.office_calendars import FIRST_YEAR, LAST_YEAR, calendar_data, supported_countries

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "holidays"


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for old in FOLDER.glob("*.json"):
        old.unlink()
    for country in supported_countries():
        data = calendar_data(country, FIRST_YEAR, LAST_YEAR)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (FOLDER / f"{country}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
