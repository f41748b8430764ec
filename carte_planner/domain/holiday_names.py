"""China's public holidays named in the current language. The `holidays` library names them
in English only; the home country's holidays keep the library's names (proper names)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from carte_planner.i18n import current_language, tr, tr_noop
from carte_planner.i18n.dates import DATE, format_day
from carte_planner.i18n.text import Words

CHINA = "CN"

# The few names the library gives China's holidays, as they appear in resources/holidays/CN.json.
CHINA_HOLIDAYS = {
    "New Year's Day": tr_noop("New Year's Day"),
    "Chinese New Year's Eve": tr_noop("Chinese New Year's Eve"),
    "Chinese New Year (Spring Festival)": tr_noop("Chinese New Year (Spring Festival)"),
    "Tomb-Sweeping Day": tr_noop("Tomb-Sweeping Day"),
    "Labor Day": tr_noop("Labor Day"),
    "Dragon Boat Festival": tr_noop("Dragon Boat Festival"),
    "Mid-Autumn Festival": tr_noop("Mid-Autumn Festival"),
    "National Day": tr_noop("National Day"),
}
_OBSERVED = " (observed)"
# The library writes the working weekend day a day off was swapped from as MM/DD/YYYY.
_SUBSTITUTED = re.compile(r"Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)")


def holiday_name(country: str, name: str) -> str:
    """`name` as the library gives it, in the current language when `country` is China; a
    name this table does not know stays as it is."""
    if country != CHINA or current_language() == "en":
        return name
    return "; ".join(_one_name(part) for part in name.split("; "))


def _one_name(name: str) -> str:
    if name.endswith(_OBSERVED):
        return tr("{holiday} (observed)").format(holiday=_one_name(name[: -len(_OBSERVED)]))
    swapped = _SUBSTITUTED.fullmatch(name)
    if swapped:
        month, day, year = (int(part) for part in swapped.groups())
        return tr("Day off (substituted from {date})").format(date=format_day(date(year, month, day), DATE))
    return tr(CHINA_HOLIDAYS[name]) if name in CHINA_HOLIDAYS else name


@dataclass(frozen=True, slots=True)
class HolidayName(Words):
    """A holiday's name as the library gives it, put into words in the reader's language."""

    country: str
    name: str

    def _words(self) -> str:
        return holiday_name(self.country, self.name)
