"""Refusals that name their cause: reading versus writing, the note and the character refused."""

import errno
import json
import os
from datetime import date

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.i18n import use_language
from carte_planner.storage import reading
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.journeys import REFERENCE

PLAN = Plan(TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin"), "plan-errors")


def test_a_plan_that_may_not_be_read_says_read_not_write(tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    real_open = os.open

    def refused(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    # The tests may run as root, whom file modes do not stop: the system's refusal is given here.
    monkeypatch.setattr(reading.os, "open", refused)
    with pytest.raises(PlanFileError) as raised:
        load_plan(path, REFERENCE)
    assert "permission to read" in str(raised.value)
    assert "write" not in str(raised.value)


@pytest.mark.parametrize(("character", "name"), [("\r", "U+000D (CR)"), ("\0", "U+0000 (NUL)")])
def test_a_control_character_in_a_note_names_the_note_and_the_character(character, name):
    document = json.loads(plan_to_bytes(PLAN))
    document["checklist"]["notes"] = {"visa-1": f"Call the consulate{character}on Monday"}
    with pytest.raises(PlanFileError) as raised:
        plan_from_bytes(json.dumps(document).encode("utf-8"), REFERENCE)
    assert "visa-1" in str(raised.value)
    assert name in str(raised.value)
    assert "note" in str(raised.value)
    with use_language("zh_CN"), pytest.raises(PlanFileError) as translated:
        plan_from_bytes(json.dumps(document).encode("utf-8"), REFERENCE)
    assert "visa-1" in str(translated.value)
    assert name in str(translated.value)
    assert "note" not in str(translated.value)
