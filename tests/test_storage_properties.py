"""Properties of what is stored: whatever opens can be planned, shown and saved again unchanged.

Also the fuzz targets for the autosave and the settings; `make fuzz` runs all of these with
many more examples.
"""

import json
from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, CustomItem
from carte_planner.domain.plan import Plan
from carte_planner.domain.zones import canonical_zones
from carte_planner.storage.autosave import autosave_from_bytes, read_autosave, write_autosave
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.journeys import REFERENCE, planned
from tests.test_fuzz import json_values

PHASES = ["screening", "manufacturing", "admission", "monitoring", "outpatient"]
ZONES = canonical_zones()


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


def line(max_size: int):
    """Text a user may type in a one-line field: anything but control characters."""
    return st.text(PRINTABLE, max_size=max_size)


def named(max_size: int):
    """A one-line text that is not blank."""
    return st.text(PRINTABLE, min_size=1, max_size=max_size).map(lambda text: text.strip() or "x")


def free_text(max_size: int):
    return st.text(st.one_of(PRINTABLE, st.sampled_from("\t\n")), max_size=max_size)


requests = st.builds(
    TripRequest,
    start=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    city=st.sampled_from(["shanghai", "beijing", "wuhan", "guangzhou", "Shanghai", "北京"]),
    scenario=st.sampled_from(["shortest", "typical", "longest"]),
    home_tz=st.sampled_from(ZONES),
    home_airport=line(8),
    flight_hours=st.floats(1, 40, allow_nan=False),
    departure_time=st.times().map(lambda t: time(t.hour, t.minute)),
    arrive_days_before=st.integers(0, 14),
    go_home=st.booleans(),
    travellers=st.lists(named(60), min_size=1, max_size=6).map(tuple),
    visa_stay_days=st.integers(1, 365),
    followup_years=st.integers(0, 20),
    phase_days=st.dictionaries(st.sampled_from(PHASES), st.integers(1, 365)).map(lambda d: tuple(d.items())),
    moved=st.dictionaries(line(30), st.dates(date(2000, 1, 1), date(2130, 12, 31)), max_size=3).map(
        lambda d: tuple(d.items())
    ),
    confirmed=st.frozensets(line(30), max_size=3),
    hospital_name=line(40),
    hospital_name_zh=line(20),
    hospital_phone=line(20),
)
custom_items = st.builds(
    CustomItem,
    key=st.integers(1, 10**6).map(lambda n: f"custom:{n}"),
    stage=st.sampled_from(["before", "travel", "stay"]),
    title=named(60),
    due=st.none() | st.dates(date(2000, 1, 1), date(2130, 12, 31)),
    details=free_text(60),
)
checklists = st.builds(
    ChecklistState,
    done=st.frozensets(line(20), max_size=3),
    notes=st.dictionaries(line(20), free_text(40).map(lambda text: text.strip() or "x"), max_size=3).map(
        lambda d: tuple(sorted(d.items()))
    ),
    added=st.lists(custom_items, max_size=3, unique_by=lambda item: item.key).map(tuple),
    removed=st.frozensets(line(20), max_size=3),
)
plans = st.builds(Plan, request=requests, plan_id=named(40), checklist=checklists)


@given(plans)
def test_property_every_plan_is_saved_and_opened_byte_identically(tmp_path_factory, plan):
    data = plan_to_bytes(plan)
    loaded = plan_from_bytes(data, REFERENCE)  # which also plans it
    path = tmp_path_factory.mktemp("p") / "trip.carteplan"
    save_plan(path, loaded)
    assert path.read_bytes() == data
    assert load_plan(path, REFERENCE) == loaded


@given(
    st.one_of(
        plans.map(lambda plan: (plan_to_bytes(plan), True)),
        json_values.map(lambda value: (json.dumps(value).encode(), False)),
    )
)
def test_property_whatever_the_loader_accepts_plans_and_saves_again_unchanged(tmp_path_factory, case):
    data, written_from_a_plan = case
    try:
        loaded, refusal = plan_from_bytes(data, REFERENCE), ""
    except PlanFileError as error:
        loaded, refusal = None, str(error)
    if loaded is None:
        # Only bytes that no plan was saved as are refused, and the refusal says why.
        assert not written_from_a_plan
        assert refusal.strip()
        return
    planned(loaded.request, loaded.request.start)
    path = tmp_path_factory.mktemp("p") / "trip.carteplan"
    save_plan(path, loaded)
    saved = path.read_bytes()
    save_plan(path, load_plan(path, REFERENCE))
    assert path.read_bytes() == saved


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans)
def test_property_every_accepted_plan_opens_in_the_window(qtbot, tmp_path_factory, plan):
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.main_window import MainWindow
    from tests.gui import forget_changes

    folder = tmp_path_factory.mktemp("w")
    loaded = plan_from_bytes(plan_to_bytes(plan), REFERENCE)
    window = MainWindow(
        PlanDocument(loaded, date(2027, 1, 4), reference=REFERENCE),
        QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat),
        autosave_folder=folder / "data",
    )
    try:
        window.show()
        assert window.document.journey.request == loaded.request
    finally:
        forget_changes(window)
        window.close()
        window.deleteLater()


# -- fuzz targets: the autosave and the settings ----------------------------------------------


def _valid_autosave(folder) -> bytes:
    write_autosave(folder, Plan(TripRequest(start=date(2027, 3, 1)), "fuzz"), None, datetime(2027, 1, 2, 9, 30))
    return (folder / "autosave.json").read_bytes()


@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_fuzz_autosave_bytes(data):
    try:
        found, refusal = autosave_from_bytes(data, REFERENCE), ""
    except PlanFileError as error:
        found, refusal = None, str(error)
    if found is None:
        assert refusal.strip()  # refused in words, not by a crash
        return
    planned(found.plan.request)


@given(st.sampled_from(["format", "saved_at", "path", "plan", "extra"]), json_values)
def test_fuzz_autosave_one_field_changed(tmp_path_factory, field, value):
    folder = tmp_path_factory.mktemp("a")
    document = json.loads(_valid_autosave(folder))
    document[field] = value
    (folder / "autosave.json").write_text(json.dumps(document), encoding="utf-8")
    found = read_autosave(folder, REFERENCE)  # never raises: a bad one is set aside
    if found is None:
        assert (folder / "autosave.json.damaged").exists()
    else:
        planned(found.plan.request)


text_or_junk = st.one_of(st.text(max_size=40), json_values.map(json.dumps), st.booleans().map(str))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text_or_junk, text_or_junk, text_or_junk)
def test_fuzz_settings_never_stop_a_start(qapp, tmp_path_factory, path, plan, unsaved):
    from carte_planner.ui.window_files import restored_plan

    folder = tmp_path_factory.mktemp("s")
    settings_file = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    settings_file.setValue("session/path", path)
    settings_file.setValue("session/plan", plan)
    settings_file.setValue("session/unsaved", unsaved)
    settings_file.sync()
    reread = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    restored, _path, _unsaved = restored_plan(reread, date(2027, 1, 4), REFERENCE)
    planned(restored.request)
