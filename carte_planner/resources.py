"""Finds and reads the data files under resources/, once, from a checkout or a wheel."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import TYPE_CHECKING, Any

from carte_planner.domain.entry_policies import EntryPolicy, parse_entry_policies
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.protocol import City, Protocol, parse_cities, parse_protocol
from carte_planner.resource_folder import resource_root

# The checklist's, the documents' and the budget's models are imported by their loaders: a
# command that plans and exports a calendar reads none of those files and needs none of them.
if TYPE_CHECKING:
    from carte_planner.domain.budget import BudgetCategory
    from carte_planner.domain.checklist import ChecklistTemplate
    from carte_planner.domain.documents import DocumentsTemplate


def read_toml(name: str) -> dict[str, Any]:
    """Parse one TOML file of the resources folder, reporting problems by file name."""
    entry = resource_root() / name
    try:
        return tomllib.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(name, "(file)", "is missing from the resources folder") from None
    except tomllib.TOMLDecodeError as error:
        raise ResourceError(name, "(syntax)", str(error)) from None


# The values of these keys in the data files are words for the user: each one is an entry of
# the catalogue (scripts/update_translations.py collects them). The files are read once, in
# English; the domain passes these texts on as message codes, put into words where shown.
TEXT_KEYS = frozenset(
    {"title", "description", "details", "label", "text", "when", "estimate_note", "range_text", "airport_note"}
)
# cities.toml's notes are translated where they are shown; its names are proper names.
TEXT_FILES = ("protocol.toml", "checklist.toml", "cities.toml", "documents.toml", "budget.toml", "entry_policies.toml")


@cache
def load_protocol() -> Protocol:
    return parse_protocol(read_toml("protocol.toml"), "protocol.toml")


@cache
def load_cities() -> tuple[City, ...]:
    return parse_cities(read_toml("cities.toml"), "cities.toml")


@cache
def load_emergency_numbers() -> dict[str, str]:
    """Each listed country's emergency number for an ambulance, by two-letter code."""
    name = "emergency_numbers.toml"
    numbers = read_toml(name).get("numbers")
    if not isinstance(numbers, dict):
        raise ResourceError(name, "numbers", "must be a table of country codes")
    for code, number in numbers.items():
        if len(code) != 2 or not code.isupper() or not isinstance(number, str) or not number.isdigit():
            raise ResourceError(name, f"numbers.{code}", "must be a two-letter code with a number in quotes")
    return dict(numbers)


@cache
def load_entry_policies() -> tuple[EntryPolicy, ...]:
    return parse_entry_policies(read_toml("entry_policies.toml"), "entry_policies.toml")


@cache
def load_checklist_template() -> ChecklistTemplate:
    from carte_planner.domain.checklist import parse_checklist_template

    return parse_checklist_template(read_toml("checklist.toml"), "checklist.toml")


@cache
def load_documents_template() -> DocumentsTemplate:
    from carte_planner.domain.documents import parse_documents_template

    return parse_documents_template(read_toml("documents.toml"), "documents.toml")


@cache
def load_budget_categories() -> tuple[BudgetCategory, ...]:
    from carte_planner.domain.budget import parse_budget_categories

    return parse_budget_categories(read_toml("budget.toml"), "budget.toml")
