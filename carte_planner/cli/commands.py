"""The commands, by the word that runs each, in the order of the help: the start tells a
command from a plan file by these words, the parser adds each one's options and the dispatch
runs the one given. The modules are imported only when asked for: a start of the window needs
the words alone."""

from __future__ import annotations

from types import ModuleType

NAMES: tuple[str, ...] = (
    "plan",
    "export",
    "checklist",
    "sheet",
    "cards",
    "documents",
    "handover",
    "budget",
    "share",
    "cities",
    "publish",
    "what-if",
)


def command_modules() -> dict[str, ModuleType]:
    """Each command's module (with its `add_command` and `run`), by its word."""
    from carte_planner.cli import (
        budget,
        cards,
        checklist,
        cities,
        documents,
        export,
        handover,
        plan,
        publish,
        share,
        sheet,
        what_if,
    )

    modules = (plan, export, checklist, sheet, cards, documents, handover, budget, share, cities, publish, what_if)
    return dict(zip(NAMES, modules, strict=True))
