"""Applying one edit of the request from a widget: a refused value is explained, nothing changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.request import TripRequest
from carte_planner.ui.document import PlanDocument


def edit_request(
    parent: QWidget,
    document: PlanDocument,
    change: Callable[[TripRequest], TripRequest],
    text: str,
    merge_key: str | None = None,
) -> bool:
    """Build the new request from the current one and make it current through the undo stack.
    A value the request or the planner refuses gets a dialog naming the field; False then."""
    try:
        document.change(change(document.request), text, merge_key)
    except PlanInputError as error:
        QMessageBox.warning(parent, parent.tr("Value not accepted"), str(error))
        return False
    return True
