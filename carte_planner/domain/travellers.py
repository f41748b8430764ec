"""The names a plan gives its travellers until the family types theirs: role words, shown in
the reader's language ("Patient" is "Пациент" in a Russian printout)."""

from __future__ import annotations

import re

from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Words, joined, say

DEFAULT_TRAVELLERS: tuple[str, ...] = (tr_noop("Patient"), tr_noop("Caregiver"))
# The commas of the family's keyboards: Latin, Arabic (،), full-width and ideographic (，、).
_SEPARATORS = re.compile("[,\u060c\uff0c\u3001]")
# The command line names further travellers "Companion 2", "Companion 3", …
_COMPANION = re.compile(r"Companion (\d)")


def companion_name(number: int) -> str:
    return f"Companion {number}"


def is_placeholder(name: str) -> bool:
    return name in DEFAULT_TRAVELLERS or _COMPANION.fullmatch(name) is not None


def traveller_words(name: str) -> str | Words:
    """A name as the family typed it; a placeholder as its role, in the reader's language."""
    if name in DEFAULT_TRAVELLERS:
        return say(name)
    companion = _COMPANION.fullmatch(name)
    if companion is not None:
        return say("Companion {number}", number=int(companion.group(1)))
    return name


def travellers_words(names: tuple[str, ...] | list[str]) -> Words:
    """The travellers as a list: "Anna, Boris", "Пациент, Сопровождающий"."""
    return joined(*(traveller_words(name) for name in names), separator=say(", "))


def split_names(text: str) -> tuple[str, ...]:
    """Names typed in one field, separated by any of the commas a keyboard gives."""
    return tuple(name.strip() for name in _SEPARATORS.split(text) if name.strip())
