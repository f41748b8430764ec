"""Opens the window on an offscreen screen of a given size and scale and prints what fits, as
JSON: run in a fresh process, since Qt reads the screen and the scale once, at start."""

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def main() -> None:
    width, height, scale = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    font_scale = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    language = sys.argv[5] if len(sys.argv) > 5 else "en"
    folder = Path(tempfile.mkdtemp())
    config = folder / "screen.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start

    start()

    app = QApplication([])
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * font_scale)
    app.setFont(font)
    from carte_planner.ui.language import apply_language

    apply_language(language)
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.ui.agenda_model import AgendaModel
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.main_window import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    request = TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin")
    document = PlanDocument(Plan(request, "probe"), date(2027, 1, 4), reference=shipped_reference())
    window = MainWindow(document, settings, autosave_folder=folder / "data")
    window.show()
    for _ in range(3):  # the first show may fit the window to the screen a moment later
        app.processEvents()
    available = window.screen().availableGeometry()
    panel_shown = window.panel_action.isChecked()
    panel_width = window.panel_scroll.width() if panel_shown else 0
    views_wider = window.tabs.width() > panel_width
    # The agenda gives way to the calendar while the panel is open on a small screen: its
    # columns are measured once the panel is closed, as the family reads it.
    window.show_panel(False)
    for _ in range(3):
        app.processEvents()
    table = window.agenda.table
    summary = window.summary.summary
    summary._document.setTextWidth(summary.width())
    result = {
        "screen": [available.width(), available.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "size": [window.width(), window.height()],
        "item_column": table.columnWidth(AgendaModel.ITEM),
        "item_min": window.agenda.item_min_width,
        "summary_fits": summary._document.size().height() <= summary.height(),
        "panel_shown": panel_shown,
        "views_wider": views_wider,
    }
    document.undo_stack.setClean()
    window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
