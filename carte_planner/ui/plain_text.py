"""Text from a plan file, the user, a server or a data file shown as the characters it holds.

Qt guesses: a QLabel, a message box or a tooltip whose text starts like HTML renders it, and
rich text loads every `<img>` it names. A city called `<img src="/dev/zero">` would make the
window read forever, so every text that is not the program's own goes through here: set as
plain text, escaped before it joins rich text, or shown in a document that loads nothing.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser


def escaped(text: str) -> str:
    """`text` ready to join rich text: its `<`, `>` and `&` are characters, not markup."""
    return html.escape(text, quote=False)


def as_text(text: str) -> str:
    """`text` for a widget that guesses its format (a message box, a tooltip): unchanged when Qt
    would show it as it is, else escaped, so that it is shown character for character."""
    # Qt's own guess, so that exactly the texts it would render are escaped.
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + escaped(text).replace("\n", "<br>") + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """The label, told never to read its text as markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _nothing(kind: int) -> Any:
    """What a resource is replaced by. An image must be a real one: for a missing image Qt's
    image handler falls back to reading the name as a file itself."""
    if kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.ImageResource.value):
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(0)
        return blank
    return ""


class InertDocument(QTextDocument):
    """Rich text that never loads a resource: no image or style sheet from a path or a URL."""

    def loadResource(self, kind: int, name: Any) -> Any:
        return _nothing(kind)


class InertBrowser(QTextBrowser):
    """A read-only rich text view that loads nothing and follows no link."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: Any) -> Any:
        return _nothing(kind)
