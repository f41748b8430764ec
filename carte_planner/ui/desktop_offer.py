"""The first start of the unpacked Linux bundle offers to add Carte Planner to the menu and to
open .carteplan files with it, so no one needs a terminal for that."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from carte_planner.i18n import tr
from carte_planner.ui.plain_text import as_text
from carte_planner.ui.settings import read_str

DECLINED_KEY = "desktop/declinedFor"


def should_offer(settings: QSettings, command: list[str], entry_text: str | None) -> bool:
    """Offer when this program is not what the menu entry starts, unless the user said no
    for this very program (a bundle moved elsewhere asks again)."""
    if entry_text is not None and any(line.startswith("TryExec=" + command[0]) for line in entry_text.splitlines()):
        return False
    return read_str(settings, DECLINED_KEY) != command[0]


def offer_desktop_entry(parent: QWidget, settings: QSettings) -> bool:
    """Ask, and install if the user agrees; True when the entry was installed."""
    from carte_planner.desktop_entry import DesktopFiles, data_home, install_desktop_entry, launch_command

    command = launch_command()
    files = DesktopFiles(data_home())
    try:
        current = files.entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if not should_offer(settings, command, current):
        return False
    answer = QMessageBox.question(
        parent,
        tr("Add Carte Planner to your applications?"),
        tr(
            "Add Carte Planner to your applications menu, and open plan files (.carteplan) with it when you "
            "double-click them?\n\nKeep this folder where it is: the menu starts Carte Planner from here.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        settings.setValue(DECLINED_KEY, command[0])
        return False
    try:
        install_desktop_entry(data_home(), command)
    except OSError as error:
        QMessageBox.warning(parent, tr("Could not add Carte Planner to your applications"), as_text(str(error)))
        return False
    settings.remove(DECLINED_KEY)
    return True


def bundle_on_linux() -> bool:
    """The unpacked bundle on a Linux desktop: the one case with nothing installed yet."""
    return bool(getattr(sys, "frozen", False)) and sys.platform.startswith("linux")
