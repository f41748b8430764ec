"""Emphasis that suits the script: italics, except in Arabic."""

from __future__ import annotations

from carte_planner.i18n.catalog import is_right_to_left


def emphasis(markup: str) -> str:
    """`markup` in italics, or as it is in a right-to-left language: Arabic typography does not
    slant text, and few Arabic fonts have an italic face, so Qt would draw empty boxes."""
    return markup if is_right_to_left() else f"<i>{markup}</i>"
