"""The composition root: the data Carte Planner ships with, loaded in one place and handed on.

The window's start (ui/app.py) and the command line's (cli.py) build the reference data that
planning is given (domain/reference.py) here, after carte_planner/startup.py has pointed
zoneinfo, the zone names and the catalogues at the shipped files. Nothing below this module
reads a file of its own accord: the domain and the catalogues are handed what they read.

Start-up stays lazy: the protocol, the cities, the emergency numbers and the entry policies
are read when the reference is first asked for (the first plan needs them all); office
calendars when a plan first needs a country's; the templates and budget categories when a view
or a command first shows them; a language's catalogue when it is first spoken.
"""

from __future__ import annotations

from functools import cache

from carte_planner.domain.reference import Reference, Templates
from carte_planner.office_calendars import SHIPPED
from carte_planner.resources import (
    load_budget_categories,
    load_checklist_template,
    load_cities,
    load_documents_template,
    load_emergency_numbers,
    load_entry_policies,
    load_protocol,
    resource_root,
)


@cache
def shipped_reference() -> Reference:
    """The shipped reference data, read once; a damaged file raises ResourceError naming it."""
    return Reference(
        protocol=load_protocol(),
        cities=load_cities(),
        calendars=SHIPPED,
        emergency_numbers=load_emergency_numbers(),
        entry_policies=load_entry_policies(),
        templates=Templates(
            checklist=load_checklist_template, documents=load_documents_template, budget=load_budget_categories
        ),
        locale_folder=resource_root() / "locale",
    )
