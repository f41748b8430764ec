"""Keeping their version ("keep theirs") holds for that event until the server's copy changes again: a later
change the plan makes to the event is reported as a conflict, never written over their edit."""

from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain.plan import Plan
from carte_planner.publish.sync import OnConflict, PublishTarget, publish_plan
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE, planned
from tests.test_publish import NOW, REQUEST, TODAY, _edit_on_the_server, publish


def test_a_plan_change_after_keep_theirs_is_a_conflict_not_an_overwrite(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    radicale.stop()
    name = _edit_on_the_server(radicale, "Screening", "Screening, note from grandma")
    radicale.start()
    target = PublishTarget(radicale.url, USER)
    journey = planned(saved.request, TODAY)
    kept = publish_plan(saved, journey, target, PASSWORD, NOW, on_conflict=OnConflict.KEEP_THEIRS)
    assert kept.conflicts == ()
    # The plan file remembers the choice.
    plan = plan_from_bytes(plan_to_bytes(replace(saved, server=kept.server)), REFERENCE)
    assert [event.href for event in plan.server.events if event.kept_theirs] == [name.split("/")[1]]
    # The plan then moves the start: every other event follows, theirs is asked about.
    moved = replace(plan, request=replace(REQUEST, start=date(2027, 3, 8)))
    later = NOW + timedelta(minutes=5)
    outcome = publish_plan(moved, planned(moved.request, TODAY), target, PASSWORD, later)
    assert [conflict.title.split(":")[0].split(" ")[0] for conflict in outcome.conflicts] == ["Screening"]
    assert outcome.updated > 20
    assert b"note from grandma" in radicale.items()[name]
    # Keeping theirs again keeps asking nothing and writes nothing over it.
    moved = replace(moved, server=outcome.server)
    again = publish_plan(
        moved, planned(moved.request, TODAY), target, PASSWORD, later, on_conflict=OnConflict.KEEP_THEIRS
    )
    assert again.conflicts == ()
    assert b"note from grandma" in radicale.items()[name]
    # Replacing it is the family's explicit choice.
    moved = replace(moved, server=again.server)
    replaced = publish_plan(
        moved, planned(moved.request, TODAY), target, PASSWORD, later, on_conflict=OnConflict.REPLACE
    )
    assert replaced.updated == 1
    assert b"note from grandma" not in radicale.items()[name]
    assert not any(event.kept_theirs for event in replaced.server.events)
