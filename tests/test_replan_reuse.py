"""What re-planning reuses from one edit to the next (the consulate's calendar, the return odds
of the same phase lengths, the holidays' agenda lines) still gives each plan its own dates and
words."""

from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain import TripRequest
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.domain.return_odds import return_odds
from carte_planner.i18n import use_language
from tests.journeys import REFERENCE, START, TODAY, planned

BASE = TripRequest(start=START, city="beijing", home_tz="America/New_York", visa_stay_days=51)


def test_the_same_phase_lengths_a_week_later_give_odds_a_week_later():
    first = planned(BASE, TODAY)
    later = planned(replace(BASE, start=START + timedelta(days=7)), TODAY)
    odds, odds_later = return_odds(first, REFERENCE.protocol), return_odds(later, REFERENCE.protocol)
    week = timedelta(days=7)
    assert (odds_later.p50, odds_later.p80, odds_later.p95) == (odds.p50 + week, odds.p80 + week, odds.p95 + week)
    assert (odds_later.earliest, odds_later.latest) == (odds.earliest + week, odds.latest + week)


def test_a_longer_permitted_stay_needs_an_extension_in_fewer_outcomes():
    short = return_odds(planned(replace(BASE, visa_stay_days=30), TODAY), REFERENCE.protocol)
    long = return_odds(planned(replace(BASE, visa_stay_days=180), TODAY), REFERENCE.protocol)
    assert short.extension_needed_share == 1.0
    assert long.extension_needed_share == 0.0
    assert (short.p50, short.p95) == (long.p50, long.p95)


def test_a_consulate_closes_on_the_holidays_of_the_china_calendar_it_was_combined_with():
    home = OfficeCalendar("DE", "Germany", holidays={date(2027, 10, 3): "German Unity Day"})
    china = OfficeCalendar("CN", "China", holidays={date(2027, 10, 4): "National Day"}, official_until=2027)
    other_china = OfficeCalendar("CN", "China", holidays={date(2027, 10, 5): "National Day"}, official_until=2026)
    consulate = home.with_holidays_of(china)
    other = home.with_holidays_of(other_china)
    assert home.with_holidays_of(china) is consulate
    assert not consulate.is_open(date(2027, 10, 4))
    assert consulate.is_open(date(2027, 10, 5))
    assert not other.is_open(date(2027, 10, 5))
    assert other.is_open(date(2027, 10, 4))
    assert str(consulate.closed_reason(date(2027, 10, 4))) == "National Day (China)"
    assert "provisional" in str(other.closed_reason(date(2027, 10, 5)))


def test_the_consulate_reused_for_another_plan_speaks_the_language_of_the_window():
    home = OfficeCalendar("DE", "Germany")
    china = OfficeCalendar("CN", "China", holidays={date(2027, 10, 1): "National Day"})
    english = str(home.with_holidays_of(china).closed_reason(date(2027, 10, 1)))
    with use_language("ru"):
        russian = str(home.with_holidays_of(china).closed_reason(date(2027, 10, 1)))
    assert english == "National Day (China)"
    assert russian != english
    assert "National Day" not in russian


def test_is_open_agrees_with_the_closed_reason_on_every_day_of_a_year():
    china = planned(BASE, TODAY)
    calendar = OfficeCalendar(
        "CN",
        "China",
        holidays={holiday.day: holiday.source_name for holiday in china.holidays},
        working_days=frozenset({date(2027, 2, 7), date(2027, 2, 20)}),
    )
    day = date(2027, 1, 1)
    while day.year == 2027:
        assert calendar.is_open(day) == (calendar.closed_reason(day) is None), day
        day += timedelta(days=1)


def test_the_holidays_agenda_lines_follow_the_language():
    journey = planned(BASE, TODAY)
    lines = journey.holiday_items()
    assert lines, "the default plan's trip has public holidays"
    english = [line.title for line in lines]
    with use_language("zh_CN"):
        chinese = [line.title for line in planned(BASE, TODAY).holiday_items()]
    assert chinese != english
    assert [line.title for line in journey.holiday_items()] == english
