"""A pseudo-language for tests: every catalogued string inside ⟦ ⟧ and about 40 % longer, so
that a word outside the brackets is a word that no catalogue can translate, and a layout that
fits it fits the longer real languages."""

from __future__ import annotations

import gettext
import re

OPEN, CLOSE = "⟦", "⟧"
_PLACEHOLDER = re.compile(r"(\{\w*\}|%\d|%n|<[^>]+>|&(?=\w))")


def pseudo_text(text: str) -> str:
    padding = "·" * max(1, round(len(_PLACEHOLDER.sub("", text)) * 0.4))
    return f"{OPEN}{text}{padding}{CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Wraps only the strings of the template: one that never reached it stays bare."""

    def __init__(self, singles: set[str], plurals: dict[str, str]) -> None:
        super().__init__()
        self.singles, self.plurals = singles, plurals

    def gettext(self, message: str) -> str:
        return pseudo_text(message) if message in self.singles else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        chosen = msgid1 if n == 1 else msgid2
        return pseudo_text(chosen) if msgid1 in self.plurals else chosen
