"""Helpers for the window tests."""


def forget_changes(win) -> None:
    """Mark the plan saved, so that closing the window asks nothing."""
    win.document.undo_stack.setClean()
