"""The page for relatives: one self-contained HTML file (no script, nothing fetched from the
network, readable offline on a phone) that shows the trip as the relatives' calendar does:
travel, the stay away from home, appointments and the return, never the treatment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from carte_planner.domain.journey import Category, Journey, JourneyItem
from carte_planner.export.ics import DISCREET_NOTE, discreet_title
from carte_planner.i18n import current_language, tr
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.i18n.dates import DAY, format_day

# What relatives follow; preparation, visas and the checklist are the family's own business.
_SHOWN = (Category.FLIGHT, Category.ACCOMMODATION, Category.MILESTONE, Category.OUTPATIENT_VISIT)

# Plain, large, readable on a small screen, light or dark; nothing is loaded from anywhere.
_STYLE = """
body { font-family: system-ui, sans-serif; font-size: 1.05rem; line-height: 1.5; margin: 1rem auto;
  max-width: 40rem; padding: 0 1rem; color: #1d1d1d; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.15rem; margin-top: 1.5rem; border-bottom: 1px solid #ccc; }
dt { font-weight: bold; margin-top: 0.6rem; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
td { padding: 0.35rem 0.25rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
.note { color: #555; font-size: 0.95rem; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #161616; } .note { color: #bbb; } }
"""


@dataclass(frozen=True)
class PageOptions:
    """What the family allows relatives to see beyond the dates."""

    address: bool = False
    phones: bool = False
    # The hospital's name says what the trip is for: only when the family chooses to show it.
    hospital: bool = False


def relatives_page(journey: Journey, options: PageOptions, made_on: date) -> str:
    """The page, in the language in use."""
    summary = journey.summary
    city = journey.city.local_name(current_language())
    language = current_language().replace("_", "-")
    direction = "rtl" if is_right_to_left() else "ltr"
    title = tr("Our trip to {city}").format(city=city)
    outbound = next((item for item in journey.items if item.category is Category.FLIGHT), None)
    # (label, markup): every text is escaped before the dates' markup goes into it.
    glance = []
    if outbound is not None:
        glance.append((tr("Leaving home"), _day(outbound.start)))
    glance += [
        (tr("Arrival in {city}").format(city=city), _day(summary.arrival)),
        (
            tr("Away from home"),
            escape(tr("{first} to {last} (about {days} days)")).format(
                first=_day(summary.arrival), last=_day(summary.return_date), days=summary.days_in_china
            ),
        ),
        # Which days suit a visit is the family's and the team's call, never the plan's guess.
        (tr("Visiting"), escape(tr("Any day of the stay may change: ask the family before you plan a visit."))),
        (tr("Back home"), _day(summary.return_date)),
    ]
    request = journey.request
    if options.address and (request.stay_address or request.stay_address_zh):
        address = "<br/>".join(escape(line) for line in (request.stay_address, request.stay_address_zh) if line)
        glance.append((tr("Where they stay"), address))
    if options.hospital and (request.hospital_name or request.hospital_name_zh):
        names = "<br/>".join(escape(name) for name in (request.hospital_name, request.hospital_name_zh) if name)
        glance.append((tr("Appointments at"), names))
    if options.phones and request.family_phones:
        glance.append((tr("Phone"), escape(request.family_phones)))
    shown = sorted((item for item in journey.items if item.category in _SHOWN), key=lambda item: (item.start, item.end))
    rows = "\n".join(_row(item) for item in shown)
    made = tr("Page made on {date}.").format(date=format_day(made_on))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="note">{escape(tr(DISCREET_NOTE))}</p>',
        f"<h2>{escape(tr('At a glance'))}</h2>",
        "<dl>",
        *(f"<dt>{escape(label)}</dt><dd>{markup}</dd>" for label, markup in glance),
        "</dl>",
        f"<h2>{escape(tr('Dates'))}</h2>",
        # cellpadding too: the window's preview honours no CSS padding in a table.
        '<table cellpadding="6" cellspacing="0">',
        rows,
        "</table>",
        f'<p class="note">{escape(made)}</p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _day(day: date) -> str:
    """A date in words, with the machine-readable date beside it (escaped: it is markup)."""
    return f'<time datetime="{day.isoformat()}">{escape(format_day(day, DAY))}</time>'


def _row(item: JourneyItem) -> str:
    when = _day(item.start) if item.end == item.start else f"{_day(item.start)} – {_day(item.end)}"
    # The non-breaking space keeps the date and the word apart where a table has no padding.
    return f"<tr><td>&#160;{when}&#160;</td><td>{escape(discreet_title(item))}</td></tr>"
