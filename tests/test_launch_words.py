"""Starting from a terminal: --lang before or after the plan file, and a second launch that
says where its request went."""

import pytest

from carte_planner.cli import plan_file_argument
from carte_planner.ui import single_instance
from carte_planner.ui.single_instance import HandOff
from carte_planner.ui.windows import hand_off


@pytest.mark.parametrize(
    "argv",
    [["--lang", "en", "trip.carteplan"], ["trip.carteplan", "--lang", "en"], ["--lang=en", "trip.carteplan"]],
)
def test_lang_goes_before_or_after_the_plan_file(argv):
    plan_file, rest = plan_file_argument(argv)
    assert plan_file == "trip.carteplan"
    assert "trip.carteplan" not in rest


def test_lang_before_a_command_is_no_plan_file():
    assert plan_file_argument(["--lang", "ru", "plan", "--start", "2027-03-01"]) == (
        None,
        ["--lang", "ru", "plan", "--start", "2027-03-01"],
    )


def test_a_second_launch_says_where_its_plan_went(qapp, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(single_instance, "hand_to_running_app", lambda path, *a, **k: (HandOff.DONE, ""))
    assert hand_off(qapp, str(tmp_path / "trip.carteplan")) == 0
    said = capsys.readouterr().out
    assert "already running" in said
    assert str(tmp_path / "trip.carteplan") in said


def test_a_second_launch_without_a_plan_says_the_window_came_forward(qapp, monkeypatch, capsys):
    monkeypatch.setattr(single_instance, "hand_to_running_app", lambda path, *a, **k: (HandOff.DONE, ""))
    assert hand_off(qapp, None) == 0
    assert "brought to the front" in capsys.readouterr().out


def test_a_launch_on_another_display_does_not_reach_the_running_app(monkeypatch):
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    first = single_instance.server_name()
    assert single_instance.server_name() == first, "the same display reaches the running app"
    monkeypatch.setenv("DISPLAY", ":1")
    assert single_instance.server_name() != first


def test_the_window_opens_a_plan_named_after_lang(tmp_path):
    from tests.test_launching import SAVED_PLAN, run_source

    result = run_source("--lang", "ru", str(SAVED_PLAN), "--exit-after-show", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Window: plan-format-1 — Carte Planner"
