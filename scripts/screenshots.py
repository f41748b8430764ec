"""Render the main window and each view to PNG files for the README (`make screenshots`).

Uses a fixed plan and a fixed "today", so the pictures only change when the app does.
Pass --scale 2 to check the window at 200 %, --dark for a dark palette, and --screen 1366x768
to open the window as large as that screen allows (offscreen, or the X display given when
QT_QPA_PLATFORM is set, for example under xvfb-run).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def save_if_changed(widget, path: Path) -> None:
    """Write the widget's picture, unless the file already shows exactly these pixels: running
    `make screenshots` again with nothing changed leaves every file as it is (the PNG encoder
    may write the same picture as different bytes)."""
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()
    if path.exists():
        before = QImage(str(path))
        if not before.isNull() and before.convertToFormat(image.format()) == image:
            return
    image.save(str(path))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--screen", help="a screen size in pixels, such as 1366x768: only the window is shot")
    parser.add_argument("--lang", default="en", help="the window's language: en, zh_CN, ru or ar")
    return parser


def file_names(args: argparse.Namespace) -> dict[str, str]:
    """The picture of each view one run writes, by view: the whole window alone with
    --screen (and the timeline too in another language), else the window and each view."""
    if args.screen:
        percent = round(float(args.scale) * 100)
        language = "" if args.lang == "en" else f"-{args.lang}"
        name = f"main-window-{args.screen}-{percent}{'-dark' if args.dark else ''}{language}.png"
        return {"window": name, "timeline": name.replace("main-window", "timeline")} if language else {"window": name}
    suffix = "" if args.scale == "1" and not args.dark else f"-{'dark' if args.dark else ''}{args.scale}x"
    views = ("timeline", "checklist", "calendar", "agenda")
    return {"window": f"main-window{suffix}.png", **{view: f"{view}{suffix}.png" for view in views}}


def main() -> int:
    args = build_parser().parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # Without --screen, a screen large enough for the 1500×940 window of the README.
        width, height = (int(part) for part in (args.screen or "1600x1000").lower().split("x"))
        config = Path(tempfile.mkdtemp()) / "screen.json"
        screen = {"name": "screenshots", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        config.write_text(json.dumps({"screens": [{**screen, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.shipped import shipped_reference
    from carte_planner.ui.app import make_app
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.main_window import MainWindow
    from carte_planner.ui.palette import dark_palette

    app = make_app(sys.argv[:1], args.lang)
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    settings_dir = tempfile.mkdtemp()
    settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
    request = TripRequest(
        start=date(2027, 3, 1),
        city="shanghai",
        home_tz="Europe/Berlin",
        home_airport="FRA",
        hospital_name="Example Hospital",
        hospital_name_zh="示例医院",
        travellers=("Anna", "Jonas"),
        confirmed=frozenset({"phase:screening"}),
    )
    from carte_planner.domain.checklist import ChecklistState

    ticks = ChecklistState().with_done("records-pathology", True).with_note("records-imaging", "Disc from Dr Weber")
    document = PlanDocument(Plan(request, "screenshot-plan", ticks), date(2027, 1, 4), reference=shipped_reference())
    settings.setValue("hints/startDismissed", True)
    window = MainWindow(document, settings, autosave_folder=Path(settings_dir) / "data")
    if args.screen:
        # As large as the screen allows, less a title bar and a frame.
        available = window.screen().availableGeometry()
        window.resize(available.width() - 16, available.height() - 48)
    else:
        window.resize(1500, 940)
    window.show()
    document.select("milestone:infusion")
    window.month.go_to(date(2027, 4, 1))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = file_names(args)
    app.processEvents()
    if args.screen:
        save_if_changed(window, out / names["window"])
        if "timeline" in names:
            # The painted views too: in Arabic they run from the right.
            window.tabs.setCurrentWidget(window.timeline)
            window.timeline.fit()
            app.processEvents()
            save_if_changed(window, out / names["timeline"])
        window.document.undo_stack.clear()
        window.close()
        print(f"Screenshot written to {out / names['window']}")
        return 0
    save_if_changed(window, out / names["window"])
    window.tabs.setCurrentWidget(window.timeline)
    window.timeline.fit()
    app.processEvents()
    save_if_changed(window.timeline, out / names["timeline"])
    window.tabs.setCurrentWidget(window.checklist)
    app.processEvents()
    save_if_changed(window.checklist, out / names["checklist"])
    window.tabs.setCurrentWidget(window.month)
    app.processEvents()
    save_if_changed(window.month, out / names["calendar"])
    save_if_changed(window.agenda, out / names["agenda"])
    window.document.undo_stack.clear()
    window.close()
    QApplication.processEvents()
    print(f"Screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
