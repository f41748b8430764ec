"""Data files are validated on load, with errors that name the file and the field."""

import copy
import tomllib

import pytest

from carte_planner.domain import ResourceError
from carte_planner.domain.protocol import parse_cities, parse_protocol
from carte_planner.resources import load_cities, load_protocol, read_toml, resource_root


def test_shipped_files_load():
    protocol = load_protocol()
    assert [p.key for p in protocol.phases] == ["screening", "manufacturing", "admission", "monitoring", "outpatient"]
    cities = {city.key: city for city in load_cities()}
    assert {"beijing", "shanghai", "guangzhou"} <= set(cities)
    assert len(cities) >= 14
    assert cities["shanghai"].name_zh == "上海"
    assert all(city.time_zone == "Asia/Shanghai" for city in cities.values())


def test_seed_ranges_are_the_guides():
    weeks = {p.key: (p.min_days // 7, p.max_days // 7) for p in load_protocol().phases}
    assert weeks == {
        "screening": (1, 2),
        "manufacturing": (2, 4),
        "admission": (1, 2),
        "monitoring": (2, 4),
        "outpatient": (4, 8),
    }


def test_preparation_fits_in_eight_weeks():
    assert all(step.days_before_start < 56 for step in load_protocol().preparation)


@pytest.fixture
def protocol_data():
    return tomllib.loads((resource_root() / "protocol.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["phases"][1].pop("min_days"), "phases[1].min_days"),
        (lambda d: d["phases"][0].update(typical_days="ten"), "phases[0].typical_days"),
        (lambda d: d["phases"][0].update(typical_days=30), "phases[0].typical_days"),
        (lambda d: d["phases"][2].update(max_days=True), "phases[2].max_days"),
        (lambda d: d["phases"].reverse(), "phases"),
        (lambda d: d.pop("day_zero"), "day_zero"),
        (lambda d: d["outpatient_visits"].update(weekdays=["XX"]), "outpatient_visits.weekdays"),
        (lambda d: d["travel"].update(return_departure="noon"), "travel.return_departure"),
        (lambda d: d["preparation"][0].update(category="party"), "preparation[0].category"),
        (lambda d: d["home_followup"]["stages"][1].update(until_month=3), "home_followup.stages[1].until_month"),
        (lambda d: d.update(phases=[]), "phases"),
    ],
)
def test_a_malformed_protocol_names_the_field(protocol_data, mutate, field):
    data = copy.deepcopy(protocol_data)
    mutate(data)
    with pytest.raises(ResourceError) as caught:
        parse_protocol(data, "protocol.toml")
    assert caught.value.source == "protocol.toml"
    assert caught.value.field == field


def test_a_malformed_city_names_the_field():
    good = {"key": "x", "name": "X", "name_zh": "叉", "airports": ["PVG"], "time_zone": "Asia/Shanghai"}
    with pytest.raises(ResourceError, match=r"cities\[0\]\.airports"):
        parse_cities({"cities": [{**good, "airports": ["pudong"]}]})
    with pytest.raises(ResourceError, match=r"cities\[0\]\.time_zone"):
        parse_cities({"cities": [{**good, "time_zone": "China/Nowhere"}]})
    with pytest.raises(ResourceError, match=r"cities\[1\]\.key"):
        parse_cities({"cities": [good, good]})


def test_a_missing_or_broken_file_is_reported_by_name(monkeypatch, tmp_path):
    import carte_planner.resources as resources

    (tmp_path / "protocol.toml").write_text("phases = [", encoding="utf-8")
    monkeypatch.setattr(resources, "resource_root", lambda: tmp_path)
    with pytest.raises(ResourceError, match=r"protocol\.toml: \(syntax\)"):
        read_toml("protocol.toml")
    with pytest.raises(ResourceError, match=r"cities\.toml: \(file\): is missing"):
        read_toml("cities.toml")


def test_no_data_file_states_a_rate_a_price_or_a_dose():
    """The guide's success rates and costs are never shown as facts, and nothing is a dose."""
    import re

    from carte_planner.resources import resource_root

    patterns = [
        re.compile(r"\d\s*%|\d\s*(per ?cent|percent)\b", re.IGNORECASE),
        re.compile(r"[$€£¥]\s*\d|\d\s*(usd|eur|gbp|cny|rmb|yuan|dollars?|euros?)\b", re.IGNORECASE),
        re.compile(r"\d\s*(mg|mcg|µg|ml|g/kg|mg/m2?|units?/kg)\b", re.IGNORECASE),
        # A fee, price, cost, deposit or exchange rate given as a number, either way round.
        re.compile(r"\b(price|fee|cost|deposit|rate|amount|charge)s?\b\W{0,3}(of|is|=|:)?\s*\d", re.IGNORECASE),
        re.compile(r"\d[\d.,\s]*\s*(a|per|/)\s*(night|day|person|trip|visit)\b", re.IGNORECASE),
        re.compile(r"[\d.,]+\s*(元|块|人民币)"),
    ]
    # The fonts folder holds only the fonts and their licences.
    files = [
        path
        for path in resource_root().rglob("*")
        if path.suffix in {".toml", ".json", ".txt", ".md"} and "fonts" not in path.parts
    ]
    assert any(path.name == "protocol.toml" for path in files)
    assert {"budget.toml", "documents.toml"} <= {path.name for path in files}
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            found = pattern.search(text)
            assert found is None, f"{path.name}: {found.group(0) if found else ''}"


def test_the_budget_file_holds_no_number_at_all():
    """The budget's categories are words only: every amount a budget holds is the family's."""
    import re

    from carte_planner.resources import read_toml

    data = read_toml("budget.toml")
    del data["version"]
    assert re.search(r"\d", repr(data)) is None
