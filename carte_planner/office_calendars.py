"""Office calendars for China and the home country, from resources/holidays or the `holidays` library.

The files under resources/holidays are written by scripts/update_holidays.py from the same
library, for the years most plans need: reading one is about a millisecond, while importing
the library costs a large part of start-up. A plan outside those years asks the library
itself, which knows the festival dates of any year.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

from carte_planner.domain.holiday_breaks import with_modelled_years
from carte_planner.domain.holiday_names import HolidayNames
from carte_planner.domain.office_days import CHINA, CalendarSource, OfficeCalendar
from carte_planner.i18n import LANGUAGES
from carte_planner.resource_folder import resource_root
from carte_planner.tz_tables import country_names, zone_countries

FIRST_YEAR = 2025
LAST_YEAR = 2036
_SPRING_FESTIVAL = "Chinese New Year (Spring Festival)"


def supported_countries() -> list[str]:
    """Two-letter codes of the countries the `holidays` library knows."""
    import holidays

    return sorted(code for code in holidays.list_supported_countries() if len(code) == 2)


def calendar_data(country: str, first_year: int, last_year: int) -> dict[str, Any]:
    """One country's closed and declared working days, as plain data (what the files hold)."""
    import holidays

    years = range(first_year, last_year + 1)
    with warnings.catch_warnings():
        # Some countries' data cover fewer years; the days they do cover are still right.
        warnings.simplefilter("ignore")
        # A country the library does not translate into en_US gets the names it is written
        # with, which are English for all such countries. The language asked for is one whose
        # catalogue the bundle carries (packaging/carte-planner.spec).
        table = holidays.country_holidays(country, years=years, language="en_US")
        closed = sorted(table.items())
        # China's names go through our own catalogue (carte_planner/domain/holiday_names.py).
        names = {} if country == CHINA else _names_in_languages(country, years, closed, table.supported_languages)
        own = {} if country == CHINA else _own_names(country, years, closed, table.default_language)
    data: dict[str, Any] = {
        "library": f"holidays {holidays.__version__}",
        "country": country,
        "first_year": first_year,
        "last_year": last_year,
        "weekend": sorted(table.weekend),
        "holidays": {day.isoformat(): name for day, name in closed},
        "working_days": sorted(
            day.isoformat() for day in getattr(table, "weekend_workdays", ()) if first_year <= day.year <= last_year
        ),
    }
    if names:
        data["names"] = names
    if own:
        data["own_names"] = own
    if country == CHINA:
        data["official_until"] = _china_official_until()
        festivals: dict[str, str] = {}
        for day, name in closed:
            if _SPRING_FESTIVAL in [part.strip() for part in name.split(";")]:
                festivals.setdefault(str(day.year), day.isoformat())
        data["spring_festival"] = festivals
    return data


def library_language(language: str, country: str, supported: Iterable[str]) -> str | None:
    """The library's code for one of the app's languages in `country`, or None when it has no
    names in that language there: the same code, else the country's own variant ("ar_EG" in
    Egypt, "ru_KG" in Kyrgyzstan). Chinese is zh_CN only: the library's zh_TW, zh_HK and zh_MO
    are written in traditional characters."""
    available = set(supported)
    if language in available:
        return language
    regional = f"{language}_{country}"
    return regional if "_" not in language and regional in available else None


def library_catalogues() -> list[str]:
    """The languages this app asks the library for, whose name catalogues the bundle carries
    (packaging/carte-planner.spec): en_US, each country's code for the app's languages, and
    each country's own language (a day's own name, beside the English one)."""
    import holidays

    codes = {"en_US"}
    for country, supported in holidays.list_localized_countries(include_aliases=False).items():
        own = holidays.country_holidays(country).default_language
        if own:
            codes.add(own)
        for language in LANGUAGES:
            code = None if language == "en" else library_language(language, country, supported)
            if code is not None:
                codes.add(code)
    return sorted(codes)


