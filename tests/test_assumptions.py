"""Values the guide does not give: marked "assumed" in every output, and each one changeable."""

import itertools
import json
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

import pytest
import vobject

from carte_planner.domain import PlanInputError, TripRequest
from carte_planner.domain.checklist import QUESTIONS_STAGE, ChecklistState, build_checklist, checklist_items
from carte_planner.domain.identity import event_uid
from carte_planner.domain.people import Person, Role, Turn
from carte_planner.export.agenda import journey_json, journey_text
from carte_planner.export.checklist_document import checklist_document, checklist_text
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.resources import load_checklist_template, load_protocol
from tests.journeys import planned_trip

START = date(2027, 3, 1)
# Every assumption of the data file is in effect in this plan: the trip home uses the
# home-trip timing, the 103 days in China need a stay extension, and the patient's visa
# application, moved to two days before the flight, leaves the caregiver's resting on the
# assumed processing time; a third traveller, a caregiver whose turn ends inside the other
# caregiver's, hands over on a day that rests on the assumed overlap.
EVERY_ASSUMPTION = {
    "go_home": True,
    "home_tz": "Europe/Berlin",
    "moved": (("prep:visa:1", date(2027, 2, 24)),),
    "people": (
        Person("Patient", Role.PATIENT),
        Person("Caregiver", Role.CAREGIVER),
        Person("Lena", Role.CAREGIVER, turns=(Turn(date(2027, 4, 1), date(2027, 4, 20)),)),
    ),
}


plan = partial(planned_trip, home_tz="Europe/Berlin")


def checklist_of(journey):
    return build_checklist(journey, load_checklist_template(), ChecklistState())


def names():
    return [spec.name for spec in load_protocol().assumptions]


def ics_descriptions(journey, checklist=()):
    options = ExportOptions(plan_id="plan-1", now=datetime(2027, 1, 1, tzinfo=UTC), checklist=tuple(checklist))
    data = export_ics(journey, options)
    calendar = vobject.readOne(data.decode("utf-8"))
    return {event.uid.value: event.description.value for event in calendar.vevent_list}


# -- every assumption, marked in every output ------------------------------------------------


def test_the_data_file_names_the_assumptions_the_issue_lists():
    assert set(names()) >= {
        "day0-offset",
        "chemotherapy-days",
        "visit-rhythm",
        "early-home-followup",
        "home-followup-rhythm",
        "preparation-offsets",
        "return-flight-time",
        "extension-lead-days",
    }


def questions_of(journey):
    return checklist_of(journey).stage_entries(QUESTIONS_STAGE)


@pytest.mark.parametrize("name", names())
def test_every_assumption_is_marked_in_the_json(name):
    journey = plan(**EVERY_ASSUMPTION)
    data = json.loads(journey_json(journey, questions_of(journey)))
    assert name in {a["name"] for a in data["assumptions"]}
    carrying = [item for item in data["items"] if name in item["assumptions"]]
    assert all(item["assumed"] is True for item in carrying)
    assert all("Assumed by Carte Planner" in item["description"] for item in carrying)
    questions = [q for q in data["questions"] if name in q["assumptions"]]
    assert all(q["assumed"] is True for q in questions)
    assert carrying or questions, f"nothing rests on {name}"


@pytest.mark.parametrize("name", names())
def test_every_assumption_is_marked_in_the_text_plan_and_the_calendar(name):
    journey = plan(**EVERY_ASSUMPTION)
    assumption = next(a for a in journey.catalogue if a.name == name)
    text = journey_text(journey, questions_of(journey))
    assert assumption.text in text
    assert any("assumed:" in line and assumption.label in line for line in text.splitlines() if "[" in line)
    entries = checklist_items(checklist_of(journey))
    descriptions = ics_descriptions(journey, entries)
    item = next(item for item in (*journey.items, *entries) if name in item.assumptions)
    assert assumption.text in descriptions[event_uid(item.key, "plan-1")].replace("\n", " ")


