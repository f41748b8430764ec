"""The names of undo steps, kept as a catalogue message and its values: the Edit menu and the
history read them in the window's language, also after a switch of language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from carte_planner.i18n import tr
from carte_planner.i18n.text import Words, words


@dataclass(frozen=True, slots=True)
class Step(Words):
    """A catalogue message whose %1, %2, ... are filled with its values when shown (the
    messages of the window's own words use Qt's %1, not {names})."""

    message: str
    values: tuple[str | Words, ...] = ()

    def _words(self) -> str:
        text = tr(self.message)
        for number, value in enumerate(self.values, 1):
            text = text.replace(f"%{number}", words(value))
        return text


class Titled(Protocol):
    @property
    def title(self) -> str: ...


@dataclass(frozen=True, slots=True, eq=False)
class TitleOf(Words):
    """The title of an agenda line, checklist entry or document, read again when shown: the
    title of a line of the journey follows the language of the window."""

    holder: Titled

    def _words(self) -> str:
        return self.holder.title


def step(message: str, *values: str | Words) -> Step:
    """The undo step named by `message` (marked with tr_noop where written), %1... being `values`."""
    return Step(message, values)
