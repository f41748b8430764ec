"""The window fits the screens families use: small laptops, at 100 % and 125 %, and a full-HD
screen at 200 %, each in a fresh Qt process with that screen and scale."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("window_probe.py")
# The window runs in a probe process: these tests need Qt, though this file imports none.
pytestmark = pytest.mark.qt


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1280, 720, "1"), (1280, 720, "1.25"), (1366, 768, "1"), (1366, 768, "1.25"), (1920, 1080, "2")],
)
def test_the_window_fits_the_screen(width, height, scale):
    output = subprocess.run(
        [sys.executable, str(PROBE), str(width), str(height), scale],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    screen_w, screen_h = result["screen"]
    assert screen_w == pytest.approx(width / float(scale), abs=1)
    min_w, min_h = result["minimum"]
    assert min_w <= screen_w - 16, "the frame needs a few pixels too"
    assert min_h <= screen_h - 48
    assert result["size"][0] <= screen_w
    assert result["size"][1] <= screen_h
    # The agenda's item titles stay readable; the disclaimer under the summary is whole.
    assert result["item_column"] >= result["item_min"] - 1
    assert result["summary_fits"]
    assert result["panel_shown"], "a new plan opens with its fields"
    assert result["views_wider"]


def test_a_larger_font_on_a_small_screen_gives_the_views_the_width():
    output = subprocess.run(
        [sys.executable, str(PROBE), "1920", "1080", "2", "1.3"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    screen_w, _screen_h = result["screen"]
    assert result["views_wider"], "the calendar is wider than the request panel beside it"
    assert result["minimum"][0] <= screen_w - 16
    assert result["size"][0] <= screen_w
    assert result["item_column"] >= result["item_min"] - 1


@pytest.mark.parametrize("language", ["pseudo", "ru", "ar"])
def test_the_window_fits_a_small_laptop_in_longer_languages(language):
    """Every string 40 % longer (the pseudo-language), or Russian's long words, or Arabic
    right to left: the window still fits 1366×768."""
    output = subprocess.run(
        [sys.executable, str(PROBE), "1366", "768", "1", "1", language],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    screen_w, screen_h = result["screen"]
    assert result["minimum"][0] <= screen_w - 16
    assert result["minimum"][1] <= screen_h - 48
    assert result["size"][0] <= screen_w
    assert result["size"][1] <= screen_h
    assert result["summary_fits"]
