"""The shipped holiday files agree with the `holidays` library they were written from."""

import json
from datetime import date

import holidays
import pytest

from carte_planner.domain.office_days import CHINA
from carte_planner.office_calendars import (
    FIRST_YEAR,
    LAST_YEAR,
    calendar_data,
    home_country_of,
    office_calendar,
    supported_countries,
)
from carte_planner.resources import resource_root
from tests.journeys import planned

FOLDER = resource_root() / "holidays"


def test_every_country_the_library_knows_has_a_file():
    assert sorted(path.stem for path in FOLDER.glob("*.json")) == supported_countries()


# RU, SA, AE, EG (ar_EG), KG (ru_KG) and TW carry names in the app's languages as well.
@pytest.mark.parametrize(
    "country", ["CN", "US", "DE", "GB", "AU", "SA", "RU", "IL", "IN", "BR", "AE", "EG", "KG", "TW"]
)
def test_the_files_match_the_installed_library(country):
    shipped = json.loads((FOLDER / f"{country}.json").read_text(encoding="utf-8"))
    assert shipped["library"] == f"holidays {holidays.__version__}", "run `make holidays-data`"
    assert shipped == calendar_data(country, FIRST_YEAR, LAST_YEAR)


def test_a_shipped_calendar_and_a_computed_one_agree():
    shipped = office_calendar(CHINA, 2027, 2028)
    computed = office_calendar(CHINA, 2020, 2028)  # outside the files: from the library
    for day, name in shipped.holidays.items():
        if day.year in (2027, 2028):
            assert computed.holidays[day] == name
    assert shipped.official_until == computed.official_until == 2026


def test_weekends_follow_the_country():
    saudi = office_calendar("SA", 2027, 2027)
    assert str(saudi.closed_reason(date(2027, 3, 5))) == "Friday"
    assert saudi.is_open(date(2027, 3, 7))  # a Sunday


def test_home_countries_from_time_zones():
    assert home_country_of("Europe/Berlin") == "DE"
    assert home_country_of("America/Sao_Paulo") == "BR"
    assert home_country_of("UTC") == ""


def test_every_time_zones_country_has_holidays():
    from carte_planner.office_calendars import zone_countries

    assert set(zone_countries().values()) <= set(supported_countries())


def test_a_country_the_library_does_not_know_has_weekends_only():
    calendar = office_calendar("ZZ", 2027, 2027)
    assert not calendar.known
    assert calendar.holidays == {}
    assert str(calendar.closed_reason(date(2027, 3, 6))) == "Saturday"


def test_an_unknown_home_country_is_refused_with_a_hint():
    from carte_planner.domain import PlanInputError, TripRequest

    with pytest.raises(PlanInputError, match="the United Kingdom is GB"):
        planned(TripRequest(start=date(2027, 3, 1), home_country="UK"))
    assert planned(TripRequest(start=date(2027, 3, 1), home_country="GB")).home_country == "GB"
