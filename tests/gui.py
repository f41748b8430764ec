"""Helpers for the window tests."""

from pathlib import Path


def forget_changes(win) -> None:
    """Mark the plan saved and drop refused values, so that closing the window asks nothing."""
    win.panel.discard_refusals()
    win.document.undo_stack.setClean()


def settings_folder(settings) -> Path:
    """The folder of a test's settings file, where its other files go too."""
    return Path(settings.fileName()).parent
