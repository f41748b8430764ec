"""The shipped reference data a plan is made with, as one value: the protocol, the cities, the
office calendars, emergency numbers, entry policies, the templates and the budget categories.

The domain reads no files: the composition root (carte_planner/shipped.py) loads this once and
hands it to whoever plans. The templates and categories are asked for through `Reference`'s
properties, so that a start that only draws the plan does not read them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from carte_planner.domain.office_days import CalendarSource
from carte_planner.domain.protocol import City, Protocol

if TYPE_CHECKING:
    from carte_planner.domain.budget import BudgetCategory
    from carte_planner.domain.checklist import ChecklistTemplate
    from carte_planner.domain.documents import DocumentsTemplate
    from carte_planner.domain.entry_policies import EntryPolicy


@dataclass(frozen=True)
class Templates:
    """Loaders of the data files only some commands and views need; each is read once, on the
    first call, by whoever made the loaders."""

    checklist: Callable[[], ChecklistTemplate]
    documents: Callable[[], DocumentsTemplate]
    budget: Callable[[], tuple[BudgetCategory, ...]]


@dataclass(frozen=True)
class Reference:
    protocol: Protocol
    cities: tuple[City, ...]
    calendars: CalendarSource
    # Each listed country's emergency number for an ambulance, by two-letter code.
    emergency_numbers: Mapping[str, str]
    entry_policies: tuple[EntryPolicy, ...]
    templates: Templates = field(repr=False, compare=False)
    # The folder of the message catalogues (one sub-folder per language).
    locale_folder: Path = field(default=Path(), compare=False)

    @property
    def checklist_template(self) -> ChecklistTemplate:
        return self.templates.checklist()

    @property
    def documents_template(self) -> DocumentsTemplate:
        return self.templates.documents()

    @property
    def budget_categories(self) -> tuple[BudgetCategory, ...]:
        return self.templates.budget()