@pytest.mark.parametrize("name", names())
def test_every_assumption_is_marked_in_the_checklist_and_printout(name):
    journey = plan(**EVERY_ASSUMPTION)
    checklist = checklist_of(journey)
    assumption = next(a for a in journey.catalogue if a.name == name)
    markdown = checklist_text(journey, checklist, markdown=True)
    assert "## Assumptions" in markdown
    assert assumption.text in markdown
    document = checklist_document(journey, checklist).full_html()
    assert assumption.text.replace('"', "&quot;") in document or assumption.text in document


def test_the_printout_marks_assumed_key_dates_and_due_dates():
    journey = plan(**EVERY_ASSUMPTION)
    html = checklist_document(journey, checklist_of(journey)).full_html()
    assert "(assumed: Day 0 offset)" in html
    assert "assumed date" in html
    markdown = checklist_text(journey, checklist_of(journey), markdown=True)
    assert "assumed: preparation date" in markdown


def test_a_date_set_by_the_user_or_confirmed_is_no_longer_assumed():
    journey = plan(moved=(("prep:records", date(2027, 1, 10)),), confirmed=frozenset({"flight:return"}))
    assert journey.item("prep:records").assumptions == ()
    assert "Assumed" not in journey.item("prep:records").description
    assert journey.item("flight:return").assumptions == ()
    assert journey.item("prep:invitation").assumptions == ("preparation-offsets",)
    line = next(line for line in journey_text(journey).splitlines() if "Send medical records" in line)
    assert "date set by you" in line
    assert "assumed" not in line


@pytest.mark.parametrize(
    ("field", "value", "name"),
    [
        ("day0_offset", 4, "day0-offset"),
        ("chemotherapy_days", (-4, -2), "chemotherapy-days"),
        ("visit_rhythm", "weekly", "visit-rhythm"),
        ("followup_rhythm", ((1, 6), (3, 24), (12, 240)), "home-followup-rhythm"),
        ("early_rhythm", "weekly", "early-home-followup"),
        ("return_time", time(9, 30), "return-flight-time"),
    ],
)
def test_a_value_the_user_sets_is_theirs_not_an_assumption(field, value, name):
    journey = plan(**{field: value})
    assert name not in {a.name for a in journey.assumptions}
    assert not any(name in item.assumptions for item in journey.items)


# -- changing an assumption moves what depends on it ---------------------------------------


def test_a_changed_day0_offset_moves_the_day_labels_and_the_follow_up():
    before = plan(followup_years=3)
    after = plan(followup_years=3, day0_offset=7)
    admission = before.item("milestone:admission").start
    assert before.day_zero == admission + timedelta(days=5)
    assert after.day_zero == admission + timedelta(days=7)
    assert after.item("milestone:infusion").start == after.day_zero
    assert before.day_label(admission) == "Day \u22125"
    assert after.day_label(admission) == "Day \u22127"
    assert after.item("milestone:chemotherapy").start == after.day_zero - timedelta(days=5)
    assert after.item("milestone:chemotherapy").end == after.day_zero - timedelta(days=3)
    # Months at home count from Day 0, so every one moves by the same two days.
    for label in ("quarterly", "yearly"):
        old, new = before.item(f"followup:{label}"), after.item(f"followup:{label}")
        assert [d + timedelta(days=2) for d in old.recurrence.dates] == list(new.recurrence.dates)
    # The critical monitoring begins on Day 0, so it moves with it, and everything after it.
    assert after.item("phase:monitoring").start == after.day_zero
    assert after.summary.clearance == before.summary.clearance + timedelta(days=2)


def test_moving_the_infusion_day_sets_day_0():
    journey = plan(moved=(("milestone:infusion", date(2027, 4, 8)),))
    assert journey.day_zero == date(2027, 4, 8)
    infusion = journey.item("milestone:infusion")
    assert infusion.user_moved
    assert infusion.assumptions == ()
    assert "day0-offset" not in {a.name for a in journey.assumptions}
    assert not any(n.code == "moved-item-gone" for n in journey.notices)


