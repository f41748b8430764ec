"""Properties of every journey: for any start date, city, scenario and home zone."""

import itertools
from datetime import date, time, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from carte_planner.domain import Category, Scenario, TripRequest
from carte_planner.resources import load_cities
from tests.journeys import planned

PHASES = ["screening", "manufacturing", "admission", "monitoring", "outpatient"]
ZONES_WITH_DST = [
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Jerusalem",
    "America/Santiago",
    "Asia/Kolkata",
    "Asia/Shanghai",
]

requests = st.builds(
    TripRequest,
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    city=st.sampled_from([city.key for city in load_cities()]),
    scenario=st.sampled_from(list(Scenario)),
    home_tz=st.sampled_from(ZONES_WITH_DST),
    flight_hours=st.floats(min_value=1, max_value=40, allow_nan=False),
    departure_time=st.times(),
    arrive_days_before=st.integers(0, 14),
    go_home=st.booleans(),
    travellers=st.lists(st.sampled_from(["Ana", "Luis", "Mei"]), min_size=1, max_size=6).map(tuple),
    visa_stay_days=st.integers(1, 365),
    followup_years=st.integers(0, 20),
    phase_days=st.dictionaries(st.sampled_from(PHASES), st.integers(1, 365), max_size=5).map(
        lambda d: tuple(d.items())
    ),
)


@given(requests)
def test_property_treatment_track_has_no_gap_or_overlap(request):
    journey = planned(request, request.start - timedelta(days=60))
    phases = [journey.item(f"phase:{key}") for key in PHASES]
    assert phases[0].start == request.start
    for before, after in itertools.pairwise(phases):
        assert before.start <= before.end
        assert after.start == before.end + timedelta(days=1)
    admission = journey.item("phase:admission")
    # The critical monitoring begins on Day 0; the admission phase holds the days before it.
    assert admission.start < journey.day_zero == journey.item("phase:monitoring").start


@given(requests)
def test_property_items_are_ordered_and_the_return_follows_clearance(request):
    journey = planned(request, request.start - timedelta(days=60))
    starts = [item.start for item in journey.items]
    assert starts == sorted(starts)
    lines = [line.day for line in journey.occurrences()]
    assert lines == sorted(lines)
    clearance = journey.item("milestone:fit-to-fly").start
    back_home = journey.item("flight:return")
    assert back_home.depart.date() > clearance
    assert journey.summary.clearance_range[0] <= journey.summary.clearance_range[1]


@given(requests)
def test_property_preparation_comes_before_departure_and_flights_land_after_they_leave(request):
    journey = planned(request, request.start - timedelta(days=60))
    outbound = journey.item("flight:outbound")
    for item in journey.items:
        if item.key.startswith("prep:"):
            assert item.start < outbound.depart.date()
        if item.category is Category.FLIGHT:
            assert item.arrive > item.depart
            assert item.arrive - item.depart == timedelta(hours=request.flight_hours)
    assert outbound.arrive.date() <= request.start - timedelta(days=request.arrive_days_before)
    assert outbound.arrive.tzinfo.key == "Asia/Shanghai"


@given(requests)
# A trip home that fits, and one that would leave too few days at home.
@example(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin", go_home=True))
@example(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin", go_home=True, phase_days=(("manufacturing", 5),)))
def test_property_home_trip_fits_between_leukapheresis_and_admission(request):
    journey = planned(request, request.start)
    keys = {item.key for item in journey.items}
    warned = {notice.code for notice in journey.warnings}
    if "flight:home-visit" in keys:
        assert request.go_home
        leave = journey.item("flight:home-visit")
        back = journey.item("flight:back-for-admission")
        assert leave.depart.date() > journey.item("milestone:leukapheresis").start
        assert (back.depart.date() - leave.arrive.date()).days >= 7
        assert back.arrive.date() <= journey.item("milestone:admission").start - timedelta(days=2)
        assert "two-entries" in warned
    else:
        # No trip home: the family did not ask for one, or it would be too short and the plan says so.
        assert "flight:back-for-admission" not in keys
        assert not request.go_home or "home-visit-too-short" in warned
        assert "two-entries" not in warned


@given(requests)
def test_property_series_dates_lie_in_their_phase_and_follow_day_zero(request):
    journey = planned(request, request.start)
    outpatient = journey.item("phase:outpatient")
    visits = journey.item("visits:outpatient").recurrence.dates
    assert visits
    for d in visits:
        assert outpatient.start <= d <= outpatient.end
    home = journey.item("flight:return").arrive.date()
    followups = [item for item in journey.items if item.category is Category.HOME_FOLLOWUP]
    # Follow-up at home for the years the family gave; none for zero years.
    assert bool(followups) == (request.followup_years > 0)
    for item in followups:
        assert item.recurrence.dates
        assert all(d > home for d in item.recurrence.dates)
        assert item.start == item.recurrence.dates[0]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 10, 1)))
