"""One time-zone database: names and offsets from the newer of the system's and the packaged
tzdata; a departure moved by a spring-forward gap says so."""

import json
import shutil
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import tzdata
import vobject

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.zones import canonical_zones
from carte_planner.export.agenda import journey_json, journey_text
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.tz_database import choose, use_one_database, version_key
from tests.journeys import planned

PACKAGED = Path(tzdata.__file__).parent / "zoneinfo"


def zone_folder(tmp_path: Path, version: str) -> Path:
    """A zone folder of release `version` in which Europe/Berlin has Tokyo's rules (UTC+9 all
    year): a stand-in for data whose rules differ from the package's."""
    folder = tmp_path / f"zoneinfo-{version}"
    (folder / "Europe").mkdir(parents=True)
    shutil.copy(PACKAGED / "Asia" / "Tokyo", folder / "Europe" / "Berlin")
    (folder / "Asia").mkdir()
    shutil.copy(PACKAGED / "Asia" / "Shanghai", folder / "Asia" / "Shanghai")
    for table in ("zone.tab", "iso3166.tab"):
        shutil.copy(PACKAGED / table, folder / table)
    text = (PACKAGED / "tzdata.zi").read_text(encoding="utf-8").split("\n", 1)[1]
    (folder / "tzdata.zi").write_text(f"# version {version}\n{text}", encoding="utf-8")
    return folder


@pytest.fixture
def restore_database():
    yield
    use_one_database()


def written_offsets(journey, zone: str) -> set[str]:
    """The UTC offsets the exported file's own VTIMEZONE gives `zone` (not a client's database)."""
    data = export_ics(journey, ExportOptions("plan-1", datetime(2026, 1, 1, tzinfo=UTC))).decode()
    calendar = vobject.readOne(data)
    (timezone,) = [tz for tz in calendar.vtimezone_list if tz.tzid.value == zone]
    return {part.tzoffsetto.value for part in timezone.getChildren() if hasattr(part, "tzoffsetto")}


def test_releases_compare_in_order():
    assert version_key("2025b") < version_key("2026a") < version_key("2026z") < version_key("2026za")


def test_an_older_system_folder_first_on_the_path_is_not_read(tmp_path, restore_database):
    old = zone_folder(tmp_path, "2000a")
    # What zoneinfo alone would do: the old folder's rules for Berlin.
    zoneinfo.reset_tzpath(to=[str(old)])
    zoneinfo.ZoneInfo.clear_cache()
    assert datetime(2027, 3, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")).utcoffset() == timedelta(hours=9)
    chosen = use_one_database([str(old)])
    assert (chosen.source, chosen.version) == ("packaged", tzdata.IANA_VERSION)
    journey = planned(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"))
    # Departs Berlin on Fri 26 Feb 2027, in winter time: UTC+1, as the packaged data says.
    assert journey.item("flight:outbound").depart.utcoffset() == timedelta(hours=1)
    assert written_offsets(journey, "Europe/Berlin") == {"+0100", "+0200"}
    assert "Europe/Berlin" in canonical_zones()


def test_a_newer_system_folder_is_used_for_names_and_offsets_alike(tmp_path, restore_database):
    newer = zone_folder(tmp_path, "2999a")
    chosen = use_one_database([str(newer)])
    assert (chosen.source, chosen.version, chosen.folder) == ("system", "2999a", newer)
    journey = planned(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"))
    assert journey.item("flight:outbound").depart.utcoffset() == timedelta(hours=9)
    assert written_offsets(journey, "Europe/Berlin") == {"+0900"}


def test_a_system_folder_without_its_tables_is_not_chosen(tmp_path):
    newer = zone_folder(tmp_path, "2999a")
    (newer / "zone.tab").unlink()
    assert choose([str(newer)], PACKAGED, "2026a").source == "packaged"


def test_version_names_the_time_zone_release(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    assert f"Time zones: tzdata {tzdata.IANA_VERSION} (packaged with Carte Planner)." in out


def test_a_departure_in_a_spring_forward_gap_says_so(restore_database):
    use_one_database()
    # Sydney's clocks go from 02:00 to 03:00 on Sun 3 Oct 2027: a 02:30 departure that night
    # is the same moment as 03:30 by the new time.
    request = TripRequest(
        start=date(2027, 10, 4), home_tz="Australia/Sydney", departure_time=time(2, 30), arrive_days_before=1
    )
    journey = planned(request)
    flight = journey.item("flight:outbound")
    assert flight.depart.replace(tzinfo=None) == datetime(2027, 10, 3, 3, 30)
    assert flight.skipped_departure == time(2, 30)
    assert "02:30 does not exist on Sun 03 Oct 2027" in flight.description
    data = json.loads(journey_json(journey))
    item = next(i for i in data["items"] if i["key"] == "flight:outbound")
    assert item["depart"]["skipped_local_time"] == "02:30"
    line = next(line for line in journey_text(journey).splitlines() if "Flight to" in line)
    assert "02:30 is skipped by the clocks going forward" in line
    calendar = vobject.readOne(export_ics(journey, ExportOptions("plan-1", datetime(2027, 1, 1, tzinfo=UTC))).decode())
    event = next(e for e in calendar.vevent_list if e.summary.value.startswith("Flight to"))
    assert "02:30 does not exist" in event.description.value
    usual = planned(TripRequest(start=date(2027, 10, 4), home_tz="Australia/Sydney", arrive_days_before=1))
    assert usual.item("flight:outbound").skipped_departure is None
