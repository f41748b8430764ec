"""What the user did to the checklist: ticks, notes, own items and hidden ones, by item key."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from carte_planner.domain.request import text_problem

MAX_TITLE = 200


@dataclass(frozen=True)
class CustomItem:
    """An item the user added: its own title, stage, optional due date and details."""

    key: str
    stage: str
    title: str
    due: date | None = None
    details: str = ""


@dataclass(frozen=True)
class ChecklistState:
    """What the user did to the checklist, kept by item key so it survives re-planning."""

    done: frozenset[str] = frozenset()
    notes: tuple[tuple[str, str], ...] = ()
    added: tuple[CustomItem, ...] = ()
    removed: frozenset[str] = frozenset()

    def note(self, key: str) -> str:
        return dict(self.notes).get(key, "")

    def with_done(self, key: str, done: bool) -> ChecklistState:
        keys = set(self.done)
        if done:
            keys.add(key)
        else:
            keys.discard(key)
        return replace(self, done=frozenset(keys))

    def with_note(self, key: str, text: str) -> ChecklistState:
        notes = dict(self.notes)
        text = printable(text, free_text=True).strip()
        if text:
            notes[key] = text
        else:
            notes.pop(key, None)
        return replace(self, notes=tuple(sorted(notes.items())))

    def with_added(self, item: CustomItem) -> ChecklistState:
        item = replace(item, title=printable(item.title).strip(), details=printable(item.details, free_text=True))
        return replace(self, added=(*self.added, item))

    def without(self, key: str) -> ChecklistState:
        """Remove an item: a custom one is deleted, a template one hidden (and restorable)."""
        if any(item.key == key for item in self.added):
            return replace(self, added=tuple(item for item in self.added if item.key != key))
        return replace(self, removed=self.removed | {key})

    def restored(self) -> ChecklistState:
        return replace(self, removed=frozenset())


def printable(text: str, free_text: bool = False) -> str:
    """Text typed or pasted into the checklist without the control characters that a plan
    file refuses and calendar parsers reject (free text keeps its tabs and line breaks)."""
    return "".join(c for c in text if text_problem(c, free_text) is None)