def test_property_default_plan_warns_only_about_the_visa_stay(today):
    request = TripRequest(start=today + timedelta(weeks=8), home_tz="Europe/Berlin", departure_time=time(10))
    assert [n.code for n in planned(request, today).warnings] == ["visa-stay-too-long"]


WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def assumed_values(draw):
    """A request with the user's own values where the guide is silent, and any admission length."""
    rhythm = draw(st.sampled_from(["twice-weekly", "weekly", "every-two-weeks"]))
    weekdays = draw(
        st.lists(st.sampled_from(WEEKDAY_CODES), min_size=2 if rhythm == "twice-weekly" else 1, unique=True).map(
            lambda days: tuple(days[: 2 if rhythm == "twice-weekly" else 1])
        )
    )
    first = draw(st.integers(-30, -1))
    return TripRequest(
        start=draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31))),
        home_tz=draw(st.sampled_from(ZONES_WITH_DST)),
        day0_offset=draw(st.integers(1, 30)),
        chemotherapy_days=(first, draw(st.integers(first, -1))),
        visit_rhythm=rhythm,
        visit_weekdays=weekdays,
        early_rhythm=draw(st.sampled_from(["weekly", "every-two-weeks"])),
        return_time=draw(st.times()),
        phase_days=(("admission", draw(st.integers(1, 40))), ("outpatient", draw(st.integers(1, 70)))),
    )


@given(assumed_values())
def test_property_changed_assumptions_keep_treatment_in_order(request):
    journey = planned(request, request.start - timedelta(days=60))
    admission = journey.item("phase:admission")
    chemo = journey.item("milestone:chemotherapy")
    warned = {n.code for n in journey.warnings}
    admission_days = dict(journey.summary.phase_lengths)["admission"]
    assert ("admission-too-short" in warned) == (request.day0_offset >= admission_days)
    assert admission.start <= chemo.start <= chemo.end <= journey.day_zero
    # The admission phase holds the days before Day 0, at least one.
    assert admission.start <= admission.end == journey.day_zero - timedelta(days=1)
    if admission_days > 1:
        assert chemo.end < journey.day_zero
    if "admission-too-short" not in warned:
        assert journey.day_zero == admission.start + timedelta(days=request.day0_offset)
        if "chemotherapy-before-admission" not in warned:
            first, last = request.chemotherapy_days
            assert (chemo.start, chemo.end) == (
                journey.day_zero + timedelta(days=first),
                journey.day_zero + timedelta(days=last),
            )
    outpatient = journey.item("phase:outpatient")
    visits = journey.item("visits:outpatient").recurrence.dates
    assert all(outpatient.start <= day <= outpatient.end for day in visits)
    if len(visits) > 1:
        assert {WEEKDAY_CODES[day.weekday()] for day in visits} <= set(request.visit_weekdays)
        gaps = {(b - a).days for a, b in itertools.pairwise(visits)}
        assert max(gaps) <= (14 if request.visit_rhythm == "every-two-weeks" else 7)
    landed = journey.item("flight:return").arrive.date()
    early = journey.item("followup:early").recurrence.dates
    assert early[0] > landed
    first_monthly = journey.find("followup:monthly")
    if first_monthly is not None:
        assert first_monthly.start > early[-1]
    # Only the values this request leaves to the data file are still assumed.
    assert {a.name for a in journey.assumptions} <= {
        "preparation-offsets",
        "extension-lead-days",
        "home-followup-rhythm",
        "visa-processing-days",
        "passport-held-days",
    }
