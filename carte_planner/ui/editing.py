"""Applying one edit of the request from a widget: a refused value is explained, nothing changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.request import TripRequest
from carte_planner.i18n import tr
from carte_planner.i18n.text import Words
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.plain_text import as_text


def try_edit(
    document: PlanDocument,
    change: Callable[[TripRequest], TripRequest],
    text: Words,
    merge_key: str | None = None,
) -> str | None:
    """Build the new request from the current one and make it current through the undo stack.
    Returns None when it was accepted, else why it was refused (in the user's words)."""
    try:
        document.change(change(document.request), text, merge_key)
    except PlanInputError as error:
        return str(error)
    return None


def edit_request(
    parent: QWidget,
    document: PlanDocument,
    change: Callable[[TripRequest], TripRequest],
    text: Words,
    merge_key: str | None = None,
) -> bool:
    """As try_edit, for controls with no room beside them: a refusal gets a dialog; False then."""
    reason = try_edit(document, change, text, merge_key)
    if reason is not None:
        QMessageBox.warning(parent, tr("Value not accepted"), as_text(reason))
        return False
    return True
