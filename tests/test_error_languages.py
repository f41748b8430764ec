"""Refusals in the user's language: under the pseudo-language every word of a command-line
error comes from the catalogue; in Russian one error line reads exactly as translated."""

import re
from datetime import date

import pytest

from carte_planner.cli import entry as cli
from carte_planner.cli import main
from carte_planner.domain import TripRequest, plan_journey
from carte_planner.domain.errors import PlanInputError
from carte_planner.i18n import PSEUDO, use_language
from carte_planner.i18n.pseudo import OPEN
from carte_planner.resources import load_cities
from tests.pseudo_words import escaped_words

START = ["--start", "2027-03-01"]
START_DATE = date(2027, 3, 1)


def refusals(tmp_path):
    """A representative set of refusals: request limits, unknown city, bad zones, bad and
    missing plan files, an unknown --move key, a file that cannot be written, bad dates."""
    damaged = tmp_path / "damaged.carteplan"
    damaged.write_text('{"format": "carte-planner-plan", "version": ', encoding="utf-8")
    empty = tmp_path / "empty.carteplan"
    empty.write_text("", encoding="utf-8")
    return {
        "flight limit": ["plan", *START, "--flight-hours", "50"],
        "travellers": ["plan", *START, "--travellers", "9"],
        "phase length": ["plan", *START, "--phase", "screening=999"],
        "unknown phase": ["plan", *START, "--phase", "sleeping=9"],
        "unknown city": ["plan", *START, "--city", "Shangai"],
        "far city": ["plan", *START, "--city", "Atlantis"],
        "abbreviation": ["plan", *START, "--home-tz", "EST"],
        "unknown zone": ["plan", *START, "--home-tz", "Mars/Olympus"],
        "country": ["plan", *START, "--home-country", "UK"],
        "impossible date": ["plan", "--start", "2027-02-30"],
        "not a date": ["plan", "--start", "soon"],
        "bad time": ["plan", *START, "--departure-time", "noon"],
        "chemotherapy": ["plan", *START, "--chemotherapy-days=-3..-5"],
        "damaged file": ["checklist", "--plan", str(damaged)],
        "empty file": ["checklist", "--plan", str(empty)],
        "missing file": ["checklist", "--plan", str(tmp_path / "gone.carteplan")],
        "unknown move": ["plan", *START, "--move", "nope=2027-03-02"],
        "write failure": ["export", *START, "-o", str(tmp_path / "no-such-folder" / "plan.ics")],
    }


def allowed_words(argv, tmp_path):
    """What the user typed, paths, option names and proper names: no catalogue translates them."""
    words = set(re.findall(r"[^\W\d_]+", " ".join(argv) + " " + str(tmp_path)))
    for city in load_cities():
        words.update(re.findall(r"[^\W\d_]+", city.name))
    # The program's name, the key formats and the example command the messages quote.
    words |= {"carte", "planner", "plan", "format", "json", "visits", "outpatient", "YYYY", "MM", "DD", "HH"}
    words |= {"America", "New_York", "New", "York", "Europe", "Berlin", "GB", "KEY", "VALUE"}
    words |= {"screening", "manufacturing", "admission", "monitoring"}
    return words


def test_every_word_of_a_refusal_comes_from_the_catalogue(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_system_language", lambda: PSEUDO)
    escaped = {}
    for name, argv in refusals(tmp_path).items():
        assert main(argv) != 0, name
        error = capsys.readouterr().err.strip()
        assert error.count(OPEN) >= 2, (name, error)  # the line and the reason are both catalogued
        words = escaped_words(error, allowed_words(argv, tmp_path))
        if words:
            escaped[name] = (error, words)
    assert escaped == {}


def test_a_russian_refusal_reads_exactly(capsys):
    assert main(["plan", *START, "--flight-hours", "50", "--lang", "ru"]) != 0
    assert capsys.readouterr().err == "carte-planner: ошибка: --flight-hours: нужно значение от 1 до 40, а не 50\n"


def test_an_unknown_city_is_refused_in_chinese_with_the_suggestion():
    with pytest.raises(PlanInputError) as refused:
        plan_journey(TripRequest(start=START_DATE, city="Shangai", home_tz="Europe/Berlin"), START_DATE)
    # A refusal is a code and its values: it reads in the language of whoever shows it.
    with use_language("zh_CN"):
        assert str(refused.value) == "城市：“Shangai”不是已知的医院城市。您是指 Shanghai 吗？"
    assert str(refused.value) == "city: 'Shangai' is not a known hospital city. Did you mean Shanghai?"
    # The field stays English, so that the command line and the plan file find the option.
    assert refused.value.field == "city"


def test_a_request_limit_keeps_its_english_words():
    with use_language("en"), pytest.raises(PlanInputError) as refused:
        TripRequest(start=START_DATE, city="Shanghai", home_tz="Europe/Berlin", flight_hours=50)
    assert str(refused.value) == "flight length (hours): must be between 1 and 40, not 50"


@pytest.mark.parametrize("argv", [["--help"], ["plan", "--help"], ["export", "--help"], ["publish", "--help"]])
def test_every_word_of_the_help_comes_from_the_catalogue(capsys, monkeypatch, argv):
    monkeypatch.setattr(cli, "_system_language", lambda: PSEUDO)
    with pytest.raises(SystemExit) as finished:
        main(argv)
    assert finished.value.code == 0
    shown = capsys.readouterr().out
    # Option names, metavars and choices are what the user types: no catalogue translates them.
    typed = re.sub(r"-[-\w]*|\b[A-Z][A-Z_.]+\b|\{[^}]*\}|\S+\.(carteplan|ics|bak|org)\b", " ", shown)
    commands = {"plan", "export", "checklist", "sheet", "cards", "handover", "budget", "documents", "cities", "publish"}
    commands.add("share")
    commands.add("what")  # what-if, whose "-if" the option pattern above takes away
    allowed = {"carte", "planner", "json", "ask"} | commands | allowed_words([], "")
    assert shown.count(OPEN) > 10
    assert escaped_words(typed, allowed) == []


def test_argparse_refuses_in_russian(capsys):
    assert main(["plan", "--bogus", "--lang", "ru"]) != 0
    assert capsys.readouterr().err == "carte-planner: ошибка: нераспознанные параметры: --bogus\n"
    assert main(["plan", "--scenario", "quick", "--lang", "ru"]) != 0
    assert capsys.readouterr().err == (
        "carte-planner: ошибка: параметр --scenario: неверный вариант: 'quick' "
        "(выберите из 'shortest', 'typical', 'longest')\n"
    )
