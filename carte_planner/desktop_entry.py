"""The Linux desktop's knowledge of Carte Planner: a menu entry, the icon, and the `.carteplan`
file type, installed for the current user (XDG base directories) and removed again.

The entry starts this very Carte Planner by its absolute path (a bundle's program, or the
virtual environment's command), so a double-click works without anything on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from carte_planner.i18n import tr, tr_noop
from carte_planner.resource_folder import resource_root
from carte_planner.storage.atomic import atomic_write

APP_ID = "carte-planner"
MIME_TYPE = "application/x-carteplan"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Characters the Desktop Entry Specification reserves in an Exec argument (quoting rules).
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`=%")


@dataclass(frozen=True)
class DesktopFiles:
    """Where each file goes under a data home such as ~/.local/share."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_package(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    def icon(self, size: int | None) -> Path:
        """A PNG of one size, or the SVG for size None."""
        if size is None:
            return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
        return self.data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    def all(self) -> list[Path]:
        return [self.entry, self.mime_package, self.icon(None), *(self.icon(size) for size in ICON_SIZES)]


def data_home(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path:
    """$XDG_DATA_HOME if it is an absolute path (the specification ignores a relative one),
    else ~/.local/share."""
    configured = environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def launch_command() -> list[str]:
    """How to start this Carte Planner from a menu: the bundle's program when frozen, else the
    `carte-planner` command beside this Python, else this Python running the package."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / "carte-planner"
    if script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "carte_planner"]


def _exec_argument(argument: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry Specification asks."""
    if not any(char in _EXEC_RESERVED for char in argument):
        return argument
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    # The string-value escape of the file applies after the quoting: a backslash doubles again.
    return '"' + escaped.replace("%", "%%").replace("\\", "\\\\") + '"'


def desktop_entry_text(command: list[str]) -> str:
    """The entry shipped in resources/desktop/, with Exec and TryExec naming `command`."""
    template = (resource_root() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_exec_argument(part) for part in command) + " %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(home: Path, command: list[str]) -> list[str]:
    """Write the entry, the file type and the icons under `home`; returns notes for the user
    about the desktop's caches (empty when all were refreshed). Raises WriteError."""
    files = DesktopFiles(home)
    source = resource_root()
    _write(files.entry, desktop_entry_text(command).encode("utf-8"))
    _write(files.mime_package, (source / "desktop" / f"{APP_ID}-mime.xml").read_bytes())
    _write(files.icon(None), (source / "icons" / f"{APP_ID}.svg").read_bytes())
    for size in ICON_SIZES:
        _write(files.icon(size), (source / "icons" / f"{APP_ID}-{size}.png").read_bytes())
    return refresh_caches(home)


def uninstall_desktop_entry(home: Path) -> tuple[list[Path], list[str]]:
    """Remove what install_desktop_entry wrote; returns the files removed and notes."""
    removed = []
    for path in DesktopFiles(home).all():
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed, refresh_caches(home)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def refresh_caches(home: Path) -> list[str]:
    """Ask the desktop's tools to reread the file types and entries. They are optional: a
    desktop without them rescans on its own, later."""
    notes = []
    steps = (
        ("update-mime-database", [str(home / "mime")], tr_noop("the .carteplan file type")),
        ("update-desktop-database", [str(home / "applications")], tr_noop("the menu entry")),
    )
    for tool, arguments, what in steps:
        program = shutil.which(tool)
        if program is None:
            notes.append(
                tr("{tool} is not installed: the desktop may need a new login to see {what}.").format(
                    tool=tool, what=tr(what)
                )
            )
            continue
        try:
            subprocess.run([program, *arguments], check=True, capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as error:
            notes.append(
                tr("{tool} failed ({error}): the desktop may need a new login to see {what}.").format(
                    tool=tool, error=error, what=tr(what)
                )
            )
    return notes