def test_an_infusion_day_outside_admission_is_kept_inside_with_a_warning():
    journey = plan(moved=(("milestone:infusion", date(2027, 5, 20)),))
    admission = journey.item("phase:admission")
    assert admission.start < journey.day_zero == admission.end + timedelta(days=1)
    warning = next(n for n in journey.warnings if n.code == "infusion-outside-admission")
    assert "Thu 20 May 2027" in warning.message


def weekdays_of(journey):
    return {d.strftime("%a") for d in journey.item("visits:outpatient").recurrence.dates}


def test_twice_weekly_visits_fall_on_monday_and_thursday():
    journey = plan()
    visits = journey.item("visits:outpatient")
    outpatient = journey.item("phase:outpatient")
    assert weekdays_of(journey) == {"Mon", "Thu"}
    assert visits.recurrence.rule.startswith("FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=")
    dates = visits.recurrence.dates
    assert dates[0] >= outpatient.start
    assert dates[-1] < outpatient.end
    assert dates[0] - outpatient.start < timedelta(days=4)
    assert all(b - a in (timedelta(days=3), timedelta(days=4)) for a, b in itertools.pairwise(dates))


def test_weekly_visits_fall_once_a_week_on_the_first_weekday():
    journey = plan(visit_rhythm="weekly")
    dates = journey.item("visits:outpatient").recurrence.dates
    assert weekdays_of(journey) == {"Mon"}
    assert all(b - a == timedelta(weeks=1) for a, b in itertools.pairwise(dates))
    assert len(dates) == 6  # the 42-day typical outpatient phase, Mondays before the fit-to-fly check


def test_visits_every_two_weeks_on_the_chosen_weekday():
    journey = plan(visit_rhythm="every-two-weeks", visit_weekdays=("WE",))
    visits = journey.item("visits:outpatient")
    dates = visits.recurrence.dates
    assert weekdays_of(journey) == {"Wed"}
    assert all(b - a == timedelta(weeks=2) for a, b in itertools.pairwise(dates))
    assert visits.recurrence.rule.startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=")
    assert len(dates) == 3


def test_weekdays_that_do_not_fit_the_rhythm_are_refused_in_words():
    with pytest.raises(PlanInputError) as error:
        plan(visit_weekdays=("TU",))
    assert error.value.field == "visit weekdays"
    assert "twice a week" in error.value.message
    with pytest.raises(PlanInputError):
        plan(visit_rhythm="weekly", visit_weekdays=("MO", "TH"))


def test_the_return_flight_time_can_be_changed():
    journey = plan(return_time=time(15, 45))
    depart = journey.item("flight:return").depart
    assert (depart.hour, depart.minute) == (15, 45)
    assert str(depart.tzinfo) == "Asia/Shanghai"


@pytest.mark.parametrize("rhythm", ["weekly", "every-two-weeks"])
def test_the_first_weeks_at_home_have_visits(rhythm):
    journey = plan(early_rhythm=rhythm)
    landed = journey.item("flight:return").arrive.date()
    early = journey.item("followup:early").recurrence.dates
    step = timedelta(weeks=1 if rhythm == "weekly" else 2)
    assert timedelta(days=7) <= early[0] - landed <= timedelta(days=9)
    assert early[0].weekday() < 5
    assert all(b - a == step for a, b in itertools.pairwise(early))
    assert journey.item("followup:monthly").recurrence.dates[0] > early[-1]


def test_no_follow_up_years_plans_no_visits_at_home():
    journey = plan(followup_years=0)
    assert journey.find("followup:early") is None


# -- phase-length messages at the edges -------------------------------------------------------


@pytest.mark.parametrize(("offset", "days", "warned"), [(5, 5, True), (5, 6, False), (3, 3, True), (3, 4, False)])
def test_admission_too_short_for_day_0_at_the_edge(offset, days, warned):
    journey = plan(day0_offset=offset, phase_days=(("admission", days),))
    warnings = [n for n in journey.warnings if n.code == "admission-too-short"]
    assert bool(warnings) == warned
    admission = journey.item("phase:admission")
    assert admission.start < journey.day_zero == admission.end + timedelta(days=1)
    if warned:
        message = warnings[0].message
        assert f"({days} days)" in message
        assert f"at least {offset + 1} days" in message
        assert "shorter than the" not in message