def _names_in_languages(
    country: str, years: range, closed: list[tuple[date, str]], supported: Iterable[str] | None
) -> dict[str, dict[str, str]]:
    """{language: {English name: the library's name in that language}} for the app's languages,
    leaving out names that stay the same. A name is looked up by its English text when shown, so
    an English name the library translates two ways on different days stays English."""
    import holidays

    names: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        code = None if language == "en" else library_language(language, country, supported or ())
        if code is None:
            continue
        table = holidays.country_holidays(country, years=years, language=code)
        seen: dict[str, set[str]] = {}
        for day, name in closed:
            seen.setdefault(name, set()).add(table.get(day, name))
        translated = {name: min(local) for name, local in seen.items() if len(local) == 1 and name not in local}
        if translated:
            names[language] = dict(sorted(translated.items()))
    return names


def _own_names(country: str, years: range, closed: list[tuple[date, str]], language: str | None) -> dict[str, str]:
    """{English name: the name in the country's own language} (Karfreitag for Good Friday), for
    a reader whose language the library does not have there: the family knows the day by it."""
    import holidays

    if not language or language.startswith("en"):
        return {}
    table = holidays.country_holidays(country, years=years, language=language)
    seen: dict[str, set[str]] = {}
    for day, name in closed:
        seen.setdefault(name, set()).add(table.get(day, name))
    return dict(sorted((name, min(local)) for name, local in seen.items() if len(local) == 1 and name not in local))


def _china_official_until() -> int:
    """The last year whose holiday arrangement China has published and the library records;
    later years follow computed festival dates and are provisional."""
    from holidays.countries.china import ChinaStaticHolidays

    return max(ChinaStaticHolidays.special_public_holidays)


def _parse(data: dict[str, Any], name: str) -> OfficeCalendar:
    holidays = {date.fromisoformat(day): text for day, text in data["holidays"].items()}
    working_days = frozenset(date.fromisoformat(day) for day in data["working_days"])
    official_until = data.get("official_until")
    if official_until is not None:
        # The library's festival days are not the breaks offices close for in those years.
        holidays, working_days = with_modelled_years(holidays, working_days, official_until)
    return OfficeCalendar(
        country=data["country"],
        name=name,
        weekend=frozenset(data["weekend"]),
        holidays=holidays,
        working_days=working_days,
        official_until=official_until,
        spring_festival={int(year): date.fromisoformat(day) for year, day in data.get("spring_festival", {}).items()},
        names=HolidayNames(data.get("names", {}), data.get("own_names", {})),
    )


@cache
def office_calendar(country: str, first_year: int, last_year: int) -> OfficeCalendar:
    """The office calendar of `country` covering the years asked for. A country the library does
    not know gets weekends only, marked as not known."""
    name = country_names().get(country, country)
    if first_year >= FIRST_YEAR and last_year <= LAST_YEAR:
        path = resource_root() / "holidays" / f"{country}.json"
        if path.is_file():
            return _parse(json.loads(path.read_text(encoding="utf-8")), name)
        if country != CHINA:
            return OfficeCalendar(country, name, known=False)
    if country not in supported_countries():
        return OfficeCalendar(country, name, known=False)
    return _parse(calendar_data(country, first_year, last_year), name)


def home_country_of(zone: str) -> str:
    """The country a time zone belongs to ("" for UTC and other zones of no country)."""
    return zone_countries().get(zone, "")


class ShippedCalendars:
    """The planner's default calendar source."""

    def calendar(self, country: str, first_year: int, last_year: int) -> OfficeCalendar:
        return office_calendar(country, first_year, last_year)

    def home_country(self, zone: str) -> str:
        return home_country_of(zone)

    def is_country(self, code: str) -> bool:
        return code in country_names()


SHIPPED = ShippedCalendars()


DEFAULT_WEEKS_AHEAD = 8


def default_start(today: date, calendars: CalendarSource) -> date:
    """The first hospital day of a new plan: the first working day in China at least eight
    weeks from today, so that a new plan starts on a day the hospital is open."""
    day = today + timedelta(weeks=DEFAULT_WEEKS_AHEAD)
    return calendars.calendar(CHINA, day.year, day.year + 1).open_on_or_after(day)
