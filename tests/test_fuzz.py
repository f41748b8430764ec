"""Fuzzing the plan-file loader: any bytes give a plan or the project's own error, nothing else.

`make fuzz` runs these (and the other property tests) with many more examples.
"""

import contextlib
import json
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, CustomItem
from carte_planner.domain.plan import CalendarServer, Plan, PublishedEvent
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.journeys import REFERENCE, planned

VALID = json.loads(
    plan_to_bytes(
        Plan(
            TripRequest(
                start=date(2027, 3, 1), phase_days=(("screening", 9),), moved=(("prep:records", date(2027, 1, 2)),)
            ),
            "fuzz-plan",
            ChecklistState().with_done("records-imaging", True).with_added(CustomItem("custom:1", "travel", "x")),
            server=CalendarServer(
                url="https://cloud.example.org/dav/",
                user="family",
                calendar_url="https://cloud.example.org/dav/calendars/family/trip/",
                calendar_name="Trip",
                published_at=datetime(2027, 1, 2, 9, tzinfo=UTC),
                events=(PublishedEvent("u@carte-planner", "u-carte-planner.ics", '"1"', "f", date(2027, 3, 1)),),
            ),
        )
    )
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def paths(document, prefix=()):
    """Every path to a value inside a JSON document."""
    yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from paths(value, (*prefix, index))


ALL_PATHS = [p for p in paths(VALID) if p]


def mutated(path, value):
    document = json.loads(json.dumps(VALID))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return json.dumps(document, allow_nan=True).encode("utf-8")


def load_or_refuse(data: bytes):
    try:
        plan = plan_from_bytes(data, REFERENCE)
    except PlanFileError as error:
        message = str(error)
    else:
        message = ""
    if message:
        return None
    assert isinstance(plan, Plan)
    planned(plan.request)  # whatever loads must also plan
    return plan


@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data):
    load_or_refuse(data)


@given(json_values)
def test_fuzz_random_json(value):
    load_or_refuse(json.dumps(value).encode("utf-8"))


@given(st.sampled_from(ALL_PATHS), json_values)
def test_fuzz_one_field_changed(path, value):
    load_or_refuse(mutated(path, value))


@given(st.sampled_from(ALL_PATHS))
def test_fuzz_one_field_removed(path):
    document = json.loads(json.dumps(VALID))
    target = document
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    load_or_refuse(json.dumps(document).encode("utf-8"))


@given(st.integers(min_value=1, max_value=len(json.dumps(VALID)) - 1))
def test_fuzz_truncated_file(length):
    load_or_refuse(json.dumps(VALID).encode("utf-8")[:length])


def test_deeply_nested_json_is_refused_not_crashing():
    load_or_refuse(b"[" * 100_000 + b"]" * 100_000)


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.times(),
    st.lists(st.text(max_size=5), max_size=3),
    st.tuples(st.text(max_size=5), st.integers()),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
FIELDS = [
    "start",
    "city",
    "scenario",
    "home_tz",
    "home_airport",
    "flight_hours",
    "departure_time",
    "arrive_days_before",
    "go_home",
    "travellers",
    "visa_stay_days",
    "followup_years",
    "phase_days",
    "moved",
    "confirmed",
    "hospital_name",
    "hospital_phone",
]


@given(st.dictionaries(st.sampled_from(FIELDS), anything, max_size=4))
def test_fuzz_random_request_values(values):
    from carte_planner.domain import PlanInputError

    values.setdefault("start", date(2027, 3, 1))
    try:
        request = TripRequest(**values)
    except PlanInputError as error:
        field = error.field
    else:
        field = ""
    if field:
        return
    with contextlib.suppress(PlanInputError):
        planned(request)