@pytest.mark.parametrize("key", ["screening", "manufacturing", "admission", "monitoring", "outpatient"])
def test_phase_range_messages_at_the_edges(key):
    spec = load_protocol().phase(key)
    for days, flagged in [
        (spec.min_days - 1, True),
        (spec.min_days, False),
        (spec.max_days, False),
        (spec.max_days + 1, True),
    ]:
        journey = plan(phase_days=((key, days),))
        notices = [n for n in journey.warnings if n.code == "phase-outside-range" and n.field == f"phase:{key}"]
        assert bool(notices) == flagged, (key, days)
        if flagged:
            assert f"{days} days is outside the guide's usual range ({spec.range_text})" in notices[0].message


def test_chemotherapy_before_admission_is_placed_inside_with_a_warning():
    journey = plan(day0_offset=2)
    chemo = journey.item("milestone:chemotherapy")
    assert chemo.start == journey.item("milestone:admission").start
    assert chemo.end < journey.day_zero
    assert any(n.code == "chemotherapy-before-admission" for n in journey.warnings)
    assert not any(n.code == "chemotherapy-before-admission" for n in plan(day0_offset=5).warnings)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("day0_offset", 0),
        ("day0_offset", 31),
        ("chemotherapy_days", (-3, -5)),
        ("chemotherapy_days", (-2, 0)),
        ("visit_rhythm", "daily"),
        ("visit_weekdays", ("XX",)),
        ("followup_rhythm", ((3, 24), (1, 6))),
        ("early_rhythm", "monthly"),
    ],
)
def test_values_out_of_range_are_refused(field, value):
    with pytest.raises(PlanInputError):
        TripRequest(start=START, **{field: value})


# -- questions, and the data files ----------------------------------------------------------


QUESTION_WORDS = [
    "how far from the hospital",
    "caregiver",
    "drive again",
    "stem-cell transplant",
    "transfusions",
    "blood counts",
    "controlled medicines",
    "clinical trial",
    "consent",
    "written breakdown of all expenses",
    "deposit",
    "发票",
    "护工",
    "24-hour",
]


def test_the_questions_to_ask_are_present_dated_and_only_questions():
    journey = plan()
    questions = checklist_of(journey).stage_entries(QUESTIONS_STAGE)
    text = " ".join(q.title for q in questions).lower()
    for words in QUESTION_WORDS:
        assert words.lower() in text, words
    assert all(q.due is not None and q.title.rstrip().endswith("?") for q in questions)
    # Asked before anything is booked, except those about the weeks after the infusion.
    bookings = journey.item("prep:bookings").start
    before = [q for q in questions if q.due <= bookings]
    assert {"ask-trial", "ask-expenses", "ask-caregiver", "ask-distance", "ask-transplant"} <= {q.key for q in before}
    agenda = journey_text(journey, questions)
    assert "Ask your hospital" in agenda
    for question in questions:
        assert question.title in agenda
    data = json.loads(journey_json(journey, questions))
    assert {q["key"] for q in data["questions"]} == {q.key for q in questions}
    assert all(q["due"] for q in data["questions"])
    printed = checklist_document(journey, checklist_of(journey)).full_html()
    assert "<h2>Ask your hospital</h2>" in printed


def test_warning_signs_at_home_name_the_home_countrys_number():
    for zone, country, number in [("Europe/Berlin", "", "112"), ("America/New_York", "", "911"), ("UTC", "AQ", "")]:
        journey = plan(home_tz=zone, home_country=country)
        entry = checklist_of(journey).entry("home-warning-signs")
        assert "your local emergency number" in entry.details
        assert entry.due == journey.item("flight:return").start
        if number:
            assert f": {number})" in entry.details
        else:
            assert "emergency number." in entry.details
