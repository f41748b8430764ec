"""The printout's one-page overview: weeks across, the stay and the phases down."""

import re
from datetime import date, timedelta

from carte_planner.domain import TripRequest
from carte_planner.export.checklist_document import _gantt
from tests.journeys import planned


def test_the_overview_shades_both_stays_of_a_trip_home():
    """Going home during manufacturing splits the stay in two: the overview shades both."""
    request = TripRequest(start=date(2027, 3, 1), city="guangzhou", home_tz="Europe/Moscow", go_home=True)
    journey = planned(request)
    stays = [item for item in journey.items if item.key.startswith("stay:accommodation")]
    assert len(stays) == 2
    row = next(
        r
        for r in _gantt(journey).split("<tr>")
        if "Stay near the hospital" in r.replace("\u00a0", " ").replace("&nbsp;", " ")
    )
    cells = re.findall(r"<td[^>]*>&nbsp;</td>", row)
    shaded = {i for i, cell in enumerate(cells) if "bgcolor" in cell}
    first = journey.summary.arrival - timedelta(days=journey.summary.arrival.weekday())
    step = 1 if len(cells) == (journey.summary.return_date - first).days // 7 + 1 else 2
    for day in (stays[0].start, stays[1].start, stays[1].end):
        assert (day - first).days // (7 * step) in shaded, day
    # The weeks at home between the two stays are not shaded.
    home = stays[0].end + timedelta(days=8)
    if home < stays[1].start - timedelta(days=7 * step):
        assert (home - first).days // (7 * step) not in shaded
