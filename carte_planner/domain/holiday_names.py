"""Public holidays named in the current language: China's through our catalogue, the home
country's through the `holidays` library's own translations where it has them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from carte_planner.i18n import current_language, tr, tr_noop
from carte_planner.i18n.dates import DATE, format_day
from carte_planner.i18n.text import Words

CHINA = "CN"

# The few names the library gives China's holidays, as they appear in resources/holidays/CN.json.
# China's names go through our catalogue rather than the library's zh_CN names: the catalogue
# is reviewed against the glossary (除夕, 补休, the swapped day's date in words) and has Russian
# and Arabic, which the library lacks for China.
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


@dataclass(frozen=True)
class HolidayNames:
    """One country's holiday names beyond the English ones, as its office calendar brings them
    (from resources/holidays or the library): `translated` is {language: {English: name}} for
    the app's languages, `own` is {English: the name in the country's own language}, for a
    reader whose language the library lacks there: a family from Germany knows Karfreitag,
    whatever language it reads."""

    translated: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    own: Mapping[str, str] = field(default_factory=dict)


NO_NAMES = HolidayNames()


def holiday_name(country: str, name: str, names: HolidayNames = NO_NAMES) -> str:
    """`name` as the library gives it in English, in the current language: China's from our
    catalogue, another country's from the library's translation when it has one. A name
    neither knows stays as it is."""
    language = current_language()
    if language == "en":
        return name
    if country != CHINA:
        translated = names.translated.get(language, {}).get(name)
        if translated is not None:
            return translated
    return tr("; ").join(_one_name(country, part, names) for part in name.split("; "))


def _one_name(country: str, name: str, names: HolidayNames) -> str:
    if name.endswith(_OBSERVED):
        return tr("{holiday} (observed)").format(holiday=_one_name(country, name[: -len(_OBSERVED)], names))
    swapped = _SUBSTITUTED.fullmatch(name)
    if swapped:
        # The library's MM/DD/YYYY is an American date: the reader gets one in their language.
        month, day, year = (int(part) for part in swapped.groups())
        return tr("Day off (substituted from {date})").format(date=format_day(date(year, month, day), DATE))
    if country == CHINA:
        return tr(CHINA_HOLIDAYS[name]) if name in CHINA_HOLIDAYS else name
    translated = names.translated.get(current_language(), {}).get(name)
    if translated is not None:
        return translated
    own = names.own.get(name)
    # The country's own name first, the English the library gives beside it.
    return f"{own} ({name})" if own else name


@dataclass(frozen=True, slots=True)
class HolidayName(Words):
    """A holiday's name as the library gives it, put into words in the reader's language."""

    country: str
    name: str
    names: HolidayNames = field(default=NO_NAMES, compare=False)

    def _words(self) -> str:
        return holiday_name(self.country, self.name, self.names)
