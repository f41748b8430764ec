"""The home country's public holidays named in the family's language, from the `holidays`
library's own translations; English where the library has none; China's from our catalogue."""

import json
import warnings
from datetime import date
from pathlib import Path

import holidays
import pytest
from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.holiday_names import holiday_name
from carte_planner.i18n import PSEUDO, use_language
from carte_planner.office_calendars import library_language, office_calendar
from carte_planner.resources import resource_root
from tests.journeys import planned

FOLDER = resource_root() / "holidays"


def names_in_years(country: str, first: int, last: int, language: str) -> dict[date, str]:
    """The country's holidays from `first` to `last` as the plan shows them in `language`."""
    calendar = office_calendar(country, first, last)
    with use_language(language):
        holidays_shown = calendar.holidays_between(date(first, 1, 1), date(last, 12, 31))
        return {holiday.day: holiday.name for holiday in holidays_shown}


def names_in(country: str, year: int, language: str) -> dict[date, str]:
    return names_in_years(country, year, year, language)


def library_names(country: str, years: range, code: str) -> dict[date, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return dict(holidays.country_holidays(country, years=years, language=code))


def test_russias_new_year_holidays_in_russian():
    russian = names_in("RU", 2027, "ru")
    assert {russian[date(2027, 1, day)] for day in (1, 2, 3, 4, 5, 6, 8)} == {"Новогодние каникулы"}
    assert russian[date(2027, 1, 7)] == "Рождество Христово"
    assert russian[date(2027, 5, 9)] == "День Победы"
    assert names_in("RU", 2027, "en")[date(2027, 1, 1)] == "New Year Holidays"


def test_a_russian_family_in_moscow_reads_its_holidays_in_russian(capsys):
    request = TripRequest(start=date(2027, 2, 15), city="shanghai", home_tz="Europe/Moscow")
    journey = planned(request, date(2026, 11, 2))
    # The plan is made once; its holidays are named in the language they are read in.
    with use_language("ru"):
        home = {holiday.day: holiday.name for holiday in journey.holidays if holiday.country == "RU"}
    assert home[date(2027, 1, 4)] == "Новогодние каникулы"
    assert home[date(2027, 1, 7)] == "Рождество Христово"
    assert not any(name.isascii() for name in home.values())
    with use_language("zh_CN"):
        assert {h.name for h in journey.holidays if h.day == date(2027, 1, 4) and h.country == "RU"} == {"元旦假期"}
    arguments = ["--start", "2027-02-15", "--city", "Shanghai", "--home-tz", "Europe/Moscow", "--today", "2026-11-02"]
    assert main(["plan", *arguments, "--lang", "ru"]) == 0
    agenda = capsys.readouterr().out
    assert "Россия: Новогодние каникулы" in agenda
    assert "New Year Holidays" not in agenda


def test_germany_in_russian_gives_the_german_name_with_the_english():
    """The library has German, English, Thai and Ukrainian names for Germany, no Russian: the
    family knows the day by its German name."""
    assert library_language("ru", "DE", holidays.country_holidays("DE").supported_languages) is None
    assert names_in("DE", 2027, "ru")[date(2027, 12, 25)] == "Erster Weihnachtstag (Christmas Day)"
    assert names_in("DE", 2027, "zh_CN")[date(2027, 3, 26)] == "Karfreitag (Good Friday)"


@pytest.mark.parametrize(
    ("country", "code", "day", "name"),
    [
        ("SA", "ar", date(2027, 2, 22), "يوم التأسيس"),
        ("AE", "ar", date(2027, 1, 1), "رأس السنة الميلادية"),
        ("EG", "ar_EG", date(2027, 5, 1), "عيد العمال"),  # Egypt's names are the library's ar_EG
    ],
)
def test_arabic_speaking_countries_in_arabic(country, code, day, name):
    arabic = names_in(country, 2027, "ar")
    assert arabic[day] == name
    assert arabic == library_names(country, range(2027, 2028), code)


def test_the_united_states_in_chinese_keeps_the_english_names():
    """The library names the United States' holidays in English and Thai only."""
    assert "zh_CN" not in holidays.country_holidays("US").supported_languages
    assert names_in("US", 2027, "zh_CN")[date(2027, 7, 4)] == "Independence Day"


def test_russia_and_taiwan_in_simplified_chinese():
    assert names_in("RU", 2027, "zh_CN")[date(2027, 1, 1)] == "元旦假期"
    assert names_in("TW", 2027, "zh_CN")[date(2027, 1, 1)] == "中华民国开国纪念日"


@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_language_without_a_catalogue_falls_back_to_english(language):
    assert names_in("RU", 2027, language)[date(2027, 1, 1)] == "New Year Holidays"
    assert names_in("SA", 2027, language)[date(2027, 2, 22)] == "Founding Day Holiday"


def test_a_language_the_library_lacks_gets_the_countrys_own_name_with_the_english():
    assert names_in("RU", 2027, PSEUDO)[date(2027, 1, 1)] == "Новогодние каникулы (New Year Holidays)"
    assert names_in("SA", 2027, PSEUDO)[date(2027, 2, 22)] == "يوم التأسيس (Founding Day Holiday)"


def test_a_name_the_library_never_gave_stays_as_it_is():
    names = office_calendar("RU", 2027, 2027).names
    with use_language("ru"):
        assert holiday_name("RU", "Some other day", names) == "Some other day"
        assert holiday_name("ZZ", "Some other day") == "Some other day"


def test_which_of_the_librarys_languages_speaks_for_the_apps():
    assert library_language("ru", "KG", ("en_US", "ky", "ru_KG")) == "ru_KG"
    assert library_language("ar", "EG", ("ar_EG", "en_US", "fr")) == "ar_EG"
    assert library_language("ar", "QA", ("ar", "ar_QA")) == "ar"
    # Traditional characters are not Simplified Chinese.
    assert library_language("zh_CN", "TW", ("en_US", "zh_TW")) is None
    assert library_language("ar", "SA", ("ar_EG",)) is None


def test_chinas_holidays_keep_our_catalogues_names():
    """The library's zh_CN names for China differ from the glossary's (农历除夕 for 除夕, 补假 for
    补休), and it has no Russian or Arabic for China: China's files carry no library names."""
    assert "names" not in json.loads((FOLDER / "CN.json").read_text(encoding="utf-8"))
    with use_language("zh_CN"):
        assert holiday_name("CN", "Chinese New Year's Eve") == "除夕"
        assert holiday_name("CN", "Labor Day (observed)") == "劳动节（补休）"


def test_every_shipped_name_is_the_librarys_own():
    """For every country and language the files translate, each shipped day reads as the
    library names it in that language."""
    checked = 0
    for path in sorted(FOLDER.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        supported = holidays.country_holidays(data["country"]).supported_languages
        for language in data.get("names", {}):
            code = library_language(language, data["country"], supported)
            assert code is not None
            expected = library_names(data["country"], range(data["first_year"], data["last_year"] + 1), code)
            shown = names_in_years(data["country"], data["first_year"], data["last_year"], language)
            assert shown == expected, (data["country"], language)
            checked += 1
    assert checked >= 35


@pytest.fixture
def no_names_known():
    """Forget every calendar read so far: the names a test sees come with the calendars it reads."""
    office_calendar.cache_clear()
    yield
    office_calendar.cache_clear()


@pytest.mark.usefixtures("no_names_known")
def test_years_beyond_the_files_are_named_as_the_library_names_them():
    years = range(2040, 2042)
    assert names_in_years("RU", 2040, 2041, "ru") == library_names("RU", years, "ru")
    assert names_in_years("EG", 2040, 2041, "ar") == library_names("EG", years, "ar_EG")
    assert names_in_years("RU", 2040, 2041, "zh_CN")[date(2040, 1, 1)] == "元旦假期"


def test_the_calendar_file_names_the_home_holidays_in_its_language(tmp_path):
    output = tmp_path / "plan.ics"
    arguments = ["--start", "2027-03-22", "--city", "Shanghai", "--home-tz", "Asia/Riyadh", "--today", "2026-12-01"]
    assert main(["export", *arguments, "--lang", "ar", "--holidays", "-o", str(output)]) == 0
    summaries = [str(event["SUMMARY"]) for event in Calendar.from_ical(output.read_bytes()).walk("VEVENT")]
    assert any(summary.endswith(": يوم التأسيس") for summary in summaries)
    assert not any("Founding Day Holiday" in summary for summary in summaries)


def test_the_bundle_carries_every_catalogue_the_names_need():
    """packaging/carte-planner.spec bundles the library's catalogues of these languages."""
    from carte_planner.office_calendars import library_catalogues

    carried = set(library_catalogues())
    locale = Path(holidays.__file__).with_name("locale")
    assert all((locale / code / "LC_MESSAGES").is_dir() for code in carried)
    for path in FOLDER.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        supported = holidays.country_holidays(data["country"]).supported_languages
        assert {library_language(language, data["country"], supported) for language in data.get("names", {})} <= carried
    assert {"en_US", "zh_CN", "ru", "ru_KG", "ar", "ar_EG"} <= carried
    # Each country's own language too: a day the library cannot name in the reader's language is
    # shown with its own name (Karfreitag) beside the English.
    assert {"de", "uk"} <= carried
