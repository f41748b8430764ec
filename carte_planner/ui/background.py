"""Network work off the window's thread, so that the window never freezes while it waits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal


class BackgroundCall(QThread):
    """Runs `work(progress)` in its own thread. The signals reach the window's thread queued:
    `progressed(done, total)`, then `succeeded(result)` or `failed(exception)`."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], parent=None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit)
        except Exception as error:  # handed to the window, which says what went wrong
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
