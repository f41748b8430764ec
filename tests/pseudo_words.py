"""Finds the words that escaped the pseudo-language: any word outside its ⟦ ⟧ brackets."""

import re

from carte_planner.i18n.pseudo import CLOSE, OPEN

_INNERMOST = re.compile(re.escape(OPEN) + "[^" + OPEN + CLOSE + "]*" + re.escape(CLOSE))
_WORD = re.compile(r"[^\W\d_]{2,}")
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")

# Names and codes no catalogue translates: the product, apps and keys, zones and places,
# airport and country codes, file types.
ALLOWED = {
    "Carte",
    "Planner",
    "carteplan",
    "ics",
    "PDF",
    "pdf",
    "iCalendar",
    "Thunderbird",
    "Google",
    "Apple",
    "Outlook",
    "khal",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Escape",
    "Enter",
    "Space",
    "Page",
    "Up",
    "Down",
    "Home",
    "End",
    "Del",
    "Ins",
    "Tab",
    "Backspace",
    "Return",
    "Left",
    "Right",
}


def escaped_words(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The words of `text` outside every bracketed (translated) stretch."""
    text = _MARKUP.sub(" ", text)
    previous = None
    while previous != text:
        previous, text = text, _INNERMOST.sub(" ", text)
    return [word for word in _WORD.findall(text) if word not in ALLOWED and word not in allowed]
