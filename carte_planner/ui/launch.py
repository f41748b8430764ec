"""Starting the window: a clear message instead of an abort when Qt cannot open one."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

# The libraries Qt's xcb platform plugin needs beyond a basic X client (by soname), with the
# Debian and Ubuntu package that brings each one.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    """Whether the dynamic loader finds a library: Qt is about to load it anyway, and this is
    much faster than asking ldconfig."""
    import ctypes  # only where an X11 window is to open: not on Wayland, Windows or macOS

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """Debian packages to install before Qt can open a window on X11 (empty if none)."""
    return [package for soname, package in XCB_LIBRARIES.items() if not loadable(soname)]


def display_problem(
    environ: os._Environ[str] | dict[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """Why a window cannot open here, in words a user can act on; None if it can."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or chosen in {"offscreen", "minimal", "vnc"}:
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "Carte Planner cannot open its window: no display was found (DISPLAY and WAYLAND_DISPLAY are not set). "
            "Start it from a desktop session. Without a window, the command line plans and exports: "
            "try `carte-planner plan --help`."
        )
    if chosen.startswith("wayland") or environ.get("WAYLAND_DISPLAY"):
        return None  # Qt opens a Wayland window there, without the X libraries
    missing = missing_xcb_packages()
    if missing:
        return (
            "Carte Planner cannot open its window: Qt needs system libraries that are not installed. "
            f"On Debian or Ubuntu: sudo apt-get install {' '.join(missing)}"
        )
    return None


# The Qt-free modules the first window needs, imported before PySide6 is: once it is loaded,
# its import hook reads the source of every module imported after it (looking for its
# `__feature__` switches), which made a quarter of the window's start.
BEFORE_QT = (
    "carte_planner.shipped",
    "carte_planner.data_versions",
    "carte_planner.storage.autosave",
    "carte_planner.storage.planfile",
    "carte_planner.domain.planner",
    "carte_planner.domain.return_odds",
    "carte_planner.domain.identity",
    "carte_planner.domain.eligibility",
    "carte_planner.export.agenda",
    "carte_planner.export.budget_report",
    "carte_planner.storage.attachments",
    "carte_planner.ui.script_text",
)


def _known_without_qt() -> None:
    """Tell PySide's import hook what it would find in the modules loaded so far: none of them
    uses its `__feature__` switches. Otherwise the hook reads the whole source of each module
    that a later import statement names (typing, datetime, argparse...) to search it for
    "PySide6", and keeps every line it read in memory. Nothing is told when the hook is not
    the one this was written against: it then reads them as before."""
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict) or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken", "__feature__")):
            # -1: what the hook records for a module that does not use PySide.
            known.setdefault(name, -1)
    for source in Path(__file__).parent.glob("*.py"):
        # 0: what it records for one that does, with none of the switches (the window's own).
        known.setdefault(f"{__package__}.{source.stem}", 0)


def launch(
    exit_after_show: bool = False,
    argv: list[str] | None = None,
    plan_file: str | None = None,
    language: str | None = None,
) -> int:
    """Open the main window (on `plan_file` if given) and run until it closes; returns the exit code."""
    problem = display_problem()
    if problem:
        print(f"carte-planner: {problem}", file=sys.stderr)
        return 1
    for name in BEFORE_QT:
        importlib.import_module(name)
    try:
        import PySide6.QtCore  # noqa: F401

        _known_without_qt()
        from carte_planner.ui.app import run_app
    except ImportError as error:
        print(
            "carte-planner: Qt could not be loaded "
            f"({error}). Reinstall with `make run`, or install the system libraries listed in the README.",
            file=sys.stderr,
        )
        return 1
    return run_app(argv or sys.argv[:1], exit_after_show=exit_after_show, plan_file=plan_file, language=language)
