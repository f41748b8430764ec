"""Render the main window and each view to PNG files for the README (`make screenshots`).

Uses a fixed plan and a fixed "today", so the pictures only change when the app does.
Pass --scale 2 to check the window at 200 %, --dark for a dark palette.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.ui.app import make_app
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.main_window import MainWindow

    app = make_app(sys.argv[:1])
    if args.dark:
        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in {
            QPalette.ColorRole.Window: "#2b2b2b",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#1e1e1e",
            QPalette.ColorRole.AlternateBase: "#2a2a2a",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#353535",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.Highlight: "#3d8ee6",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Mid: "#555555",
            QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        }.items():
            palette.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777777"))
        app.setPalette(palette)
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
    document = PlanDocument(Plan(request, "screenshot-plan", ticks), date(2027, 1, 4))
    window = MainWindow(document, settings)
    window.resize(1500, 940)
    window.show()
    document.select("milestone:infusion")
    window.month.go_to(date(2027, 4, 1))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" and not args.dark else f"-{'dark' if args.dark else ''}{args.scale}x"
    app.processEvents()
    window.grab().save(str(out / f"main-window{suffix}.png"))
    window.tabs.setCurrentWidget(window.timeline)
    window.timeline.fit()
    app.processEvents()
    window.timeline.grab().save(str(out / f"timeline{suffix}.png"))
    window.tabs.setCurrentWidget(window.checklist)
    app.processEvents()
    window.checklist.grab().save(str(out / f"checklist{suffix}.png"))
    window.tabs.setCurrentWidget(window.month)
    app.processEvents()
    window.month.grab().save(str(out / f"calendar{suffix}.png"))
    window.agenda.grab().save(str(out / f"agenda{suffix}.png"))
    window.document.undo_stack.clear()
    window.close()
    QApplication.processEvents()
    print(f"Screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
