"""Rich text that suits the script: italics except in Arabic, and paragraphs that run the
language's way."""

from __future__ import annotations

from carte_planner.i18n.catalog import is_right_to_left


def emphasis(markup: str) -> str:
    """`markup` in italics, or as it is in a right-to-left language: Arabic typography does not
    slant text, and few Arabic fonts have an italic face, so Qt would draw empty boxes."""
    return markup if is_right_to_left() else f"<i>{markup}</i>"


def paragraph(markup: str) -> str:
    """`markup` as a paragraph in the language's direction. Qt takes a paragraph's direction from
    its first letter, so an Arabic summary opening with "Guangzhou" would run left to right."""
    return f"<div dir='rtl'>{markup}</div>" if is_right_to_left() else markup


def isolated(text: str) -> str:
    """A path or a name set apart from the sentence around it, so that its slashes and dots stay
    in place inside a right-to-left sentence ("/tmp/plan.ics", not "tmp/plan.ics/")."""
    return f"\u2068{text}\u2069" if is_right_to_left() else text
